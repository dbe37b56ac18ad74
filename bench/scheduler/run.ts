/**
 * Scheduler benchmarks: tsx bench/scheduler/run.ts [girona|generated] [--time-limit S] [--only NAME]
 * (a) the 20 Girona instances: all meetings scheduled, total breaks vs the published optimum,
 *     fairness d = 2, seconds; (b) generated oversubscribed events: priority held vs the MILP bound.
 */
import { runGenerated } from './generated';
import { runGirona } from './girona';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const timeLimit = Number(flag('--time-limit') ?? 10);
const only = flag('--only');
const which = args.find((a) => a === 'girona' || a === 'generated');

const pad = (v: string | number, n: number) => String(v).padEnd(n);

if (!which || which === 'girona') {
  console.log(`Girona instances (time limit ${timeLimit} s, fairness d = 2)`);
  console.log(`${pad('instance', 16)}${pad('all held', 10)}${pad('breaks', 8)}${pad('bound', 7)}${pad('published', 11)}${pad('fair', 6)}${pad('proven', 8)}seconds`);
  const rows = await runGirona(timeLimit, only);
  for (const r of rows) {
    console.log(
      `${pad(r.instance, 16)}${pad(r.allScheduled ? 'yes' : 'NO', 10)}${pad(r.breaks ?? '-', 8)}${pad(r.lowerBound ?? '-', 7)}${pad(r.published, 11)}${pad(r.fairnessHeld ? 'yes' : 'NO', 6)}${pad(r.optimal ? 'yes' : 'no', 8)}${r.seconds.toFixed(2)}`,
    );
  }
  const atOrBelow = rows.filter((r) => r.breaks !== null && r.breaks <= r.published).length;
  console.log(`${atOrBelow}/${rows.length} at or below the published optimum, ${rows.filter((r) => r.optimal).length} proven optimal, max ${Math.max(...rows.map((r) => r.seconds)).toFixed(2)} s\n`);
}
if (!which || which === 'generated') {
  console.log(`Generated oversubscribed events (time limit ${timeLimit} s)`);
  console.log(`${pad('event', 32)}${pad('requests', 10)}${pad('held', 7)}${pad('priority', 10)}${pad('bound', 8)}${pad('ratio', 9)}${pad('min/firm', 10)}seconds`);
  for (const r of await runGenerated(timeLimit, only)) {
    console.log(`${pad(r.name, 32)}${pad(r.requests, 10)}${pad(r.scheduled, 7)}${pad(r.priority, 10)}${pad(r.upperBound, 8)}${pad(`${(100 * r.ratio).toFixed(2)}%`, 9)}${pad(r.minMeetings, 10)}${r.seconds.toFixed(2)}`);
  }
}
