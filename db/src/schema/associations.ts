import { customType, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { meetingEvents } from './meetings';
import { users } from './users';
import { organisations, zones } from './zones';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A firms' association of a zone (e.g. ALons'ZI): its members book meetings with each other. */
export const associations = pgTable(
  'associations',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Where its members meet when a booking is "at the association's premises". */
    premises: text('premises').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('associations_zone_name_key').on(t.zoneId, t.name)],
);

/** The logo, re-checked like declaration photos (the bytes decide the type). */
export const associationLogos = pgTable('association_logos', {
  associationId: uuid('association_id')
    .primaryKey()
    .references(() => associations.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
});

export const associationMembers = pgTable(
  'association_members',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.organisationId] }), index('association_members_organisation_idx').on(t.organisationId)],
);

/** People who run the association: they see its booking activity and run events for its members. */
export const associationOrganisers = pgTable(
  'association_organisers',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.userId] }), index('association_organisers_user_idx').on(t.userId)],
);

/** Meeting events an association runs for its members (the event machinery stays the meetings module's). */
export const associationEvents = pgTable(
  'association_events',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => meetingEvents.id, { onDelete: 'cascade' }),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
  },
  (t) => [index('association_events_association_idx').on(t.associationId)],
);
