import { schema } from '@synergies/db';
import { and, arrayContains, desc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { ScheduledMeeting, ScheduleStats, SchedulingEvent, UnscheduledRequest } from '../../core/scheduler';
import type { Db } from '../../infra/db';
import { publishEvent, roomName } from '../../infra/realtime/event-store';

const { scheduleRuns: runs, meetingSchedules: schedules, meetings } = schema;

export type RunRow = typeof runs.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

/** A stored schedule with its jsonb columns typed: we wrote them from the scheduler's own types. */
export interface StoredSchedule {
  eventId: string;
  version: number;
  kind: 'solve' | 'change';
  revision: number;
  event: SchedulingEvent;
  meetings: ScheduledMeeting[];
  unscheduled: UnscheduledRequest[];
  stats: ScheduleStats;
  changedOrganisations: string[];
  createdAt: Date;
}

function typed(row: typeof schedules.$inferSelect): StoredSchedule {
  return {
    eventId: row.eventId,
    version: row.version,
    kind: row.kind,
    revision: row.revision,
    event: row.eventSnapshot as SchedulingEvent,
    meetings: row.meetings as ScheduledMeeting[],
    unscheduled: row.unscheduled as UnscheduledRequest[],
    stats: row.stats as ScheduleStats,
    changedOrganisations: row.changedOrganisations,
    createdAt: row.createdAt,
  };
}

/** The titles of the synergies a schedule's meetings are about, for the files people open. */
/** The titles of the schedule's synergies; generated ones keep what they are made of, to be said in the reader's language. */
export async function synergyTitles(db: Db, schedule: Pick<StoredSchedule, 'event'>) {
  const ids = [...new Set(schedule.event.requests.flatMap((r) => r.synergyIds))];
  if (ids.length === 0) return [];
  return db
    .select({ id: schema.synergies.id, title: schema.synergies.title, titleParts: schema.synergies.titleParts })
    .from(schema.synergies)
    .where(inArray(schema.synergies.id, ids));
}

export async function insertRun(db: Db, values: typeof runs.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(runs).values(values).returning();
  await runMoved(db, row!);
  return row!;
}

export async function findRun(db: Db, eventId: string, id: string): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.eventId, eventId), eq(runs.id, id)));
  return row;
}

/** Takes a queued run (or one a crashed worker left running); undefined when already finished. */
export async function claimRun(db: Db, id: string, now: Date): Promise<RunRow | undefined> {
  const [row] = await db
    .update(runs)
    .set({ status: 'running', progress: 5, startedAt: now })
    .where(and(eq(runs.id, id), inArray(runs.status, ['queued', 'running'])))
    .returning();
  if (row) await runMoved(db, row);
  return row;
}

export async function setRunProgress(db: Db, id: string, progress: number) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(runs)
      .set({ progress })
      .where(and(eq(runs.id, id), eq(runs.status, 'running')))
      .returning();
    if (row) await runMoved(tx, row);
  });
}

export async function finishRun(
  db: Db,
  id: string,
  values: Pick<typeof runs.$inferInsert, 'status' | 'summary' | 'scheduleVersion' | 'errorCode' | 'error' | 'blocking' | 'revision'>,
  now: Date,
) {
  const [row] = await db
    .update(runs)
    .set({ ...values, progress: values.status === 'done' ? 100 : sql`${runs.progress}`, finishedAt: now })
    .where(eq(runs.id, id))
    .returning();
  if (row) await runMoved(db, row);
}

/** The facilitator's page follows the run live (event room); committed with the run's row. */
function runMoved(db: Db, run: RunRow) {
  return publishEvent(db, roomName.event(run.eventId), {
    type: 'schedule_run.progress',
    eventId: run.eventId,
    runId: run.id,
    status: run.status,
    progress: run.progress,
  });
}

export async function latestSchedule(db: Db, eventId: string): Promise<StoredSchedule | undefined> {
  const [row] = await db.select().from(schedules).where(eq(schedules.eventId, eventId)).orderBy(desc(schedules.version)).limit(1);
  return row ? typed(row) : undefined;
}

export async function findSchedule(db: Db, eventId: string, version: number): Promise<StoredSchedule | undefined> {
  const [row] = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.eventId, eventId), eq(schedules.version, version)));
  return row ? typed(row) : undefined;
}

/** Appends the next version; the caller holds the event's lock, so versions do not race. */
export async function insertSchedule(
  db: Db,
  s: Omit<StoredSchedule, 'version' | 'createdAt'> & { runId?: string | null; change?: unknown; createdBy: string | null },
  now: Date,
): Promise<number> {
  const [last] = await db
    .select({ version: schedules.version })
    .from(schedules)
    .where(eq(schedules.eventId, s.eventId))
    .orderBy(desc(schedules.version))
    .limit(1);
  const version = (last?.version ?? 0) + 1;
  await db.insert(schedules).values({
    eventId: s.eventId,
    version,
    kind: s.kind,
    revision: s.revision,
    runId: s.runId ?? null,
    change: s.change ?? null,
    eventSnapshot: s.event,
    meetings: s.meetings,
    unscheduled: s.unscheduled,
    stats: s.stats,
    changedOrganisations: s.changedOrganisations,
    createdBy: s.createdBy,
    createdAt: now,
  });
  return version;
}

export function meetingsOf(db: Db, eventId: string, organisationId?: string) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.eventId, eventId), organisationId ? arrayContains(meetings.organisationIds, [organisationId]) : undefined));
}

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row;
}

export async function updateMeeting(db: Db, id: string, version: number, values: Partial<Pick<MeetingRow, 'status' | 'outcome' | 'updatedBy'>>, now: Date) {
  const [row] = await db
    .update(meetings)
    .set({ ...values, updatedAt: now, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  return row;
}

/**
 * Makes the meeting rows follow a schedule: held meetings get their slot and table (a meeting
 * placed again after being dropped is scheduled again), the ones no longer held are cancelled.
 * Follow-up written by people (done, no-show, outcome) is left as it is.
 */
export async function syncMeetings(db: Db, eventId: string, held: readonly ScheduledMeeting[], placedAgain: ReadonlySet<string>, now: Date) {
  for (const m of held) {
    await db
      .insert(meetings)
      .values({ eventId, requestId: m.requestId, organisationIds: m.participants, slotId: m.slotId, tableId: m.tableId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [meetings.eventId, meetings.requestId],
        set: {
          slotId: m.slotId,
          tableId: m.tableId,
          status: placedAgain.has(m.requestId) ? 'scheduled' : sql`${meetings.status}`,
          updatedAt: now,
          version: sql`${meetings.version} + 1`,
        },
        setWhere: or(
          sql`${meetings.slotId} <> ${m.slotId}`,
          sql`${meetings.tableId} <> ${m.tableId}`,
          placedAgain.has(m.requestId) ? eq(meetings.status, 'cancelled') : sql`false`,
        ),
      });
  }
  const kept = held.map((m) => m.requestId);
  await db
    .update(meetings)
    .set({ status: 'cancelled', updatedAt: now, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled'), kept.length ? notInArray(meetings.requestId, kept) : undefined));
}
