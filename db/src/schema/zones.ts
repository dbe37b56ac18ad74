import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';

export const zones = pgTable('zones', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  region: text('region').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    siret: text('siret').notNull(),
    nafCode: text('naf_code'),
    headcount: integer('headcount'),
    description: text('description').notNull().default(''),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    associations: text('associations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('organisations_siret_key').on(t.siret), index('organisations_zone_name_idx').on(t.zoneId, t.name, t.id)],
);

export const sites = pgTable(
  'sites',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  // By name too: a firm's main site is its first by name, found without a sort per firm.
  (t) => [index('sites_organisation_idx').on(t.organisationId, t.name)],
);

/** Facilitators of a zone (a facilitator may run several zones). */
export const zoneFacilitators = pgTable(
  'zone_facilitators',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.userId] })],
);
