/**
 * `pnpm bench`: every benchmark, one after the other, printing its figures.
 * Sizes are those of the issues, except the national matching run, which defaults to
 * 3,000 organisations here (pass --national-orgs 100000 for the full 1M declarations).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

const runs: [string, string[]][] = [
  ['Scheduler: Girona instances and generated oversubscribed events', ['scheduler/run.ts']],
  ['Matching: generalisation of potential takers (leave one publication out, French and English)', ['matching/generalisation.ts']],
  ['Matching: quality on the MAESTRI exchanges (leave one case out)', ['matching/quality.ts']],
  ['Matching: speed of a full rematch in the engine', ['matching/speed.ts']],
  ['Matching: national scale on PostgreSQL and Meilisearch', ['matching/national.ts', '--orgs', flag('national-orgs', '3000'), '--samples', '100']],
  ['Realtime: workshop load on two instances, one killed mid-run', ['workshop/load.ts']],
];

let failed = 0;
for (const [title, args] of runs) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, args[0]!), ...args.slice(1)], {
    stdio: 'inherit',
    cwd: path.join(here, '..'),
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
