import { z } from 'zod';
import { FigureYear, Id, IdParams } from './common';
import { minutesOfDay } from '../clock';

/**
 * Business-meeting events ("rendez-vous d'affaires") of a zone: the setup facilitators edit, the
 * requests firms make, the computed schedule, the agendas and the follow-up of each meeting.
 */

export const MEETING_EVENT_STATUSES = ['draft', 'requests_open', 'scheduled', 'published'] as const;
export type MeetingEventStatus = (typeof MEETING_EVENT_STATUSES)[number];
export const MEETING_STATUSES = ['scheduled', 'done', 'no_show', 'cancelled'] as const;
export const SCHEDULE_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
/** What proved or found the breaks level: the break MILP, the SAT solver (no break at all), or the local search alone. */
export const SOLVE_METHODS = ['milp', 'sat', 'heuristic'] as const;
export type SolveMethod = (typeof SOLVE_METHODS)[number];

/** Short keys for slots, sessions and tables, chosen by the facilitator (e.g. "m1", "T3"). */
export const MeetingKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'Lettres, chiffres, « - » et « _ »');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure attendue au format HH:MM');

export const MeetingSlot = z.object({ id: MeetingKey, start: ClockTime, durationMinutes: z.number().int().min(5).max(240) });
export const MeetingSession = z.object({ id: MeetingKey, name: z.string().trim().max(80).default(''), slots: z.array(MeetingSlot).min(1).max(60) });

type SessionsInput = { id: string; slots: { id: string; start: string; durationMinutes: number }[] }[];

/** Slots follow each other in time, within and across sessions, on one day, with unique keys. */
function checkTimeline(sessions: SessionsInput, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  const sessionKeys = new Set<string>();
  let previousEnd = 0;
  sessions.forEach((session, k) => {
    if (sessionKeys.has(session.id)) ctx.addIssue({ code: 'custom', path: [k, 'id'], message: `Session « ${session.id} » en double` });
    sessionKeys.add(session.id);
    session.slots.forEach((slot, i) => {
      const path = [k, 'slots', i];
      if (seen.has(slot.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `Créneau « ${slot.id} » en double` });
      seen.add(slot.id);
      const start = minutesOfDay(slot.start);
      if (start < previousEnd)
        ctx.addIssue({ code: 'custom', path: [...path, 'start'], message: 'Ce créneau chevauche le précédent', params: { reason: 'slot_overlap' } });
      previousEnd = start + slot.durationMinutes;
      if (previousEnd > 24 * 60) ctx.addIssue({ code: 'custom', path: [...path, 'durationMinutes'], message: 'Un créneau finit avant minuit' });
    });
  });
}

export const MeetingSessions = z.array(MeetingSession).min(1).max(6).superRefine(checkTimeline);

export const MeetingTable = z.object({
  id: MeetingKey,
  name: z.string().trim().min(1).max(80),
  /** A host's own table (a stand): only its meetings sit there. */
  reservedFor: Id.nullable().default(null),
});
export const MeetingTables = z
  .array(MeetingTable)
  .min(1, 'Au moins une table')
  .max(500)
  .superRefine((tables, ctx) => {
    const seen = new Set<string>();
    tables.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Table « ${t.id} » en double` });
      seen.add(t.id);
    });
  });

export const MeetingParticipantInput = z
  .object({
    organisationId: Id,
    representatives: z.number().int().min(1).max(20).default(1),
    maxMeetings: z.number().int().min(0).max(100).nullable().default(null),
    minMeetings: z.number().int().min(0).max(100).nullable().default(null),
    unavailableSlots: z.array(MeetingKey).max(200).default([]),
  })
  .refine((p) => p.minMeetings === null || p.maxMeetings === null || p.minMeetings <= p.maxMeetings, {
    path: ['minMeetings'],
    message: 'Le minimum dépasse le maximum',
  });
export const MeetingParticipants = z
  .array(MeetingParticipantInput)
  .max(1000)
  .superRefine((participants, ctx) => {
    const seen = new Set<string>();
    participants.forEach((p, i) => {
      if (seen.has(p.organisationId)) ctx.addIssue({ code: 'custom', path: [i, 'organisationId'], message: 'Entreprise en double' });
      seen.add(p.organisationId);
    });
  });

const SetupFields = {
  name: z.string().trim().min(2).max(160),
  date: z.iso.date(),
  timeZone: z.literal('Europe/Paris').default('Europe/Paris'),
  sessions: MeetingSessions,
  tables: MeetingTables,
  participants: MeetingParticipants.default([]),
  /** Idle time between two sessions (lunch) counts as a break in the schedule's objective. */
  lunchCountsAsBreak: z.boolean().default(false),
  /** Every request must be held; otherwise scheduling fails and names what blocks it. */
  allRequestsRequired: z.boolean().default(false),
};

export const MeetingEventCreate = z.object({ zoneId: Id, ...SetupFields });
export type MeetingEventCreate = z.infer<typeof MeetingEventCreate>;
export const MeetingEventUpdate = z
  .object({
    name: SetupFields.name,
    date: SetupFields.date,
    sessions: SetupFields.sessions,
    tables: SetupFields.tables,
    participants: MeetingParticipants,
    lunchCountsAsBreak: z.boolean(),
    allRequestsRequired: z.boolean(),
  })
  .partial()
  .extend({ version: z.number().int() });
export type MeetingEventUpdate = z.infer<typeof MeetingEventUpdate>;

/** Facilitators open and close requests by hand; "scheduled" and "published" come from runs and publishing. */
export const MeetingEventStatusChange = z.object({ status: z.enum(['draft', 'requests_open']), version: z.number().int() });
export const MeetingEventListQuery = z.object({
  zoneId: Id,
  year: FigureYear.optional().describe('Events dated in this calendar year, as the dashboards count'),
});

const OrganisationRef = z.object({ id: Id, name: z.string() });

export const MeetingParticipant = z.object({
  organisationId: Id,
  organisationName: z.string(),
  representatives: z.number().int(),
  maxMeetings: z.number().int().nullable(),
  minMeetings: z.number().int().nullable(),
  unavailableSlots: z.array(z.string()),
});

export const MeetingEvent = z
  .object({
    id: Id,
    zoneId: Id,
    name: z.string(),
    date: z.string(),
    timeZone: z.string(),
    status: z.enum(MEETING_EVENT_STATUSES),
    sessions: z.array(
      z.object({ id: z.string(), name: z.string(), slots: z.array(z.object({ id: z.string(), start: z.string(), durationMinutes: z.number().int() })) }),
    ),
    /** Gaps between sessions (lunch), computed from the slots. */
    breaks: z.array(z.object({ afterSession: z.string(), start: z.string(), end: z.string() })),
    tables: z.array(z.object({ id: z.string(), name: z.string(), reservedFor: Id.nullable() })),
    participants: z.array(MeetingParticipant),
    /** The association whose organisers run it (participants then come from its members). */
    associationId: Id.nullable().optional(),
    lunchCountsAsBreak: z.boolean(),
    allRequestsRequired: z.boolean(),
    /** Version of the schedule members see; null until published. */
    publishedScheduleVersion: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MeetingEvent' });
export type MeetingEvent = z.infer<typeof MeetingEvent>;

export const MeetingEventSummary = MeetingEvent.pick({ id: true, zoneId: true, name: true, date: true, status: true, version: true }).extend({
  association: z
    .object({ id: Id, name: z.string() })
    .nullable()
    .describe("The association whose organisers run it; null for the zone's facilitators' own events"),
});
export type MeetingEventSummary = z.infer<typeof MeetingEventSummary>;
/** An event in its zone's list, with the meetings the dashboards count. */
export const ZoneMeetingEvent = MeetingEventSummary.extend({
  meetingsRequested: z.number().int().describe('Meetings requested for this event'),
  meetingsHeld: z.number().int().describe('Meetings held (done) at this event'),
});
export type ZoneMeetingEvent = z.infer<typeof ZoneMeetingEvent>;

// Requests -----------------------------------------------------------------------------------------

export const Priority = z.number().int().min(1).max(5);

export const MeetingRequestCreate = z
  .object({
    /** The asking side; members may leave it out (their own firm). */
    organisationId: Id.optional(),
    withOrganisationId: Id,
    priority: Priority.default(1),
    synergyIds: z.array(Id).max(20).default([]),
    /** Facilitators only: hold the meeting in this session, or at this very slot. */
    session: MeetingKey.nullable().default(null),
    fixedSlot: MeetingKey.nullable().default(null),
  })
  .refine((r) => r.organisationId !== r.withOrganisationId, { path: ['withOrganisationId'], message: 'Une entreprise ne se rencontre pas elle-même' });
export type MeetingRequestCreate = z.infer<typeof MeetingRequestCreate>;

export const MeetingRequestUpdate = z.object({
  /** The side whose priority changes; members may leave it out (their own firm). */
  organisationId: Id.optional(),
  priority: Priority.optional(),
  synergyIds: z.array(Id).max(20).optional(),
  session: MeetingKey.nullable().optional(),
  fixedSlot: MeetingKey.nullable().optional(),
  version: z.number().int(),
});
export type MeetingRequestUpdate = z.infer<typeof MeetingRequestUpdate>;

export const MeetingRequestParams = IdParams.extend({ requestId: Id });
export const WithdrawQuery = z.object({ organisationId: Id.optional() });

export const MeetingRequest = z
  .object({
    id: Id,
    eventId: Id,
    organisations: z.array(OrganisationRef),
    /** Sides that asked, with their priority (1 to 5); both when mutual. */
    requesters: z.array(z.object({ organisationId: Id, priority: z.number().int() })),
    synergyIds: z.array(Id),
    session: z.string().nullable(),
    fixedSlot: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MeetingRequest' });
export type MeetingRequest = z.infer<typeof MeetingRequest>;

// Scheduling runs and schedules ---------------------------------------------------------------------

export const ScheduleRunCreate = z.object({ timeLimitSeconds: z.number().int().min(1).max(600).default(30) });
export const ScheduleRunParams = IdParams.extend({ runId: Id });

export const ScheduleSummary = z.object({
  meetingsRequested: z.number().int(),
  meetingsScheduled: z.number().int(),
  priorityScheduled: z.number(),
  /** Proven upper bound on the priority held: equal to priorityScheduled when proven optimal. */
  priorityUpperBound: z.number(),
  totalBreaks: z.number().int(),
  breaksLowerBound: z.number().int(),
  optimal: z.boolean(),
  method: z.enum(SOLVE_METHODS),
  seconds: z.number(),
});

/**
 * What the solver named as making the event impossible: the firms whose requests or limits block,
 * and whether the tables there are and the required order are part of it.
 */
export const ScheduleRunBlocking = z.object({
  firms: z.array(z.object({ id: Id, name: z.string() })),
  tables: z.boolean(),
  order: z.boolean(),
});
export type ScheduleRunBlocking = z.infer<typeof ScheduleRunBlocking>;

export const ScheduleRun = z
  .object({
    id: Id,
    eventId: Id,
    status: z.enum(SCHEDULE_RUN_STATUSES),
    progress: z.number().int().min(0).max(100),
    timeLimitSeconds: z.number().int(),
    summary: ScheduleSummary.nullable(),
    scheduleVersion: z.number().int().nullable(),
    error: z.object({ code: z.string(), message: z.string(), blocking: ScheduleRunBlocking.nullable() }).nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ScheduleRun' });
export type ScheduleRun = z.infer<typeof ScheduleRun>;

const SlotTiming = {
  slotId: z.string(),
  sessionId: z.string(),
  /** UTC instants. */
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** Wall-clock times in Europe/Paris. */
  localStart: z.string(),
  localEnd: z.string(),
};

export const ScheduledMeeting = z.object({
  requestId: Id,
  organisations: z.array(OrganisationRef),
  ...SlotTiming,
  tableId: z.string(),
  tableName: z.string(),
});

export const UnscheduledMeeting = z.object({
  requestId: Id,
  organisations: z.array(OrganisationRef),
  reason: z.string().describe('participant_unavailable, max_meetings_reached, capacity_exhausted, table_capacity_exceeded, cancelled, participant_absent'),
  message: z.string(),
});

export const Schedule = z
  .object({
    eventId: Id,
    version: z.number().int(),
    kind: z.enum(['solve', 'change']),
    /** The setup or the requests changed since this schedule was computed. */
    outdated: z.boolean(),
    published: z.boolean(),
    createdAt: z.iso.datetime(),
    summary: ScheduleSummary,
    meetings: z.array(ScheduledMeeting),
    unscheduled: z.array(UnscheduledMeeting),
  })
  .meta({ id: 'Schedule' });
export type Schedule = z.infer<typeof Schedule>;

export const PublishBody = z.object({ version: z.number().int() });

// Day-of changes ----------------------------------------------------------------------------------

export const DayOfChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no_show'), organisationId: Id }),
  z.object({ kind: z.literal('late_arrival'), organisationId: Id, arrivesAt: z.iso.datetime({ offset: true }) }),
  z.object({ kind: z.literal('cancellation'), requestId: Id }),
  z.object({
    kind: z.literal('new_request'),
    organisationId: Id,
    withOrganisationId: Id,
    priority: Priority.default(1),
    synergyIds: z.array(Id).max(20).default([]),
  }),
]);
export type DayOfChange = z.infer<typeof DayOfChange>;

export const DayOfChangeResult = z.object({
  scheduleVersion: z.number().int(),
  /** Firms whose agenda changed (a meeting added, removed, moved or at another table). */
  changedAgendas: z.array(OrganisationRef),
  /** What changed in each of those agendas, in sentences to show as they are. */
  changes: z.array(z.object({ organisation: OrganisationRef, fr: z.array(z.string()), en: z.array(z.string()) })),
  /** The request created by a new_request change. */
  requestId: Id.nullable(),
  unscheduled: z.array(UnscheduledMeeting),
});

// Agendas and follow-up ---------------------------------------------------------------------------

export const AgendaParams = IdParams.extend({ organisationId: Id });

export const AgendaMeeting = z.object({
  /** Null before publication (facilitators' preview). */
  meetingId: Id.nullable(),
  requestId: Id,
  ...SlotTiming,
  tableId: z.string(),
  tableName: z.string(),
  with: z.array(OrganisationRef),
  synergyIds: z.array(Id),
  status: z.enum(MEETING_STATUSES),
  outcome: z.string(),
  version: z.number().int().nullable(),
});

export const Agenda = z
  .object({
    eventId: Id,
    eventName: z.string(),
    date: z.string(),
    timeZone: z.string(),
    organisation: OrganisationRef,
    scheduleVersion: z.number().int(),
    meetings: z.array(AgendaMeeting),
  })
  .meta({ id: 'Agenda' });
export type Agenda = z.infer<typeof Agenda>;

export const MeetingFollowUp = z
  .object({
    status: z.enum(MEETING_STATUSES).optional(),
    outcome: z.string().max(4000).optional(),
    version: z.number().int(),
  })
  .refine((m) => m.status !== undefined || m.outcome !== undefined, { message: 'Rien à modifier' });
export type MeetingFollowUp = z.infer<typeof MeetingFollowUp>;

export const MeetingRecord = z
  .object({
    id: Id,
    eventId: Id,
    requestId: Id,
    organisations: z.array(OrganisationRef),
    slotId: z.string(),
    tableId: z.string(),
    status: z.enum(MEETING_STATUSES),
    outcome: z.string(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MeetingRecord' });
export type MeetingRecord = z.infer<typeof MeetingRecord>;
