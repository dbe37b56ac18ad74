import { schedulingEventSchema, type EventInput, type SchedulingEvent } from './event-format';
import { clockTime } from '@synergies/shared';

/**
 * Test and demo scenario builder: `scenario({ firms: ['a', 'b'], slots: [3, 2], tables: 2,
 * meetings: [['a', 'b']] })` gives a valid event with sessions of consecutive 20-minute slots
 * (ids m1.., a1..), tables T1.., one-sided requests r1.. of priority 1.
 */
export interface ScenarioInput {
  firms: (string | { id: string; name?: string; representatives?: number; maxMeetings?: number; unavailableSlots?: string[] })[];
  /** Slots per session: [morning, afternoon?]. */
  slots: number[];
  tables: number | EventInput['tables'];
  meetings: (readonly [string, string] | EventInput['requests'][number])[];
  date?: string;
  mustScheduleAll?: boolean;
  lunchCountsAsBreak?: boolean;
}

export function scenario(input: ScenarioInput): SchedulingEvent {
  const prefixes = ['m', 'a', 'e'];
  const starts = [9 * 60, 14 * 60, 18 * 60];
  const sessions = input.slots.map((n, k) => ({
    id: ['morning', 'afternoon', 'evening'][k]!,
    slots: Array.from({ length: n }, (_, i) => ({ id: `${prefixes[k]}${i + 1}`, start: clockTime(starts[k]! + 20 * i), durationMinutes: 20 })),
  }));
  const tables = typeof input.tables === 'number' ? Array.from({ length: input.tables }, (_, i) => ({ id: `T${i + 1}` })) : input.tables;
  const requests = input.meetings.map((m, i) =>
    Array.isArray(m) ? { id: `r${i + 1}`, participants: [m[0], m[1]], requestedBy: [m[0]] } : (m as EventInput['requests'][number]),
  );
  return schedulingEventSchema.parse({
    name: 'Scenario',
    date: input.date ?? '2026-03-12',
    sessions,
    tables,
    participants: input.firms.map((f) => (typeof f === 'string' ? { id: f } : f)),
    requests,
    mustScheduleAll: input.mustScheduleAll ?? false,
    lunchCountsAsBreak: input.lunchCountsAsBreak ?? false,
  });
}
