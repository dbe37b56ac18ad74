import type { CurrentUser, MeetingEvent, MeetingEventCreate, MeetingEventUpdate } from '@synergies/shared';
import type { AppContext } from '../../context';
import { forbidden, unprocessable, versionConflict } from '../../http/problem';
import { rawSql, type Transaction } from '../../infra/db';
import { assertAssociationMembers, linkAssociationEvent } from '../associations/events';
import { belongsToZone, facilitates } from '../auth/policy';
import { accessEvent, requireFacilitator, requireNotPublished } from './access';
import * as repo from './repository';
import { presentEvent } from './scheduling-event';
import { assertNoIssues, setupIssues } from './setup-rules';

type ParticipantsInput = MeetingEventCreate['participants'];

/** The setup of a meeting event: slots, tables, participants, and the hand-made status changes. */
export class MeetingEventService {
  constructor(private readonly ctx: AppContext) {}

  async list(user: CurrentUser, zoneId: string) {
    if (!belongsToZone(user, zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const rows = await repo.listEvents(this.ctx.db, zoneId, facilitates(user, zoneId));
    return rows.map((e) => ({ id: e.id, zoneId: e.zoneId, name: e.name, date: e.date, status: e.status, version: e.version }));
  }

  async get(user: CurrentUser, id: string): Promise<MeetingEvent> {
    const { event } = await accessEvent(this.ctx.db, user, id);
    return presentEvent(event, await repo.participantsOf(this.ctx.db, id));
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
      requireNotPublished(event);
      if (event.version !== input.version) throw versionConflict();
      const { version, participants, ...setup } = input;
      const current = participants ?? (await repo.participantsOf(tx, id));
      const requests = await repo.requestsOf(tx, id);
      assertNoIssues(setupIssues({ sessions: setup.sessions ?? event.sessions, tables: setup.tables ?? event.tables, participants: current }, requests));
      if (participants) {
        await this.checkOrganisations(tx, event.zoneId, participants);
        if (!facilitates(user, event.zoneId)) await assertAssociationMembers(rawSql(tx), id, participants);
        await repo.replaceParticipants(tx, id, participants);
      }
      if (!(await repo.updateEvent(tx, id, version, setup, this.ctx.now()))) throw versionConflict();
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

  /** Participants are organisations of the event's zone (not archived). */
  private async checkOrganisations(tx: Transaction, zoneId: string, participants: ParticipantsInput) {
    const found = new Set((await repo.zoneOrganisations(tx, zoneId, participants.map((p) => p.organisationId))).map((o) => o.id));
    const errors = participants.flatMap((p, i) =>
      found.has(p.organisationId) ? [] : [{ path: `body.participants.${i}.organisationId`, message: "Cette entreprise n'est pas dans la zone", code: 'unknown_organisation' }],
    );
    if (errors.length) throw unprocessable('unknown_organisation', 'Certaines entreprises ne sont pas des entreprises de la zone.', errors);
  }
}
