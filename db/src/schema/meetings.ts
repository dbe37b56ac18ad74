import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { MEETING_EVENT_STATUSES, MEETING_STATUSES, SCHEDULE_RUN_STATUSES } from '@synergies/shared';
import { createdAt, id, updatedAt, version } from './columns';
import { users } from './users';
import { organisations, zones } from './zones';

export const meetingEventStatusEnum = pgEnum('meeting_event_status', MEETING_EVENT_STATUSES);
export const meetingStatusEnum = pgEnum('meeting_status', MEETING_STATUSES);

export interface StoredSession {
  id: string;
  name: string;
  slots: { id: string; start: string; durationMinutes: number }[];
}
export interface StoredTable {
  id: string;
  name: string;
  reservedFor: string | null;
}

/**
 * A business-meeting event of a zone. Sessions (with their slots) and tables are small ordered
 * lists edited as a whole, hence jsonb; participants and requests are rows because firms act on them.
 */
export const meetingEvents = pgTable(
  'meeting_events',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    /** Room for a later link to a workshop; no workshops table exists yet. */
    workshopId: uuid('workshop_id'),
    name: text('name').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    status: meetingEventStatusEnum('status').notNull().default('draft'),
    sessions: jsonb('sessions').$type<StoredSession[]>().notNull(),
    tables: jsonb('tables').$type<StoredTable[]>().notNull(),
    /** Idle time between two sessions (lunch) counts as a break for the scheduler's objective. */
    lunchCountsAsBreak: boolean('lunch_counts_as_break').notNull().default(false),
    /** Every request must be held: a schedule that drops one is refused, with what blocks it. */
    allRequestsRequired: boolean('all_requests_required').notNull().default(false),
    /** Bumped by every change of the setup or the requests: tells whether a schedule is outdated. */
    revision: integer('revision').notNull().default(1),
    publishedScheduleVersion: integer('published_schedule_version'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('meeting_events_zone_idx').on(t.zoneId, t.date)],
);

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => meetingEvents.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    representatives: integer('representatives').notNull().default(1),
    maxMeetings: integer('max_meetings'),
    minMeetings: integer('min_meetings'),
    unavailableSlots: text('unavailable_slots')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organisationId] })],
);

/**
 * One row per pair of firms (A < B by id): when both ask, the request is mutual and each side
 * keeps its own priority; a null priority means that side did not ask.
 */
export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => meetingEvents.id, { onDelete: 'cascade' }),
    organisationA: uuid('organisation_a').notNull(),
    organisationB: uuid('organisation_b').notNull(),
    priorityA: integer('priority_a'),
    priorityB: integer('priority_b'),
    /** Synergies the meeting is about (ids of the synergies table; arrays cannot carry a foreign key). */
    synergyIds: uuid('synergy_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    session: text('session'),
    fixedSlot: text('fixed_slot'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    unique('meeting_requests_pair_key').on(t.eventId, t.organisationA, t.organisationB),
    foreignKey({
      name: 'meeting_requests_participant_a_fk',
      columns: [t.eventId, t.organisationA],
      foreignColumns: [meetingParticipants.eventId, meetingParticipants.organisationId],
    }),
    foreignKey({
      name: 'meeting_requests_participant_b_fk',
      columns: [t.eventId, t.organisationB],
      foreignColumns: [meetingParticipants.eventId, meetingParticipants.organisationId],
    }),
    check('meeting_requests_ordered_pair', sql`${t.organisationA} < ${t.organisationB}`),
    check('meeting_requests_asked', sql`${t.priorityA} is not null or ${t.priorityB} is not null`),
  ],
);

/** A background scheduling run and its progress. */
export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => meetingEvents.id, { onDelete: 'cascade' }),
    status: text('status', { enum: SCHEDULE_RUN_STATUSES }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    /** The event revision the run read. */
    revision: integer('revision'),
    summary: jsonb('summary'),
    scheduleVersion: integer('schedule_version'),
    errorCode: text('error_code'),
    error: text('error'),
    /** What made the event impossible, when the solver named it: ScheduleRunBlocking (shared). */
    blocking: jsonb('blocking'),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('schedule_runs_event_idx').on(t.eventId, t.createdAt)],
);

/**
 * Every schedule of an event, numbered: version 1.. from runs, then one per day-of change. Each
 * keeps the scheduler's event it was computed on, so a change reschedules from exactly that.
 */
export const meetingSchedules = pgTable(
  'meeting_schedules',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => meetingEvents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['solve', 'change'] }).notNull(),
    revision: integer('revision').notNull(),
    runId: uuid('run_id').references(() => scheduleRuns.id),
    change: jsonb('change'),
    eventSnapshot: jsonb('event_snapshot').notNull(),
    meetings: jsonb('meetings').notNull(),
    unscheduled: jsonb('unscheduled').notNull(),
    stats: jsonb('stats').notNull(),
    changedOrganisations: uuid('changed_organisations')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('meeting_schedules_version_key').on(t.eventId, t.version)],
);

/** A held (or planned) meeting once published: where it stands and what came out of it. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => meetingEvents.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    organisationIds: uuid('organisation_ids').array().notNull(),
    slotId: text('slot_id').notNull(),
    tableId: text('table_id').notNull(),
    status: meetingStatusEnum('status').notNull().default('scheduled'),
    outcome: text('outcome').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [unique('meetings_request_key').on(t.eventId, t.requestId), index('meetings_organisations_idx').using('gin', t.organisationIds)],
);
