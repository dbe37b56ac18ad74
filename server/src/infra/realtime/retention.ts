import type { AppContext } from '../../context';
import { QUEUES } from '../jobs';
import { pruneEvents } from './event-store';

/**
 * Old events are deleted by an hourly job. A room always keeps its last `keepPerRoom` events
 * (at least the hub's replay window, so a client that may resume can) and everything younger
 * than `keepHours` (a phone asleep through a workshop morning still resumes).
 */
export const REALTIME_RETENTION = { keepHours: 48, keepPerRoom: 1000 };

export function pruneRealtimeEvents(ctx: Pick<AppContext, 'db' | 'now'>, retention = REALTIME_RETENTION): Promise<number> {
  return pruneEvents(ctx.db.$client, new Date(ctx.now().getTime() - retention.keepHours * 3_600_000), retention.keepPerRoom);
}

export async function startRealtimeRetention(ctx: AppContext, log: { info: (o: object, m: string) => void }): Promise<void> {
  await ctx.jobs.schedule(QUEUES.realtimePrune, '17 * * * *');
  await ctx.jobs.work(QUEUES.realtimePrune, { pollingIntervalSeconds: 60, batchSize: 1 }, async () => {
    const deleted = await pruneRealtimeEvents(ctx);
    if (deleted > 0) log.info({ deleted }, 'realtime events pruned');
  });
}
