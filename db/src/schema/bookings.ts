import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BOOKING_MESSAGE_KINDS, BOOKING_PLACES, BOOKING_STATUSES } from '@synergies/shared';
import { associations } from './associations';
import { createdAt, id, updatedAt, version } from './columns';
import { users } from './users';
import { organisations, zones } from './zones';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Weekly opening hours (Europe/Paris wall clock) and days off of a firm, for bookings. */
export const firmAvailability = pgTable('firm_availability', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  weekly: jsonb('weekly').$type<{ weekday: number; start: string; end: string }[]>().notNull(),
  unavailableDays: date('unavailable_days', { mode: 'string' })
    .array()
    .notNull()
    .default(sql`'{}'::date[]`),
  updatedAt: updatedAt(),
  version: version(),
});

/**
 * A meeting one firm proposes to another, outside events. `organisationA < organisationB` orders
 * the pair so that one partial unique index keeps a single open proposal per pair and subject.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => organisations.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => organisations.id),
    organisationA: uuid('organisation_a').notNull(),
    organisationB: uuid('organisation_b').notNull(),
    /** Sorted synergy and declaration ids: what "the same subject" means. */
    subjectKey: text('subject_key').notNull(),
    subject: text('subject').notNull(),
    synergyIds: uuid('synergy_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    declarationIds: uuid('declaration_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** True when a linked synergy came from the matching engine (the activity report's share). */
    fromSuggestion: boolean('from_suggestion').notNull().default(false),
    place: text('place', { enum: BOOKING_PLACES }).notNull(),
    videoUrl: text('video_url'),
    associationId: uuid('association_id').references(() => associations.id),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('proposed'),
    /** The firm whose answer is awaited while proposed. */
    awaitingId: uuid('awaiting_id'),
    expiresAt: instant('expires_at'),
    startsAt: instant('starts_at'),
    endsAt: instant('ends_at'),
    /** ICS SEQUENCE of the calendar entry: bumped by every reschedule and the cancellation. */
    icsSequence: integer('ics_sequence').notNull().default(0),
    declineReason: text('decline_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    answeredAt: instant('answered_at'),
    version: version(),
  },
  (t) => [
    uniqueIndex('bookings_open_subject_key')
      .on(t.organisationA, t.organisationB, t.subjectKey)
      .where(sql`status = 'proposed'`),
    index('bookings_proposer_idx').on(t.proposerId, t.createdAt),
    index('bookings_recipient_idx').on(t.recipientId, t.createdAt),
    index('bookings_zone_idx').on(t.zoneId, t.createdAt),
    index('bookings_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'proposed'`),
    check('bookings_ordered_pair', sql`${t.organisationA} < ${t.organisationB}`),
    check('bookings_two_firms', sql`${t.proposerId} <> ${t.recipientId}`),
  ],
);

/** Time options of each round of the negotiation (the first proposal, then counter-proposals). */
export const bookingOptions = pgTable(
  'booking_options',
  {
    id: id(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
  },
  (t) => [index('booking_options_booking_idx').on(t.bookingId, t.round), check('booking_options_positive', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** The thread both firms read: every step of the negotiation and free notes. */
export const bookingMessages = pgTable(
  'booking_messages',
  {
    id: id(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: BOOKING_MESSAGE_KINDS }).notNull(),
    authorId: uuid('author_id').references(() => users.id),
    organisationId: uuid('organisation_id'),
    body: text('body').notNull().default(''),
    /**
     * Who the author's firm sends to the meeting, named with a proposal, a counter-proposal or
     * the acceptance; the acceptance puts it in `booking_attendees` (null: the author).
     */
    representativeId: uuid('representative_id').references(() => users.id),
    round: integer('round'),
    /** Order of writing: several steps may share a timestamp (an injected clock, one transaction). */
    position: bigserial('position', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('booking_messages_booking_idx').on(t.bookingId, t.position)],
);

/**
 * Who attends an accepted booking for each firm, over which time range: an exclusion
 * constraint (custom migration) refuses two overlapping meetings of one representative,
 * parallel acceptances included.
 */
export const bookingAttendees = pgTable(
  'booking_attendees',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** After the meeting: held or no_show, notes, and whether the firm wants the synergy to move on. */
    outcome: text('outcome', { enum: ['held', 'no_show'] }),
    notes: text('notes').notNull().default(''),
    advance: boolean('advance').notNull().default(false),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.organisationId] }), index('booking_attendees_user_idx').on(t.userId)],
);

/** A private calendar feed per person: only the SHA-256 of the secret in its URL is kept. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});
