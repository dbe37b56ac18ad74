import { eventFromJson, reschedule, solveSchedule, type ScheduleChange } from '../../server/src/core/scheduler/index';
import { generateEvent } from './generate';

/**
 * Repair on the day of a 300-firm event (3,000 requests, 12 slots, 100 tables): a schedule is solved
 * once, then each change is repaired with the clock in the middle of the morning (slots 1-3 started).
 * Prints, per change, the seconds taken, meetings held before and after, agendas changed and breaks.
 */
export async function runRepair(): Promise<string[]> {
  const parsed = eventFromJson(generateEvent({ firms: 300, requests: 3000, slots: 12, tables: 100, maxMeetings: 8, seed: 7 }));
  if (!parsed.ok) throw new Error('generator produced an invalid event');
  const event = parsed.event;
  const solved = await solveSchedule(event, { timeLimitSeconds: 10 });
  if (solved.status !== 'scheduled') throw new Error(solved.failure.message);
  const now = new Date('2026-03-12T09:50:00+01:00'); // slots from 09:00 every 20 min: s1..s3 started
  const busiest = [...solved.meetings.flatMap((m) => m.participants).reduce((c, p) => c.set(p, (c.get(p) ?? 0) + 1), new Map<string, number>())].sort(
    (a, b) => b[1] - a[1],
  );
  const future = solved.meetings.find((m) => Number(m.slotId.slice(1)) > 4)!;
  const changes: [string, ScheduleChange][] = [
    ['no-show of the busiest firm', { kind: 'no_show', participantId: busiest[0]![0] }],
    [
      'late arrival (11:00) of the 2nd busiest',
      { kind: 'late_arrival', participantId: busiest[1]![0], arrivesAt: new Date('2026-03-12T11:00:00+01:00').toISOString() },
    ],
    ['cancellation of a future meeting', { kind: 'cancellation', requestId: future.requestId }],
  ];
  const lines = [`solved: ${solved.meetings.length}/${event.requests.length} meetings, ${solved.stats.totalBreaks} breaks`];
  for (const [label, change] of changes) {
    const started = performance.now();
    const r = reschedule(event, solved, change, now);
    const seconds = (performance.now() - started) / 1000;
    lines.push(
      `${label.padEnd(42)} ${seconds.toFixed(2)} s  held ${solved.meetings.length} -> ${r.schedule.meetings.length}, agendas changed ${r.changedParticipants.length}, breaks ${solved.stats.totalBreaks} -> ${r.schedule.stats.totalBreaks}`,
    );
  }
  return lines;
}
