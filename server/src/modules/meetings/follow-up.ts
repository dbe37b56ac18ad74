import type { CurrentUser, MeetingFollowUp, MeetingRecord } from '@synergies/shared';
import type { AppContext } from '../../context';
import { notFound, versionConflict } from '../../http/problem';
import { accessEvent } from './access';
import * as repo from './repository';
import * as schedules from './schedule-repository';

/** After publication each meeting has a row: whether it took place and what came out of it. */
export class FollowUpService {
  constructor(private readonly ctx: AppContext) {}

  /** Facilitators see every meeting of the event; members their firm's. */
  async list(user: CurrentUser, eventId: string): Promise<MeetingRecord[]> {
    const access = await accessEvent(this.ctx.db, user, eventId);
    if (!access.facilitator && !user.organisationId) return [];
    const rows = await schedules.meetingsOf(this.ctx.db, eventId, access.facilitator ? undefined : user.organisationId!);
    return this.present(rows);
  }

  /** A member of one of the meeting's firms, or a facilitator, records how it went. */
  async update(user: CurrentUser, meetingId: string, input: MeetingFollowUp): Promise<MeetingRecord> {
    const meeting = await schedules.findMeeting(this.ctx.db, meetingId);
    if (!meeting) throw notFound('Rendez-vous');
    const access = await accessEvent(this.ctx.db, user, meeting.eventId);
    const party = user.organisationId !== null && meeting.organisationIds.includes(user.organisationId);
    if (!access.facilitator && !party) throw notFound('Rendez-vous');
    const updated = await schedules.updateMeeting(
      this.ctx.db,
      meetingId,
      input.version,
      { status: input.status, outcome: input.outcome, updatedBy: user.id },
      this.ctx.now(),
    );
    if (!updated) throw versionConflict();
    const [record] = await this.present([updated]);
    return record!;
  }

  private async present(rows: schedules.MeetingRow[]): Promise<MeetingRecord[]> {
    const names = new Map((await repo.organisationNames(this.ctx.db, [...new Set(rows.flatMap((r) => r.organisationIds))])).map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      requestId: r.requestId,
      organisations: r.organisationIds.map((id) => ({ id, name: names.get(id) ?? id })),
      slotId: r.slotId,
      tableId: r.tableId,
      status: r.status,
      outcome: r.outcome,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
}
