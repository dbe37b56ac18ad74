import { z } from 'zod';

/**
 * The project's own event format (JSON), read by `eventFromJson` and the `pnpm schedule` CLI.
 *
 * ```jsonc
 * {
 *   "name": "Synergies workshop, Lyon",
 *   "date": "2026-03-12",                 // local date of the event
 *   "timeZone": "Europe/Paris",           // IANA zone of the slot start times (default Europe/Paris)
 *   "sessions": [                          // consecutive slots; a break (lunch) separates sessions
 *     { "id": "morning", "name": "Morning", "slots": [
 *       { "id": "m1", "start": "09:00", "durationMinutes": 20 },
 *       { "id": "m2", "start": "09:20", "durationMinutes": 20 } ] },
 *     { "id": "afternoon", "slots": [ { "id": "a1", "start": "14:00", "durationMinutes": 20 } ] }
 *   ],
 *   "tables": [ { "id": "T1", "name": "Table 1" }, { "id": "T9", "reservedFor": "acme" } ],
 *   "participants": [
 *     { "id": "acme", "name": "Acme", "representatives": 1, "maxMeetings": 7, "minMeetings": 0,
 *       "unavailableSlots": ["m1"] }
 *   ],
 *   "requests": [
 *     { "id": "r1", "participants": ["acme", "beta"],   // two firms, or a small group
 *       "requestedBy": ["acme"],                          // one side or both (mutual)
 *       "priority": { "acme": 3 },                        // per requesting side, default 1
 *       "synergyIds": ["syn-42"],
 *       "session": "morning",                             // optional: only in this session
 *       "fixedSlot": "m2",                                // optional: must take this slot
 *       "after": ["r0"] }                                 // optional: held after these requests
 *   ],
 *   "mustScheduleAll": false,  // true: an event that cannot hold every request is infeasible
 *   "lunchCountsAsBreak": false // true: idle time between two sessions is a break, as in the
 *                               // Girona paper (slots numbered across sessions)
 * }
 * ```
 * A request's weight is the sum of its requesting sides' priorities, so a mutual request weighs more.
 * `minMeetings` is honoured when requests exceed capacity (by the exact selection; dropped as a whole
 * if the minimums cannot all be met, and not by the greedy selection used above 8,000 requests).
 * Times are wall-clock times in `timeZone` on `date`; slots must not cross midnight.
 */
const id = z.string().min(1);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const slotSchema = z.object({ id, start: clock, durationMinutes: z.number().int().positive() });

export const sessionSchema = z.object({
  id,
  name: z.string().optional(),
  slots: z.array(slotSchema).min(1),
});

export const tableSchema = z.object({ id, name: z.string().optional(), reservedFor: id.optional() });

export const participantSchema = z.object({
  id,
  name: z.string().optional(),
  representatives: z.number().int().positive().default(1),
  maxMeetings: z.number().int().nonnegative().optional(),
  minMeetings: z.number().int().nonnegative().optional(),
  unavailableSlots: z.array(id).default([]),
});

export const requestSchema = z.object({
  id,
  participants: z.array(id).min(2),
  requestedBy: z.array(id).min(1),
  priority: z.record(z.string(), z.number().positive()).default({}),
  synergyIds: z.array(id).default([]),
  session: id.optional(),
  fixedSlot: id.optional(),
  after: z.array(id).default([]),
});

export const schedulingEventSchema = z.object({
  name: z.string().default('Event'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  timeZone: z.string().default('Europe/Paris'),
  sessions: z.array(sessionSchema).min(1),
  tables: z.array(tableSchema).min(1),
  participants: z.array(participantSchema),
  requests: z.array(requestSchema),
  mustScheduleAll: z.boolean().default(false),
  lunchCountsAsBreak: z.boolean().default(false),
});

export type SchedulingEvent = z.infer<typeof schedulingEventSchema>;
export type EventInput = z.input<typeof schedulingEventSchema>;
/** @public the event format's parts, for readers of the format */
export type Participant = SchedulingEvent['participants'][number];
export type MeetingRequest = SchedulingEvent['requests'][number];
export type Session = SchedulingEvent['sessions'][number];
/** @public */
export type Slot = Session['slots'][number];
/** @public */
export type Table = SchedulingEvent['tables'][number];

export type EventParseResult = { ok: true; event: SchedulingEvent } | { ok: false; issues: { path: string; message: string }[] };

/** Validates untrusted JSON (already parsed) into a SchedulingEvent, never throws. */
export function eventFromJson(json: unknown): EventParseResult {
  const parsed = schedulingEventSchema.safeParse(json);
  if (parsed.success) return { ok: true, event: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}
