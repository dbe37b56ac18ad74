import type { CurrentUser, MeetingEvent, Schedule } from '@synergies/shared';
import type { AppContext } from '../../context';
import { conflict, versionConflict } from '../../http/problem';
import type { Transaction } from '../../infra/db';
import { accessEvent, requireFacilitator } from './access';
import { emailAgendas } from './notifications';
import * as repo from './repository';
import * as schedules from './schedule-repository';
import { byTime, presentEvent, scheduleLookup, summaryOf } from './scheduling-event';

/** The computed schedule (facilitators' preview) and its publication to the firms. */
export class ScheduleService {
  constructor(private readonly ctx: AppContext) {}

  /** The latest schedule, or null while none has been computed (an ordinary state, not an error). */
  async preview(user: CurrentUser, eventId: string): Promise<Schedule | null> {
    const access = await accessEvent(this.ctx.db, user, eventId);
    requireFacilitator(access);
    const schedule = await schedules.latestSchedule(this.ctx.db, eventId);
    if (!schedule) return null;
    const lookup = scheduleLookup(schedule.event);
    return {
      eventId,
      version: schedule.version,
      kind: schedule.kind,
      outdated: schedule.revision !== access.event.revision,
      published: schedule.version === access.event.publishedScheduleVersion,
      createdAt: schedule.createdAt.toISOString(),
      summary: summaryOf(schedule.stats),
      meetings: byTime(schedule.meetings.map(lookup.meeting)),
      unscheduled: schedule.unscheduled.map(lookup.unscheduled),
    };
  }

  /**
   * Makes the latest schedule the firms' agendas: meeting rows for the follow-up, and an email to
   * every member of every participating firm, all in one transaction.
   */
  async publish(
    user: CurrentUser,
    eventId: string,
    version: number,
    within?: (tx: Transaction, scheduleVersion: number) => Promise<void>,
  ): Promise<MeetingEvent> {
    const event = await this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, eventId, true);
      requireFacilitator(access);
      const { event } = access;
      if (event.status === 'published') throw conflict('already_published', 'Le planning est déjà publié.');
      // Computing a preview leaves requests open (the facilitator closes them): publishing closes them too.
      if (event.status !== 'scheduled' && event.status !== 'requests_open') throw conflict('not_scheduled', "Aucun planning n'a encore été calculé.");
      if (event.version !== version) throw versionConflict();
      const schedule = await schedules.latestSchedule(tx, eventId);
      if (!schedule) throw conflict('not_scheduled', "Aucun planning n'a encore été calculé.");
      if (schedule.revision !== event.revision)
        throw conflict('schedule_outdated', "L'événement ou les demandes ont changé depuis le calcul : relancez-le avant de publier.");
      const now = this.ctx.now();
      await schedules.syncMeetings(tx, eventId, schedule.meetings, new Set(), now);
      await repo.setEventState(tx, eventId, { status: 'published', publishedScheduleVersion: schedule.version }, now);
      await emailAgendas(
        this.ctx,
        tx,
        event,
        schedule,
        schedule.event.participants.map((p) => p.id),
        'published',
      );
      await within?.(tx, schedule.version);
      return (await repo.findEvent(tx, eventId))!;
    });
    return presentEvent(event, await repo.participantsOf(this.ctx.db, eventId));
  }
}
