import type { CurrentUser, MeetingRequest, MeetingRequestCreate, MeetingRequestUpdate } from '@synergies/shared';
import type { AppContext } from '../../context';
import { badRequest, conflict, forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import type { Transaction } from '../../infra/db';
import { accessEvent, requireNotPublished, type EventAccess } from './access';
import * as repo from './repository';
import { orderedPair, presentRequest } from './scheduling-event';
import { assertNoIssues, placementIssues } from './setup-rules';

/**
 * Meeting requests. Members ask for their own firm while requests are open; facilitators
 * manage every request until publication. A second firm asking for the same pair makes the
 * request mutual; withdrawing the last side deletes it.
 */
export class MeetingRequestService {
  constructor(private readonly ctx: AppContext) {}

  async list(user: CurrentUser, eventId: string): Promise<MeetingRequest[]> {
    const access = await accessEvent(this.ctx.db, user, eventId);
    if (!access.facilitator && !user.organisationId) return [];
    const rows = await repo.requestsOf(this.ctx.db, eventId, access.facilitator ? undefined : user.organisationId!);
    const names = await this.names(rows);
    return rows.map((r) => presentRequest(r, names));
  }

  async create(user: CurrentUser, eventId: string, input: MeetingRequestCreate): Promise<{ request: MeetingRequest; created: boolean }> {
    const { row, created } = await this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, eventId, true);
      const side = this.actingSide(user, access, input.organisationId);
      if (!access.facilitator && (input.session !== null || input.fixedSlot !== null)) throw forbidden('Seuls les animateurs fixent une session ou un créneau');
      if (side === input.withOrganisationId)
        throw badRequest('same_organisation', 'Une entreprise ne se rencontre pas elle-même', [
          { path: 'body.withOrganisationId', message: 'Autre entreprise attendue' },
        ]);
      await this.checkParties(tx, access, [side, input.withOrganisationId]);
      await this.checkSynergies(tx, access, input.synergyIds);
      assertNoIssues(placementIssues(access.event.sessions, { ...input, organisationA: side, organisationB: input.withOrganisationId }, 'body'));
      const [a, b] = orderedPair(side, input.withOrganisationId);
      const priority = side === a ? { priorityA: input.priority } : { priorityB: input.priority };
      const now = this.ctx.now();
      const existing = await repo.findRequestByPair(tx, eventId, a, b);
      await repo.setEventState(tx, eventId, { newRevision: true }, now);
      if (!existing) {
        const row = await repo.insertRequest(tx, {
          eventId,
          organisationA: a,
          organisationB: b,
          ...priority,
          synergyIds: input.synergyIds,
          session: input.session,
          fixedSlot: input.fixedSlot,
          createdBy: user.id,
          createdAt: now,
          updatedAt: now,
        });
        return { row, created: true };
      }
      if ((side === a ? existing.priorityA : existing.priorityB) !== null) throw conflict('request_exists', 'Ce rendez-vous est déjà demandé.');
      const merged = await repo.updateRequest(
        tx,
        existing.id,
        existing.version,
        {
          ...priority,
          synergyIds: [...new Set([...existing.synergyIds, ...input.synergyIds])],
          session: input.session ?? existing.session,
          fixedSlot: input.fixedSlot ?? existing.fixedSlot,
        },
        now,
      );
      return { row: merged!, created: false };
    });
    return { request: presentRequest(row, await this.names([row])), created };
  }

  async update(user: CurrentUser, eventId: string, requestId: string, input: MeetingRequestUpdate): Promise<MeetingRequest> {
    const row = await this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, eventId, true);
      const request = await this.visibleRequest(tx, access, user, requestId);
      if (!access.facilitator && (input.session !== undefined || input.fixedSlot !== undefined))
        throw forbidden('Seuls les animateurs fixent une session ou un créneau');
      const values: Parameters<typeof repo.updateRequest>[3] = {};
      if (input.priority !== undefined) {
        if (access.facilitator && !input.organisationId)
          throw badRequest('organisation_required', 'Indiquez pour quelle entreprise la priorité change', [
            { path: 'body.organisationId', message: 'Entreprise requise' },
          ]);
        const side = this.actingSide(user, access, input.organisationId);
        const current = side === request.organisationA ? request.priorityA : side === request.organisationB ? request.priorityB : undefined;
        if (current === undefined) throw unprocessable('unknown_participant', 'Cette entreprise ne fait pas partie de la demande');
        if (current === null) throw conflict('not_requested', "Cette entreprise n'a pas demandé ce rendez-vous.");
        Object.assign(values, side === request.organisationA ? { priorityA: input.priority } : { priorityB: input.priority });
      }
      if (input.synergyIds) {
        await this.checkSynergies(tx, access, input.synergyIds);
        values.synergyIds = input.synergyIds;
      }
      const placement = {
        ...request,
        session: input.session === undefined ? request.session : input.session,
        fixedSlot: input.fixedSlot === undefined ? request.fixedSlot : input.fixedSlot,
      };
      assertNoIssues(placementIssues(access.event.sessions, placement, 'body'));
      if (request.version !== input.version) throw versionConflict();
      const now = this.ctx.now();
      await repo.setEventState(tx, eventId, { newRevision: true }, now);
      return (await repo.updateRequest(tx, requestId, input.version, { ...values, session: placement.session, fixedSlot: placement.fixedSlot }, now))!;
    });
    return presentRequest(row, await this.names([row]));
  }

  /** A side withdraws (members: their own); facilitators without a side delete the whole request. */
  async withdraw(user: CurrentUser, eventId: string, requestId: string, organisationId: string | undefined): Promise<void> {
    await this.ctx.db.transaction(async (tx) => {
      const access = await accessEvent(tx, user, eventId, true);
      const request = await this.visibleRequest(tx, access, user, requestId);
      const now = this.ctx.now();
      await repo.setEventState(tx, eventId, { newRevision: true }, now);
      if (access.facilitator && !organisationId) return repo.deleteRequest(tx, requestId);
      const side = this.actingSide(user, access, organisationId);
      const isA = side === request.organisationA;
      if (!isA && side !== request.organisationB) throw unprocessable('unknown_participant', 'Cette entreprise ne fait pas partie de la demande');
      if ((isA ? request.priorityA : request.priorityB) === null) throw conflict('not_requested', "Cette entreprise n'a pas demandé ce rendez-vous.");
      if ((isA ? request.priorityB : request.priorityA) === null) return repo.deleteRequest(tx, requestId);
      await repo.updateRequest(tx, requestId, request.version, isA ? { priorityA: null } : { priorityB: null }, now);
    });
  }

  /**
   * The firm a caller acts for: a member's own firm (only while requests are open), or the
   * firm a facilitator names (until publication).
   */
  private actingSide(user: CurrentUser, access: EventAccess, organisationId: string | undefined): string {
    if (access.facilitator) {
      requireNotPublished(access.event);
      if (!organisationId)
        throw badRequest('organisation_required', 'Indiquez pour quelle entreprise', [{ path: 'body.organisationId', message: 'Entreprise requise' }]);
      return organisationId;
    }
    if (!user.organisationId || (organisationId && organisationId !== user.organisationId))
      throw forbidden('Vous ne demandez des rendez-vous que pour votre entreprise');
    if (access.event.status !== 'requests_open') throw conflict('requests_closed', 'Les demandes de rendez-vous ne sont pas ouvertes.');
    return user.organisationId;
  }

  /** Members only see the requests of their firm; others are unknown to them. */
  private async visibleRequest(tx: Transaction, access: EventAccess, user: CurrentUser, requestId: string) {
    const request = await repo.findRequest(tx, access.event.id, requestId);
    const party = request && (request.organisationA === user.organisationId || request.organisationB === user.organisationId);
    if (!request || (!access.facilitator && !party)) throw notFound('Demande');
    if (access.facilitator) requireNotPublished(access.event);
    else if (access.event.status !== 'requests_open') throw conflict('requests_closed', 'Les demandes de rendez-vous ne sont pas ouvertes.');
    return request;
  }

  private async checkParties(tx: Transaction, access: EventAccess, ids: string[]) {
    const present = new Set((await repo.participantsOf(tx, access.event.id)).map((p) => p.organisationId));
    if (!access.facilitator && !present.has(ids[0]!)) throw forbidden('Votre entreprise ne participe pas à cet événement');
    const errors = ids.flatMap((id, i) =>
      present.has(id)
        ? []
        : [
            {
              path: `body.${i === 0 ? 'organisationId' : 'withOrganisationId'}`,
              message: "Cette entreprise ne participe pas à l'événement",
              code: 'unknown_participant',
            },
          ],
    );
    if (errors.length) throw unprocessable('unknown_participant', "Une entreprise de la demande ne participe pas à l'événement.", errors);
  }

  private async checkSynergies(tx: Transaction, access: EventAccess, ids: string[]) {
    const found = new Set(await repo.zoneSynergies(tx, access.event.zoneId, ids));
    const errors = ids.flatMap((id, i) =>
      found.has(id) ? [] : [{ path: `body.synergyIds.${i}`, message: 'Synergie inconnue dans cette zone', code: 'unknown_synergy' }],
    );
    if (errors.length) throw unprocessable('unknown_synergy', 'Certaines synergies sont inconnues dans cette zone.', errors);
  }

  private async names(rows: repo.RequestRow[]) {
    const ids = [...new Set(rows.flatMap((r) => [r.organisationA, r.organisationB]))];
    return new Map((await repo.organisationNames(this.ctx.db, ids)).map((o) => [o.id, o.name]));
  }
}
