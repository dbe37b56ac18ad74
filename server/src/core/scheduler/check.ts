import type { SchedulingEvent } from './event-format';
import type { ScheduledMeeting, UnscheduledRequest } from './types';
import { validateSchedule, type Violation } from './validate';

export interface ScheduleCheck {
  violations: Violation[];
  /** Breaks recounted from the slots alone, per participant id. */
  breaksByParticipant: Record<string, number>;
  totalBreaks: number;
  maxBreakDifference: number;
}

/**
 * Independent check of a returned schedule, written apart from the solver's rules so that a bug
 * there cannot hide here: every hard rule of `validateSchedule` (accounting, sessions, fixed slots,
 * availability, representatives, tables, reserved tables, maximum meetings, precedences), every
 * request held when the event asks for it, the breaks recounted from the slot order, and the
 * fairness bound (no two participants' break counts differ by more than `fairness`).
 */
export function checkSchedule(
  event: SchedulingEvent,
  schedule: { meetings: readonly ScheduledMeeting[]; unscheduled: readonly UnscheduledRequest[] },
  fairness: number,
): ScheduleCheck {
  const violations = validateSchedule(event, schedule);
  if (event.mustScheduleAll && schedule.unscheduled.length > 0) {
    violations.push({ code: 'not_all_held', message: `${schedule.unscheduled.length} request(s) not held although every request must be held` });
  }
  // Position of each slot in the day, and where a session starts (lunch before it).
  const position = new Map<string, number>();
  const sessionStart = new Set<number>();
  for (const session of event.sessions) {
    sessionStart.add(position.size);
    for (const slot of session.slots) position.set(slot.id, position.size);
  }
  const busy = new Map<string, number[]>(event.participants.map((p) => [p.id, []]));
  for (const m of schedule.meetings) {
    const at = position.get(m.slotId);
    if (at === undefined) continue;
    for (const p of m.participants) busy.get(p)?.push(at);
  }
  const breaksByParticipant: Record<string, number> = {};
  let totalBreaks = 0;
  let low = Infinity;
  let high = -Infinity;
  for (const [participant, slots] of busy) {
    const sorted = [...new Set(slots)].sort((a, b) => a - b);
    let breaks = 0;
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i]! > sorted[i - 1]! + 1;
      // Without lunchCountsAsBreak, a gap made only of the time between sessions is no break.
      let crossesLunch = false;
      for (let s = sorted[i - 1]! + 1; s <= sorted[i]!; s++) if (sessionStart.has(s)) crossesLunch = true;
      if (gap && (event.lunchCountsAsBreak || !crossesLunch)) breaks++;
    }
    breaksByParticipant[participant] = breaks;
    totalBreaks += breaks;
    low = Math.min(low, breaks);
    high = Math.max(high, breaks);
  }
  const maxBreakDifference = busy.size === 0 ? 0 : high - low;
  if (maxBreakDifference > fairness) {
    violations.push({ code: 'fairness', message: `Break counts differ by ${maxBreakDifference}, more than the fairness bound ${fairness}` });
  }
  return { violations, breaksByParticipant, totalBreaks, maxBreakDifference };
}
