import { belongsToZone, facilitates } from '@synergies/shared';
import type { CurrentUser, MeetingEvent, MeetingEventCreate, MeetingEventUpdate } from '@synergies/shared';
import type { AppContext } from '../../context';
import { forbidden, HttpProblem, unprocessable, versionConflict } from '../../http/problem';
import { rawSql, type Transaction } from '../../infra/db';
import { assertAssociationMembers, eventAssociation, linkAssociationEvent } from '../associations/events';
import { accessEvent, requireFacilitator, requireNotPublished } from './access';
import * as schedules from './schedule-repository';
import * as repo from './repository';
import { presentEvent, toSchedulingEvent } from './scheduling-event';
import { assertNoIssues, publishedScheduleBreaks, setupIssues } from './setup-rules';

type ParticipantsInput = MeetingEventCreate['participants'];

/** The setup of a meeting event: slots, tables, participants, and the hand-made status changes. */
export class MeetingEventService {
  constructor(private readonly ctx: AppContext) {}

  async list(user: CurrentUser, zoneId: string, year?: number) {
    if (!belongsToZone(user, zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const rows = await repo.listEvents(this.ctx.db, zoneId, facilitates(user, zoneId), year);
    return rows.map(({ event: e, associationId, associationName, meetingsRequested, meetingsHeld }) => ({
      id: e.id,
      zoneId: e.zoneId,
      name: e.name,
      date: e.date,
      status: e.status,
      version: e.version,
      association: associationId && associationName !== null ? { id: associationId, name: associationName } : null,
      meetingsRequested,
      meetingsHeld,
    }));
  }

  async get(user: CurrentUser, id: string): Promise<MeetingEvent> {
    const { event } = await accessEvent(this.ctx.db, user, id);
    const association = await eventAssociation(rawSql(this.ctx.db), id);
    return { ...presentEvent(event, await repo.participantsOf(this.ctx.db, id)), associationId: association?.association_id ?? null };
  }

  /** `association`: an organiser runs it for the association's members (checked by the caller). */
  async create(user: CurrentUser, input: MeetingEventCreate, association?: { associationId: string }): Promise<MeetingEvent> {
    if (!association && !facilitates(user, input.zoneId)) throw forbidden("Seuls les animateurs de la zone organisent les rendez-vous d'affaires");
    assertNoIssues(setupIssues(input, []));
    const id = await this.ctx.db.transaction(async (tx) => {
      await this.checkOrganisations(tx, input.zoneId, input.participants);
      const now = this.ctx.now();
      const { participants, zoneId, ...setup } = input;
      const event = await repo.insertEvent(tx, { ...setup, zoneId, createdBy: user.id, createdAt: now, updatedAt: now });
      await repo.replaceParticipants(tx, event.id, participants);
      if (association) await linkAssociationEvent(rawSql(tx), event.id, association.associationId);
      return event.id;
    });
    return this.get(user, id);
  }

  /** Edits any part of the setup; every part is checked against the others and the requests. */
  async update(user: CurrentUser, id: string, input: MeetingEventUpdate): Promise<MeetingEvent> {
    await this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, id, true);
      requireFacilitator(access);
      const { event } = access;
      if (event.version !== input.version) throw versionConflict();
      const { version, participants, ...setup } = input;
      const current = participants ?? (await repo.participantsOf(tx, id));
      const requests = await repo.requestsOf(tx, id);
      assertNoIssues(setupIssues({ sessions: setup.sessions ?? event.sessions, tables: setup.tables ?? event.tables, participants: current }, requests));
      const published = event.status === 'published' ? await this.checkPublished(tx, event, setup, participants) : null;
      if (participants) {
        await this.checkOrganisations(tx, event.zoneId, participants);
        if (!facilitates(user, event.zoneId)) await assertAssociationMembers(rawSql(tx), id, participants);
        await repo.replaceParticipants(tx, id, participants);
      }
      const now = this.ctx.now();
      const updated = await repo.updateEvent(tx, id, version, setup, now);
      if (!updated) throw versionConflict();
      if (published) {
        // The published schedule carries on under the new setup: a new version with the same
        // meetings, so that the next change on the day starts from this setup.
        const rows = await repo.participantsOf(tx, id);
        const snapshot = toSchedulingEvent(updated, rows, requests);
        const scheduleVersion = await schedules.insertSchedule(
          tx,
          {
            ...published,
            kind: 'change',
            revision: updated.revision,
            event: snapshot,
            changedOrganisations: [],
            change: { kind: 'setup' },
            createdBy: user.id,
          },
          now,
        );
        await repo.setEventState(tx, id, { publishedScheduleVersion: scheduleVersion }, now);
      }
    });
    return this.get(user, id);
  }

  /** Facilitators open requests to members, or take the event back to the draft. */
  async setStatus(user: CurrentUser, id: string, input: { status: 'draft' | 'requests_open'; version: number }): Promise<MeetingEvent> {
    await this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, id, true);
      requireFacilitator(access);
      requireNotPublished(access.event);
      if (access.event.version !== input.version) throw versionConflict();
      await repo.setEventState(tx, id, { status: input.status }, this.ctx.now());
    });
    return this.get(user, id);
  }

  /**
   * After publication the setup may still change (a slot added, a table, a firm's limits), as long
   * as every published meeting stays valid; otherwise 409 setup_breaks_schedule says which.
   */
  private async checkPublished(
    tx: Transaction,
    event: repo.EventRow,
    setup: Omit<MeetingEventUpdate, 'version' | 'participants'>,
    participants: ParticipantsInput | undefined,
  ) {
    const stored = (await schedules.findSchedule(tx, event.id, event.publishedScheduleVersion!))!;
    const names = new Map(stored.event.participants.map((p) => [p.id, p.name ?? p.id]));
    if (setup.date !== undefined && setup.date !== event.date) {
      throw new HttpProblem(409, 'setup_breaks_schedule', 'Le planning est publié : la date ne peut plus changer.', [
        { path: 'body.date', message: 'Date du planning publié', code: 'date_in_use' },
      ]);
    }
    const current = await repo.participantsOf(tx, event.id);
    const rows = participants ? participants.map((p) => ({ ...p, organisationName: names.get(p.organisationId) ?? p.organisationId })) : current;
    const after = toSchedulingEvent({ ...event, ...setup }, rows, await repo.requestsOf(tx, event.id));
    const problems = publishedScheduleBreaks(stored.event, after, stored.meetings, stored.unscheduled);
    if (problems.length > 0) {
      throw new HttpProblem(409, 'setup_breaks_schedule', `Ce changement rendrait le planning publié invalide : ${problems[0]!.message}`, problems);
    }
    return stored;
  }

  /** Participants are organisations of the event's zone (not archived). */
  private async checkOrganisations(tx: Transaction, zoneId: string, participants: ParticipantsInput) {
    const found = new Set(
      (
        await repo.zoneOrganisations(
          tx,
          zoneId,
          participants.map((p) => p.organisationId),
        )
      ).map((o) => o.id),
    );
    const errors = participants.flatMap((p, i) =>
      found.has(p.organisationId)
        ? []
        : [{ path: `body.participants.${i}.organisationId`, message: "Cette entreprise n'est pas dans la zone", code: 'unknown_organisation' }],
    );
    if (errors.length) throw unprocessable('unknown_organisation', 'Certaines entreprises ne sont pas des entreprises de la zone.', errors);
  }
}
