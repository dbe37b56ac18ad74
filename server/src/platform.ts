import type { Config } from './infra/config';
import type { AppContext } from './context';
import { connectDatabase, migrateDatabase } from './infra/db';
import { startJobs } from './infra/jobs';
import { startEmailDelivery } from './infra/mail';
import { syncReferenceData } from './infra/reference-data';
import { ensureIndexes, searchIndexes } from './infra/search/indexes';
import { markAllForReindex } from './infra/search/outbox';
import { startRealtimeRetention } from './infra/realtime/retention';
import { SearchOutboxRelay } from './infra/search/outbox-relay';
import { AuthService, startAuthWorkers } from './modules/auth/service';
import { startMatchingWorkers } from './modules/matching/service';
import { startMeetingWorkers } from './modules/meetings';
import { startNotificationWorkers } from './modules/notifications/service';
import { startBookingWorkers } from './modules/bookings';
import { startImportWorkers } from './modules/imports/service';

export interface PlatformOptions {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string;
  /** Index name prefix: lets tests share one Meilisearch. */
  indexPrefix?: string;
  /** Runs migrations and reference data first (false when a template already has them). */
  migrate?: boolean;
  /** Starts the background workers (search relay, email delivery…); by default unless the process is API-only. */
  workers?: boolean;
  now?: () => Date;
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void };
}

export interface Platform {
  ctx: AppContext;
  close(): Promise<void>;
}

/** Connects to the services, prepares schema and indexes, and starts the workers. */
export async function openPlatform(config: Config, o: PlatformOptions): Promise<Platform> {
  const db = connectDatabase(o.databaseUrl);
  if (o.migrate ?? true) {
    await migrateDatabase(db);
    await syncReferenceData(db);
  }
  const search = searchIndexes(o.meiliUrl, o.meiliKey, o.indexPrefix);
  // Documents shaped by an earlier version are re-sent through the outbox, in the background.
  for (const entity of await ensureIndexes(search)) await markAllForReindex(db, entity);
  const jobs = await startJobs(o.databaseUrl, o.log);
  const searchRelay = new SearchOutboxRelay(db.$client, search, o.log);
  const ctx: AppContext = { config, db, search, jobs, searchRelay, now: o.now ?? (() => new Date()) };
  if (o.workers ?? config.PROCESS_ROLE !== 'api') {
    await searchRelay.start();
    await startEmailDelivery(db.$client, jobs, { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log: o.log });
    await startAuthWorkers(ctx, new AuthService(ctx));
    await startMatchingWorkers(ctx, o.log);
    await startMeetingWorkers(ctx, o.log);
    await startNotificationWorkers(ctx);
    await startRealtimeRetention(ctx, o.log);
    await startBookingWorkers(ctx);
    await startImportWorkers(ctx, o.log);
  }
  return {
    ctx,
    close: async () => {
      await searchRelay.stop();
      await jobs.stop({ graceful: true, wait: true, timeout: 5000 });
      await db.$client.end({ timeout: 5 });
    },
  };
}
