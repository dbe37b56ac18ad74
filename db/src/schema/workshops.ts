import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { WORKSHOP_PHASES } from '@synergies/shared';
import { createdAt, id, updatedAt, version } from './columns';
import { declarations } from './declarations';
import { meetingEvents } from './meetings';
import { users } from './users';
import { organisations, zones } from './zones';

/**
 * A live workshop of a zone: one morning of cards and leads, then the business meetings of its
 * linked event. The phase is changed explicitly by a facilitator (version-checked) and announced.
 */
export const workshops = pgTable(
  'workshops',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    date: text('date').notNull(),
    place: text('place').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    phase: text('phase', { enum: WORKSHOP_PHASES }).notNull().default('setup'),
    eventId: uuid('event_id').references(() => meetingEvents.id, { onDelete: 'set null' }),
    /** The code shown at the entrance: a participant scanning it checks their firm in. */
    checkInCode: text('check_in_code').notNull(),
    /** A facilitator's countdown shown on the room screen (a round, a card session). */
    timerLabel: text('timer_label'),
    timerEndsAt: timestamp('timer_ends_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('workshops_zone_idx').on(t.zoneId, t.date),
    unique('workshops_event_key').on(t.eventId),
    unique('workshops_check_in_code_key').on(t.checkInCode),
  ],
);

/** An invited firm, with its single-use join code (renewed by a facilitator when needed). */
export const workshopFirms = pgTable(
  'workshop_firms',
  {
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    joinCode: text('join_code').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true, mode: 'date' }),
    invitedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.organisationId] }), unique('workshop_firms_join_code_key').on(t.joinCode)],
);

/** A "we have / we need" card: a declaration entered during the workshop. */
export const workshopCards = pgTable(
  'workshop_cards',
  {
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    enteredBy: uuid('entered_by').references(() => users.id),
    byFacilitator: boolean('by_facilitator').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.declarationId] }), index('workshop_cards_workshop_idx').on(t.workshopId, t.createdAt)],
);

/** A room screen's display-only credential; stored hashed, revocable. */
export const workshopDisplayTokens = pgTable(
  'workshop_display_tokens',
  {
    id: id(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('workshop_display_tokens_workshop_idx').on(t.workshopId)],
);

/** Replayed create requests answer with their first response (see server/src/http/idempotency.ts). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    route: text('route').notNull(),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_user_key', columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
