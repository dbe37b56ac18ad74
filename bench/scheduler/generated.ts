import { eventFromJson, solveSchedule } from '../../server/src/core/scheduler/index';
import { generateEvent, type GeneratorOptions } from './generate';

export interface GeneratedRow {
  name: string;
  requests: number;
  scheduled: number;
  priority: number;
  upperBound: number;
  ratio: number;
  minMeetings: number;
  breaks: number;
  seconds: number;
}

export const GENERATED_CASES: (GeneratorOptions & { name: string })[] = [
  { name: '500 firms / 5,000 requests', firms: 500, requests: 5000, slots: 12, tables: 120, maxMeetings: 7, seed: 1 },
  { name: '2,000 firms / 20,000 requests', firms: 2000, requests: 20000, slots: 12, tables: 480, maxMeetings: 7, seed: 2 },
];

export async function runGenerated(timeLimitSeconds: number, only?: string): Promise<GeneratedRow[]> {
  const rows: GeneratedRow[] = [];
  for (const c of GENERATED_CASES.filter((x) => !only || x.name.includes(only))) {
    const parsed = eventFromJson(generateEvent(c));
    if (!parsed.ok) throw new Error(`generator produced an invalid event: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    const started = performance.now();
    const result = await solveSchedule(parsed.event, { timeLimitSeconds });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 'scheduled') throw new Error(`${c.name}: ${result.failure.message}`);
    const s = result.stats;
    rows.push({
      name: c.name,
      requests: s.meetingsRequested,
      scheduled: s.meetingsScheduled,
      priority: s.priorityScheduled,
      upperBound: s.priorityUpperBound,
      ratio: s.priorityScheduled / s.priorityUpperBound,
      minMeetings: s.minMeetingsOfRequesters,
      breaks: s.totalBreaks,
      seconds,
    });
  }
  return rows;
}
