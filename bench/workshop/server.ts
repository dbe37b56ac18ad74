/**
 * One server instance for the realtime load benchmark: the real app (sessions, the hub, its
 * route and room registry) on the benchmark's database, without Meilisearch or background
 * workers, which the realtime path does not use. Prints "ready <port>" once listening.
 */
import { randomBytes } from 'node:crypto';
import { buildApp } from '../../server/src/app';
import type { AppContext } from '../../server/src/context';
import { loadConfig } from '../../server/src/infra/config';
import { connectDatabase } from '../../server/src/infra/db';
import { startJobs } from '../../server/src/infra/jobs';
import { searchIndexes } from '../../server/src/infra/search/indexes';
import { SearchOutboxRelay } from '../../server/src/infra/search/outbox-relay';

const databaseUrl = process.env.DATABASE_URL!;
const port = Number(process.env.PORT);
// Production settings, with a throw-away secret (production refuses to start without one).
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'error',
  PUBLIC_URL: 'http://synergies.bench',
  PORT: String(port),
  COOKIE_SECRET: randomBytes(32).toString('hex'),
});
const quiet = { info: () => undefined, warn: (o: object, m: string) => console.error(m, o), error: (o: object, m: string) => console.error(m, o) };
const db = connectDatabase(databaseUrl, { max: 10 });
const search = searchIndexes('http://127.0.0.1:9', 'unused');
const jobs = await startJobs(databaseUrl, quiet);
const ctx: AppContext = { config, db, search, jobs, searchRelay: new SearchOutboxRelay(db.$client, search, quiet), now: () => new Date() };
const app = await buildApp(ctx, { logger: false });
await app.listen({ host: '127.0.0.1', port });
console.log(`ready ${port}`);

process.on('message', (m) => {
  if (m === 'memory')
    process.send!({
      rss: process.memoryUsage().rss,
      heapUsed: process.memoryUsage().heapUsed,
      connections: app.realtime.connectionCount,
      stats: app.realtime.stats,
    });
});
// The benchmark went away (crashed or interrupted): do not outlive it.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
