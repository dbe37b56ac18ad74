import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDzn, solveSchedule } from '../../server/src/core/scheduler/index';

export const GIRONA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'girona');

export interface GironaRow {
  instance: string;
  allScheduled: boolean;
  breaks: number | null;
  lowerBound: number | null;
  published: number;
  fairnessHeld: boolean;
  optimal: boolean;
  seconds: number;
}

export function gironaInstances(): string[] {
  return readdirSync(GIRONA_DIR)
    .filter((f) => f.endsWith('.dzn'))
    .map((f) => f.replace('.original.dzn', ''))
    .sort();
}

export async function runGirona(timeLimitSeconds: number, only?: string): Promise<GironaRow[]> {
  const optimum = JSON.parse(readFileSync(join(GIRONA_DIR, 'optimum.json'), 'utf8')) as { instances: Record<string, { breaks: number }> };
  const rows: GironaRow[] = [];
  for (const name of gironaInstances().filter((n) => !only || n.includes(only))) {
    const event = parseDzn(readFileSync(join(GIRONA_DIR, `${name}.original.dzn`), 'utf8'), name);
    const started = performance.now();
    const result = await solveSchedule(event, { timeLimitSeconds, fairness: 2 });
    const seconds = (performance.now() - started) / 1000;
    const stats = result.status === 'scheduled' ? result.stats : null;
    rows.push({
      instance: name,
      allScheduled: !!stats && stats.meetingsScheduled === stats.meetingsRequested,
      breaks: stats?.totalBreaks ?? null,
      lowerBound: stats?.breaksLowerBound ?? null,
      published: optimum.instances[name]?.breaks ?? NaN,
      fairnessHeld: stats?.fairnessHeld ?? false,
      optimal: stats?.optimal ?? false,
      seconds,
    });
  }
  return rows;
}
