import type { CurrentUser, ScheduleRun, ScheduleRunBlocking } from '@synergies/shared';
import { solveSchedule, type ScheduleResult } from '../../core/scheduler';
import type { AppContext } from '../../context';
import { notFound } from '../../http/problem';
import { QUEUES, jobsExecutor } from '../../infra/jobs';
import { rawSql } from '../../infra/db';
import { accessEvent, requireFacilitator, requireNotPublished } from './access';
import * as repo from './repository';
import * as schedules from './schedule-repository';
import { blockingOf, summaryOf, toSchedulingEvent } from './scheduling-event';

export interface RunJob {
  eventId: string;
  runId: string;
}

type Log = { error: (o: object, m: string) => void };

function present(run: schedules.RunRow): ScheduleRun {
  return {
    id: run.id,
    eventId: run.eventId,
    status: run.status,
    progress: run.progress,
    timeLimitSeconds: run.timeLimitSeconds,
    summary: (run.summary as ScheduleRun['summary']) ?? null,
    scheduleVersion: run.scheduleVersion,
    error: run.errorCode ? { code: run.errorCode, message: run.error ?? '', blocking: (run.blocking as ScheduleRunBlocking | null) ?? null } : null,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** Scheduling runs: queued by facilitators, solved by a background worker that reports progress. */
export class ScheduleRunService {
  constructor(
    private readonly ctx: AppContext,
    private readonly log?: Log,
  ) {}

  async request(user: CurrentUser, eventId: string, timeLimitSeconds: number): Promise<ScheduleRun> {
    const run = await this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, eventId, true);
      requireFacilitator(access);
      requireNotPublished(access.event);
      const row = await schedules.insertRun(tx, { eventId, timeLimitSeconds, requestedBy: user.id, createdAt: this.ctx.now() });
      await this.ctx.jobs.send(QUEUES.meetingSchedule, { eventId, runId: row.id } satisfies RunJob, { db: jobsExecutor(rawSql(tx)) });
      return row;
    });
    return present(run);
  }

  async get(user: CurrentUser, eventId: string, runId: string): Promise<ScheduleRun> {
    requireFacilitator(await accessEvent(this.ctx.db, user, eventId));
    const run = await schedules.findRun(this.ctx.db, eventId, runId);
    if (!run) throw notFound('Calcul');
    return present(run);
  }

  /** The worker's side: solve the event as it is now, store the schedule as a new version. */
  async execute({ eventId, runId }: RunJob): Promise<void> {
    const db = this.ctx.db;
    const run = await schedules.claimRun(db, runId, this.ctx.now());
    if (!run) return;
    try {
      // Read the event, participants and requests together, so they form one revision.
      const input = await db.transaction(async (tx) => {
        const event = (await repo.findEvent(tx, eventId, true))!;
        return { revision: event.revision, scheduling: toSchedulingEvent(event, await repo.participantsOf(tx, eventId), await repo.requestsOf(tx, eventId)) };
      });
      const result = await this.solveWithProgress(runId, input.scheduling, run.timeLimitSeconds);
      await db.transaction(async (tx) => {
        const event = (await repo.findEvent(tx, eventId, true))!;
        const now = this.ctx.now();
        const finish = (values: Parameters<typeof schedules.finishRun>[2]) => schedules.finishRun(tx, runId, { ...values, revision: input.revision }, now);
        if (event.status === 'published')
          return finish({ status: 'failed', errorCode: 'event_published', error: 'Le planning a été publié pendant le calcul.' });
        if (result.status === 'infeasible') {
          return finish({
            status: 'failed',
            errorCode: result.failure.code,
            error: result.failure.message,
            blocking: blockingOf(result.failure, input.scheduling),
            summary: result.stats ? summaryOf(result.stats) : null,
          });
        }
        const version = await schedules.insertSchedule(
          tx,
          {
            eventId,
            kind: 'solve',
            revision: input.revision,
            event: input.scheduling,
            meetings: result.meetings,
            unscheduled: result.unscheduled,
            stats: result.stats,
            changedOrganisations: [],
            runId,
            createdBy: run.requestedBy,
          },
          now,
        );
        await finish({ status: 'done', summary: summaryOf(result.stats), scheduleVersion: version });
        // Requests stay open until a facilitator closes them: a preview must not take the form away from members.
        if (event.status !== 'requests_open') await repo.setEventState(tx, eventId, { status: 'scheduled' }, now);
      });
    } catch (error) {
      // The cause goes to the log; facilitators see a stable code.
      this.log?.error({ err: error, runId }, 'meeting scheduling failed');
      await schedules.finishRun(
        db,
        runId,
        { status: 'failed', errorCode: 'internal_error', error: 'Le calcul a échoué : réessayez ou contactez un administrateur.' },
        this.ctx.now(),
      );
    }
  }

  /** The solver does not report progress itself: the share of its time budget spent stands for it. */
  private async solveWithProgress(runId: string, event: Parameters<typeof solveSchedule>[0], timeLimitSeconds: number): Promise<ScheduleResult> {
    const started = performance.now();
    const ticker = setInterval(() => {
      const share = (performance.now() - started) / (timeLimitSeconds * 1000);
      void schedules.setRunProgress(this.ctx.db, runId, Math.min(95, 5 + Math.round(share * 90))).catch(() => undefined);
    }, 500);
    try {
      return await solveSchedule(event, { timeLimitSeconds });
    } finally {
      clearInterval(ticker);
    }
  }
}

export async function startMeetingWorkers(ctx: AppContext, log: Log): Promise<void> {
  const runs = new ScheduleRunService(ctx, log);
  await ctx.jobs.work<RunJob>(QUEUES.meetingSchedule, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    if (job) await runs.execute(job.data);
  });
}
