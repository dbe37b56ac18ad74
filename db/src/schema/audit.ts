import { bigint, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { organisations, zones } from './zones';

/**
 * Who changed what: one row per accepted change made through the API (never the request
 * body, which may hold personal data). Kept when an account is deleted, with the actor
 * anonymised by the users row itself.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's firm at the time of the change. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    zoneId: uuid('zone_id').references(() => zones.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    /** The route pattern (`/api/v1/declarations/:id`), not the URL. */
    route: text('route').notNull(),
    entityId: uuid('entity_id'),
    status: smallint('status').notNull(),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_zone_idx').on(t.zoneId, t.id), index('audit_log_actor_idx').on(t.actorId, t.id)],
);
