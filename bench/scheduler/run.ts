/**
 * Scheduler benchmarks: tsx bench/scheduler/run.ts [girona|variants|repair|generated] [--time-limit S] [--only NAME]
 *                     or tsx bench/scheduler/run.ts dir FOLDER [--time-limit S] [--only NAME]
 * (a) the 20 Girona instances, breaks counted as the paper counts them (lunch is a break) against the
 *     published optimum, every schedule re-checked by the independent checker; (b) the 120 seeded
 *     section 7.4 variants: optimum or infeasibility, each proven or not; (c) repair on the day of a
 *     300-firm event; (d) generated oversubscribed events: priority held vs the MILP bound; (e) every
 *     .dzn file of a folder (the paper's own variant files, say), in the variants' table.
 * "proven" is only printed when the solver proved it (MILP bound or infeasibility proof).
 */
import { runGenerated } from './generated';
import { dznFilesIn, runGirona, runInstance, type DznFile, type InstanceRow } from './girona';
import { runRepair } from './repair';
import { allVariants } from './variants';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const timeLimit = Number(flag('--time-limit') ?? 10);
const only = flag('--only');
const which = args.find((a) => ['girona', 'variants', 'repair', 'generated', 'dir'].includes(a));
const folder = which === 'dir' ? args[args.indexOf('dir') + 1] : undefined;
if (which === 'dir' && (!folder || folder.startsWith('--'))) {
  console.error('Usage: tsx bench/scheduler/run.ts dir FOLDER [--time-limit S] [--only NAME]');
  process.exit(2);
}
const pad = (v: string | number, n: number) => String(v).padEnd(n);
const yesNo = (v: boolean | null) => (v === null ? '-' : v ? 'yes' : 'NO');

function summary(rows: InstanceRow[]): string {
  const scheduled = rows.filter((r) => r.status === 'scheduled');
  const infeasible = rows.filter((r) => r.status === 'infeasible');
  const unknown = rows.filter((r) => r.status === 'unknown');
  const bad = scheduled.filter((r) => !r.checked).length;
  const slow = rows.filter((r) => r.seconds > timeLimit).length;
  const solved = scheduled.filter((r) => r.proven).length + infeasible.length;
  return `${solved} solved (a proven optimum or proven infeasibility): ${scheduled.length} scheduled (${scheduled.filter((r) => r.proven).length} proven optimal, ${bad} failing the check), ${infeasible.length} proven infeasible, ${unknown.length} unknown within the time limit; ${slow} over ${timeLimit} s, max ${Math.max(0, ...rows.map((r) => r.seconds)).toFixed(2)} s`;
}

if (!which || which === 'girona') {
  console.log(`Girona instances (time limit ${timeLimit} s, fairness d = 2, breaks as in the paper: idle time over lunch is a break)`);
  console.log(
    `${pad('instance', 16)}${pad('status', 11)}${pad('all held', 10)}${pad('breaks', 8)}${pad('published', 11)}${pad('bound', 7)}${pad('fair', 6)}${pad('checked', 9)}${pad('proven', 8)}${pad('by', 10)}seconds`,
  );
  const rows = await runGirona(timeLimit, only, (r) =>
    console.log(
      `${pad(r.instance, 16)}${pad(r.status, 11)}${pad(yesNo(r.allScheduled), 10)}${pad(r.breaks ?? '-', 8)}${pad(r.published, 11)}${pad(r.lowerBound ?? '-', 7)}${pad(yesNo(r.status === 'scheduled' ? r.fairnessHeld : null), 6)}${pad(yesNo(r.checked), 9)}${pad(r.proven ? 'yes' : 'no', 8)}${pad(r.method ?? '-', 10)}${r.seconds.toFixed(2)}${r.reason ? `  ${r.reason}` : ''}`,
    ),
  );
  const atOptimum = rows.filter((r) => r.breaks !== null && r.breaks === r.published && r.checked).length;
  const below = rows.filter((r) => r.breaks !== null && r.breaks < r.published).length;
  console.log(`Summary: ${atOptimum}/${rows.length} at the published optimum${below ? ` (${below} BELOW it: a counting error)` : ''}; ${summary(rows)}\n`);
}
/** Solves each instance in turn and prints the variants' table. */
async function printInstanceTable(title: string, instances: DznFile[]): Promise<void> {
  console.log(title);
  console.log(`${pad('instance', 30)}${pad('status', 11)}${pad('breaks', 8)}${pad('bound', 7)}${pad('checked', 9)}${pad('proven', 8)}${pad('by', 10)}seconds`);
  const rows: InstanceRow[] = [];
  for (const v of instances.filter((x) => !only || x.name.includes(only))) {
    const r = await runInstance(v.name, v.text, timeLimit);
    rows.push(r);
    console.log(
      `${pad(r.instance, 30)}${pad(r.status, 11)}${pad(r.breaks ?? '-', 8)}${pad(r.lowerBound ?? '-', 7)}${pad(yesNo(r.checked), 9)}${pad(r.proven ? 'yes' : 'no', 8)}${pad(r.method ?? '-', 10)}${r.seconds.toFixed(2)}${r.reason ? `  ${r.reason}` : ''}`,
    );
  }
  console.log(`Summary: ${rows.length} instances; ${summary(rows)}\n`);
}

if (!which || which === 'variants') {
  await printInstanceTable(`Section 7.4 variants, seeded (time limit ${timeLimit} s, fairness d = 2)`, allVariants());
}
if (folder) {
  const instances = dznFilesIn(folder);
  await printInstanceTable(`${folder}: ${instances.length} .dzn files (time limit ${timeLimit} s, fairness d = 2)`, instances);
}
if (!which || which === 'repair') {
  console.log('Repair on the day (300 firms): re-optimise the slots not yet started');
  for (const r of await runRepair()) console.log(`  ${r}`);
  console.log('');
}
if (!which || which === 'generated') {
  console.log(`Generated oversubscribed events (time limit ${timeLimit} s)`);
  console.log(
    `${pad('event', 32)}${pad('requests', 10)}${pad('held', 7)}${pad('priority', 10)}${pad('bound', 8)}${pad('ratio', 9)}${pad('min/firm', 10)}seconds`,
  );
  for (const r of await runGenerated(timeLimit, only)) {
    console.log(
      `${pad(r.name, 32)}${pad(r.requests, 10)}${pad(r.scheduled, 7)}${pad(r.priority, 10)}${pad(r.upperBound, 8)}${pad(`${(100 * r.ratio).toFixed(2)}%`, 9)}${pad(r.minMeetings, 10)}${r.seconds.toFixed(2)}`,
    );
  }
}
