import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchedule, parseDzn, solveSchedule } from '../../server/src/core/scheduler/index';

export const GIRONA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'girona');
const FAIRNESS = 2;

export interface InstanceRow {
  instance: string;
  /** scheduled, infeasible (proven), unknown (nothing found and nothing proven in time). */
  status: 'scheduled' | 'infeasible' | 'unknown';
  allScheduled: boolean;
  /** Breaks as the paper counts them (lunch is a break), recounted by the independent checker. */
  breaks: number | null;
  lowerBound: number | null;
  fairnessHeld: boolean;
  /** The independent checker found no violation (null when there is no schedule). */
  checked: boolean | null;
  /** Optimum proven (scheduled) or infeasibility proven (infeasible). */
  proven: boolean;
  reason: string;
  /** Which solver gave the schedule returned (null when there is none). */
  method: string | null;
  seconds: number;
}

export interface GironaRow extends InstanceRow {
  published: number;
}

/** An instance file's name (without the extension) and its text. */
export interface DznFile {
  name: string;
  text: string;
}

/** The .dzn files of a folder, by name without the extension, in name order. */
function dznNamesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.dzn'))
    .map((f) => f.replace(/\.dzn$/, ''))
    .sort();
}

export function gironaInstances(): string[] {
  return dznNamesIn(GIRONA_DIR)
    .map((name) => name.replace(/\.original$/, ''))
    .sort();
}

/** Every .dzn file of a folder, in name order. */
export function dznFilesIn(folder: string): DznFile[] {
  return dznNamesIn(folder).map((name) => ({ name, text: readFileSync(join(folder, `${name}.dzn`), 'utf8') }));
}

/** Solves one .dzn text and checks the answer apart from the solver. */
export async function runInstance(name: string, text: string, timeLimitSeconds: number): Promise<InstanceRow> {
  const event = parseDzn(text, name);
  const started = performance.now();
  const result = await solveSchedule(event, { timeLimitSeconds, fairness: FAIRNESS });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 'scheduled') {
    const proven = result.failure.proven;
    return {
      instance: name,
      status: proven ? 'infeasible' : 'unknown',
      allScheduled: false,
      breaks: null,
      lowerBound: null,
      fairnessHeld: false,
      checked: null,
      proven,
      reason: result.failure.code,
      method: null,
      seconds,
    };
  }
  const check = checkSchedule(event, result, FAIRNESS);
  return {
    instance: name,
    status: 'scheduled',
    allScheduled: result.unscheduled.length === 0,
    breaks: check.totalBreaks,
    lowerBound: result.stats.breaksLowerBound,
    fairnessHeld: check.maxBreakDifference <= FAIRNESS,
    checked: check.violations.length === 0,
    proven: result.stats.optimal,
    reason: check.violations.map((v) => v.code).join(','),
    method: result.stats.method,
    seconds,
  };
}

export async function runGirona(timeLimitSeconds: number, only?: string, onRow?: (row: GironaRow) => void): Promise<GironaRow[]> {
  const optimum = JSON.parse(readFileSync(join(GIRONA_DIR, 'optimum.json'), 'utf8')) as { instances: Record<string, { breaks: number }> };
  const rows: GironaRow[] = [];
  for (const name of gironaInstances().filter((n) => !only || n.includes(only))) {
    const row = await runInstance(name, readFileSync(join(GIRONA_DIR, `${name}.original.dzn`), 'utf8'), timeLimitSeconds);
    const full = { ...row, published: optimum.instances[name]?.breaks ?? NaN };
    rows.push(full);
    onRow?.(full);
  }
  return rows;
}
