import type { CurrentUser, DayOfChange } from '@synergies/shared';
import { reschedule, SchedulingError, slotTimes, type ScheduleChange } from '../../core/scheduler';
import type { AppContext } from '../../context';
import { badRequest, conflict, unprocessable } from '../../http/problem';
import type { Transaction } from '../../infra/db';
import { accessEvent, requireFacilitator, requirePublished } from './access';
import { emailAgendas } from './notifications';
import * as repo from './repository';
import * as schedules from './schedule-repository';
import { orderedPair, scheduleLookup, toSchedulingRequest } from './scheduling-event';

/**
 * Changes on the day, after publication: a firm does not come, comes late, a meeting is
 * cancelled or a new one asked for. The scheduler keeps every meeting that has started
 * (the clock is the app's, so tests control it) and moves as few others as it can; the result
 * is a new published schedule version, and the firms whose agenda changed get an email.
 */
export class DayOfService {
  constructor(private readonly ctx: AppContext) {}

  /** `within` runs in the same transaction once the new schedule is stored (a workshop announces it). */
  async apply(
    user: CurrentUser,
    eventId: string,
    input: DayOfChange,
    within?: (tx: Transaction, change: { previousVersion: number; scheduleVersion: number; changed: string[] }) => Promise<void>,
  ) {
    return this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, eventId, true);
      requireFacilitator(access);
      requirePublished(access.event);
      const previous = (await schedules.findSchedule(tx, eventId, access.event.publishedScheduleVersion!))!;
      const now = this.ctx.now();
      const participants = new Set(previous.event.participants.map((p) => p.id));
      const { change, requestId } = await this.toChange(tx, access.event, previous, participants, input, now);
      let result: ReturnType<typeof reschedule>;
      try {
        result = reschedule(previous.event, previous, change, now);
      } catch (error) {
        if (error instanceof SchedulingError) throw unprocessable(error.code, error.message);
        throw error;
      }
      const event = (await repo.findEvent(tx, eventId))!;
      const changed = result.changedParticipants;
      const version = await schedules.insertSchedule(
        tx,
        {
          eventId,
          kind: 'change',
          revision: event.revision,
          event: result.event,
          meetings: result.schedule.meetings,
          unscheduled: result.schedule.unscheduled,
          stats: result.schedule.stats,
          changedOrganisations: changed,
          change: input,
          createdBy: user.id,
        },
        now,
      );
      const before = new Set(previous.meetings.map((m) => m.requestId));
      await schedules.syncMeetings(
        tx,
        eventId,
        result.schedule.meetings,
        new Set(result.schedule.meetings.map((m) => m.requestId).filter((id) => !before.has(id))),
        now,
      );
      await repo.setEventState(tx, eventId, { publishedScheduleVersion: version }, now);
      const stored = (await schedules.findSchedule(tx, eventId, version))!;
      await emailAgendas(this.ctx, tx, event, stored, changed, 'changed', result.changes, previous);
      await within?.(tx, { previousVersion: previous.version, scheduleVersion: version, changed });
      const lookup = scheduleLookup(result.event);
      const changes = changed.map((id) => ({
        organisation: lookup.organisations([id])[0]!,
        fr: result.changes[id]?.fr ?? [],
        en: result.changes[id]?.en ?? [],
      }));
      return {
        scheduleVersion: version,
        changedAgendas: lookup.organisations(changed),
        changes,
        requestId,
        unscheduled: result.schedule.unscheduled.map(lookup.unscheduled),
      };
    });
  }

  /** Checks the change against the published schedule and turns it into the scheduler's terms. */
  private async toChange(
    tx: Transaction,
    event: repo.EventRow,
    previous: schedules.StoredSchedule,
    participants: ReadonlySet<string>,
    input: DayOfChange,
    now: Date,
  ): Promise<{ change: ScheduleChange; requestId: string | null }> {
    const requireParticipant = (id: string, field: string) => {
      if (!participants.has(id))
        throw unprocessable('unknown_participant', "Cette entreprise ne participe pas à l'événement.", [
          { path: `body.${field}`, message: 'Entreprise non participante', code: 'unknown_participant' },
        ]);
    };
    switch (input.kind) {
      case 'no_show':
        requireParticipant(input.organisationId, 'organisationId');
        return { change: { kind: 'no_show', participantId: input.organisationId }, requestId: null };
      case 'late_arrival':
        requireParticipant(input.organisationId, 'organisationId');
        return { change: { kind: 'late_arrival', participantId: input.organisationId, arrivesAt: new Date(input.arrivesAt).toISOString() }, requestId: null };
      case 'cancellation': {
        if (!previous.event.requests.some((r) => r.id === input.requestId)) {
          throw unprocessable('unknown_request', 'Demande inconnue pour cet événement.', [
            { path: 'body.requestId', message: 'Demande inconnue', code: 'unknown_request' },
          ]);
        }
        const meeting = previous.meetings.find((m) => m.requestId === input.requestId);
        if (meeting && Date.parse(slotTimes(previous.event).get(meeting.slotId)!.start) <= now.getTime()) {
          throw conflict('meeting_already_started', 'Ce rendez-vous a déjà commencé : il ne peut plus être annulé.');
        }
        return { change: { kind: 'cancellation', requestId: input.requestId }, requestId: null };
      }
      case 'new_request': {
        if (input.organisationId === input.withOrganisationId)
          throw badRequest('same_organisation', 'Une entreprise ne se rencontre pas elle-même', [
            { path: 'body.withOrganisationId', message: 'Autre entreprise attendue' },
          ]);
        requireParticipant(input.organisationId, 'organisationId');
        requireParticipant(input.withOrganisationId, 'withOrganisationId');
        const known = new Set(await repo.zoneSynergies(tx, event.zoneId, input.synergyIds));
        if (input.synergyIds.some((id) => !known.has(id))) throw unprocessable('unknown_synergy', 'Certaines synergies sont inconnues dans cette zone.');
        const [a, b] = orderedPair(input.organisationId, input.withOrganisationId);
        if (await repo.findRequestByPair(tx, event.id, a, b)) throw conflict('request_exists', 'Ce rendez-vous est déjà demandé.');
        const priority = input.organisationId === a ? { priorityA: input.priority } : { priorityB: input.priority };
        const row = await repo.insertRequest(tx, {
          eventId: event.id,
          organisationA: a,
          organisationB: b,
          ...priority,
          synergyIds: input.synergyIds,
          createdAt: now,
          updatedAt: now,
        });
        await repo.setEventState(tx, event.id, { newRevision: true }, now);
        return { change: { kind: 'new_request', request: toSchedulingRequest(row) }, requestId: row.id };
      }
    }
  }
}
