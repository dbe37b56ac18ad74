import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { SYNERGY_KINDS, SYNERGY_ORIGINS, SYNERGY_STATUSES } from '@synergies/shared';
import { createdAt, id, updatedAt, version } from './columns';
import { declarations } from './declarations';
import { unitEnum } from './enums';
import { users } from './users';
import { organisations, zones } from './zones';

export const synergyKindEnum = pgEnum('synergy_kind', SYNERGY_KINDS);
export const synergyStatusEnum = pgEnum('synergy_status', SYNERGY_STATUSES);
export const synergyOriginEnum = pgEnum('synergy_origin', SYNERGY_ORIGINS);

export const synergies = pgTable(
  'synergies',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    kind: synergyKindEnum('kind').notNull(),
    /** The engine's stable identity of the proposal (kind + sorted ids); null for hand-made ones. */
    proposalKey: text('proposal_key'),
    origin: synergyOriginEnum('origin').notNull(),
    status: synergyStatusEnum('status').notNull().default('proposed'),
    title: text('title').notNull(),
    /** What a generated title is made of, to say it in each reader's language; null for titles people wrote. */
    titleParts: jsonb('title_parts'),
    score: doublePrecision('score'),
    reasons: jsonb('reasons')
      .notNull()
      .default(sql`'[]'::jsonb`),
    explanationFr: text('explanation_fr').notNull().default(''),
    explanationEn: text('explanation_en').notNull().default(''),
    /** Material fields of the declarations when last proposed: a declined pair returns only if it changes. */
    fingerprint: text('fingerprint'),
    dropReason: text('drop_reason'),
    /** A marketplace request's "declaration:requesting firm": one open request per pair, kept by the index below. */
    requestKey: text('request_key'),
    validatedBy: uuid('validated_by').references(() => users.id),
    validatedAt: timestamp('validated_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('synergies_proposal_key_idx').on(t.proposalKey),
    uniqueIndex('synergies_open_request_idx')
      .on(t.requestKey)
      .where(sql`${t.status} not in ('dropped', 'implemented')`),
    index('synergies_zone_status_idx').on(t.zoneId, t.status, t.score),
    // The few open pools of a zone and category, which a larger pool of the engine grows or merges (see openGroupsWithin).
    index('synergies_open_engine_groups_idx')
      .on(t.zoneId, sql`(${t.titleParts} ->> 'categoryCode')`)
      .where(sql`${t.kind} = 'mutualisation' and ${t.origin} = 'engine' and ${t.status} in ('proposed', 'under_discussion')`),
  ],
);

/** A firm involved in a synergy, with the declaration it brings and its answer. */
export const synergyParties = pgTable(
  'synergy_parties',
  {
    synergyId: uuid('synergy_id')
      .notNull()
      .references(() => synergies.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    declarationId: uuid('declaration_id').references(() => declarations.id),
    role: text('role', { enum: ['giver', 'taker', 'member'] }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    declinedAt: timestamp('declined_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.synergyId, t.organisationId] }), index('synergy_parties_organisation_idx').on(t.organisationId)],
);

export const synergyDeclarations = pgTable(
  'synergy_declarations',
  {
    synergyId: uuid('synergy_id')
      .notNull()
      .references(() => synergies.id, { onDelete: 'cascade' }),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id),
  },
  (t) => [primaryKey({ columns: [t.synergyId, t.declarationId] }), index('synergy_declarations_declaration_idx').on(t.declarationId)],
);

/** History: who did what, when (status changes, answers, reservations, hand-overs). */
export const synergyEvents = pgTable(
  'synergy_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    synergyId: uuid('synergy_id')
      .notNull()
      .references(() => synergies.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: synergyStatusEnum('from_status'),
    toStatus: synergyStatusEnum('to_status'),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    note: text('note'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('synergy_events_synergy_idx').on(t.synergyId, t.at)],
);

export const synergyMessages = pgTable(
  'synergy_messages',
  {
    id: id(),
    synergyId: uuid('synergy_id')
      .notNull()
      .references(() => synergies.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('synergy_messages_synergy_idx').on(t.synergyId, t.createdAt)],
);

/** A material handed over: who gave what to whom, how much, when (printable record). */
export const exchanges = pgTable('exchanges', {
  id: id(),
  synergyId: uuid('synergy_id')
    .notNull()
    .references(() => synergies.id),
  declarationId: uuid('declaration_id').references(() => declarations.id),
  giverId: uuid('giver_id')
    .notNull()
    .references(() => organisations.id),
  takerId: uuid('taker_id')
    .notNull()
    .references(() => organisations.id),
  description: text('description').notNull(),
  quantity: doublePrecision('quantity').notNull(),
  unit: unitEnum('unit').notNull(),
  handedOverAt: timestamp('handed_over_at', { withTimezone: true, mode: 'date' }).notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: createdAt(),
});

/** Real quantities of an implemented synergy and the impacts computed from them. */
export const synergyImpacts = pgTable('synergy_impacts', {
  synergyId: uuid('synergy_id')
    .primaryKey()
    .references(() => synergies.id, { onDelete: 'cascade' }),
  quantity: doublePrecision('quantity').notNull(),
  unit: unitEnum('unit').notNull(),
  perYear: boolean('per_year').notNull(),
  year: integer('year').notNull(),
  tonnes: doublePrecision('tonnes').notNull(),
  eurosSaved: doublePrecision('euros_saved').notNull(),
  co2eKg: doublePrecision('co2e_kg').notNull(),
  kmAvoided: doublePrecision('km_avoided').notNull(),
  factorCode: text('factor_code').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Admin-editable impact factors per category (a family's factor serves its categories). */
export const impactFactors = pgTable('impact_factors', {
  categoryCode: text('category_code').primaryKey(),
  co2eKgPerTonne: doublePrecision('co2e_kg_per_tonne').notNull(),
  eurosPerTonne: doublePrecision('euros_per_tonne').notNull(),
  kgPerUnit: doublePrecision('kg_per_unit').notNull().default(1),
  referenceTripKm: doublePrecision('reference_trip_km').notNull().default(30),
  tonnesPerTrip: doublePrecision('tonnes_per_trip').notNull().default(5),
  source: text('source').notNull(),
  updatedAt: updatedAt(),
  version: version(),
});

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    synergyId: uuid('synergy_id').references(() => synergies.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    text: text('text').notNull(),
    /** Notifications of one kind gathered while unread ("new suggestions of the day"), and how many they stand for. */
    groupKey: text('group_key'),
    count: integer('count').notNull().default(1),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_open_group_idx')
      .on(t.userId, t.groupKey)
      .where(sql`${t.readAt} is null and ${t.groupKey} is not null`),
  ],
);

/** A full rematch of a zone (or of everything) run in the background, with its progress. */
export const matchRuns = pgTable('match_runs', {
  id: id(),
  zoneId: uuid('zone_id').references(() => zones.id),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
    .notNull()
    .default('queued'),
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  /** Proposals the run created, refreshed and retired (replaced or no longer made). */
  proposals: integer('proposals').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  retired: integer('retired').notNull().default(0),
  error: text('error'),
  requestedBy: uuid('requested_by').references(() => users.id),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
});
