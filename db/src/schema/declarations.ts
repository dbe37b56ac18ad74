import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { conditionEnum, declarationKindEnum, declarationStatusEnum, frequencyEnum, priceModeEnum, unitEnum, visibilityEnum } from './enums';
import { organisations, sites, zones } from './zones';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  parent: text('parent'),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
});

export const wasteCodes = pgTable('waste_codes', {
  code: text('code').primaryKey(),
  labelFr: text('label_fr').notNull(),
  hazardous: boolean('hazardous').notNull(),
  chapter: text('chapter').notNull(),
});

export const declarations = pgTable(
  'declarations',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    // Denormalised from the organisation so zone-scoped lists need no join.
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    kind: declarationKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    // Stored without the hazard asterisk; hazard is its own column.
    wasteCode: text('waste_code').references(() => wasteCodes.code),
    quantity: doublePrecision('quantity'),
    unit: unitEnum('unit').notNull().default('unit'),
    frequency: frequencyEnum('frequency').notNull().default('one-off'),
    availableFrom: date('available_from', { mode: 'string' }),
    availableUntil: date('available_until', { mode: 'string' }),
    condition: conditionEnum('condition'),
    priceMode: priceModeEnum('price_mode').notNull().default('free'),
    priceAmount: doublePrecision('price_amount'),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    hazardous: boolean('hazardous').notNull().default(false),
    status: declarationStatusEnum('status').notNull().default('active'),
    visibility: visibilityEnum('visibility').notNull().default('zone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('declarations_zone_list_idx').on(t.zoneId, t.createdAt, t.id),
    index('declarations_organisation_idx').on(t.organisationId, t.createdAt, t.id),
    index('declarations_active_category_idx')
      .on(t.categoryCode)
      .where(sql`status = 'active'`),
    // Incremental matching's candidates by blocking key: within a zone, and among the
    // declarations open to every zone (see keyedCandidates).
    index('declarations_active_zone_category_idx')
      .on(t.zoneId, t.categoryCode)
      .where(sql`status = 'active'`),
    index('declarations_active_zone_waste_idx')
      .on(t.zoneId, t.wasteCode)
      .where(sql`status = 'active' and waste_code is not null`),
    index('declarations_active_zone_waste_sub_chapter_idx')
      .on(t.zoneId, sql`left(${t.wasteCode}, 5)`)
      .where(sql`status = 'active' and waste_code is not null`),
    index('declarations_open_category_idx')
      .on(t.categoryCode)
      .where(sql`status = 'active' and visibility = 'all'`),
    index('declarations_open_waste_idx')
      .on(t.wasteCode)
      .where(sql`status = 'active' and visibility = 'all' and waste_code is not null`),
    index('declarations_open_waste_sub_chapter_idx')
      .on(sql`left(${t.wasteCode}, 5)`)
      .where(sql`status = 'active' and visibility = 'all' and waste_code is not null`),
  ],
);

export const declarationPhotos = pgTable(
  'declaration_photos',
  {
    id: id(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('declaration_photos_declaration_idx').on(t.declarationId)],
);

/**
 * Transactional outbox towards Meilisearch: a row is written in the same transaction
 * as the change, and the relay pushes the entity's current state (or its deletion).
 */
export const searchOutbox = pgTable('search_outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  entity: text('entity', { enum: ['declaration', 'organisation'] }).notNull(),
  entityId: uuid('entity_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
