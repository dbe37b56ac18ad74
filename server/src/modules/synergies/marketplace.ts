import { canRequestOnMarketplace, canSeeDeclaration } from '@synergies/shared';
import type { CurrentUser, Unit } from '@synergies/shared';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound, unprocessable } from '../../http/problem';
import { isUniqueViolation, rawSql } from '../../infra/db';
import { enqueueEmail } from '../../infra/mail';
import { publishEvent, roomName } from '../../infra/realtime/event-store';
import { isSharingCategory } from '../../core/matching';
import * as declarations from '../declarations/repository';
import type { DeclarationService } from '../declarations/service';
import * as exchangeRecords from '../exchanges/repository';
import type { ExchangeService } from '../exchanges/service';
import { insertNotifications } from '../notifications/repository';
import * as repo from './repository';
import { REQUESTED } from './proposals';
import type { SynergyService } from './service';
import { requestEmail } from './emails';

/**
 * The My Troc Pro way: a member asks for an offer or answers a need in one click; the
 * giver reserves the item and records the hand-over, which makes an exchange record and
 * counts the synergy as implemented.
 */
export class MarketplaceService {
  constructor(
    private readonly ctx: AppContext,
    private readonly synergies: SynergyService,
    private readonly declarations: DeclarationService,
    private readonly exchanges: ExchangeService,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  async request(user: CurrentUser, declarationId: string, message: string) {
    if (!canRequestOnMarketplace(user)) throw forbidden("Seuls les membres d'une entreprise font une demande");
    const d = await declarations.findDeclaration(this.db, declarationId);
    if (!d || !canSeeDeclaration(user, d)) throw notFound('Fiche');
    if (d.organisationId === user.organisationId) throw unprocessable('own_declaration', 'Cette fiche est celle de votre entreprise.');
    if (d.status !== 'active') throw conflict('not_available', "Cette fiche n'est plus disponible.");
    const requestKey = repo.marketplaceRequestKey(declarationId, user.organisationId);
    const requester = (await repo.organisationName(this.db, user.organisationId))!;
    const requesterId = user.organisationId;
    const now = this.ctx.now();
    const [giver, taker] = d.kind === 'offer' ? [d.organisationId, requesterId] : [requesterId, d.organisationId];
    const id = await this.db
      .transaction(async (tx) => {
        const synergyId = await repo.insertSynergy(
          tx,
          {
            zoneId: d.zoneId,
            kind: isSharingCategory(d.categoryCode) ? 'sharing' : 'substitution',
            origin: 'marketplace',
            requestKey,
            status: 'under_discussion',
            title: d.kind === 'offer' ? `${d.title} → ${requester}` : `${requester} → ${d.title}`,
            createdBy: user.id,
            createdAt: now,
            updatedAt: now,
          },
          [
            { organisationId: giver, declarationId: d.kind === 'offer' ? d.id : null, role: 'giver', acceptedAt: giver === requesterId ? now : null },
            { organisationId: taker, declarationId: d.kind === 'need' ? d.id : null, role: 'taker', acceptedAt: taker === requesterId ? now : null },
          ],
          [d.id],
          { type: 'requested', userId: user.id, organisationId: requesterId },
        );
        await repo.addMessage(tx, { synergyId, authorId: user.id, organisationId: requesterId, body: message, at: now });
        await repo.closeSuggestionsAnsweredBy(tx, d.id, requesterId, `${REQUESTED}: ${synergyId}`, now);
        const owners = await repo.peopleOf(tx, [d.organisationId]);
        for (const o of owners) {
          const text = `${requester} : « ${d.title} »`;
          await insertNotifications(tx, [{ userId: o.id, synergyId, type: 'marketplace_request', text, createdAt: now }]);
          await publishEvent(tx, roomName.user(o.id), {
            type: 'notification.created',
            notificationType: 'marketplace_request',
            text,
            synergyId,
            createdAt: now.toISOString(),
          });
          await enqueueEmail(
            rawSql(tx),
            this.ctx.jobs,
            requestEmail(o, {
              author: user.displayName,
              firm: requester,
              title: d.title,
              message,
              link: `${this.ctx.config.publicUrl}/synergies/${synergyId}`,
            }),
          );
        }
        await publishEvent(tx, roomName.zone(d.zoneId), { type: 'synergy.changed', zoneId: d.zoneId, synergyId, reason: 'requested' });
        return synergyId;
      })
      .catch(async (error: unknown) => {
        // The index settles simultaneous requests: the first one made the synergy, the others name it.
        if (!isUniqueViolation(error, repo.MARKETPLACE_REQUEST_INDEX)) throw error;
        const existing = await repo.openRequestWithKey(this.db, requestKey);
        throw conflict('already_requested', 'Votre entreprise a déjà une demande en cours sur cette fiche.', existing);
      });
    return this.synergies.get(user, id);
  }

  private async giverSide(user: CurrentUser, synergyId: string) {
    const s = await repo.findSynergy(this.db, synergyId);
    if (!s) throw notFound('Synergie');
    const parties = await repo.partiesOf(this.db, [synergyId]);
    const giver = parties.find((p) => p.role === 'giver');
    const taker = parties.find((p) => p.role === 'taker');
    if (!parties.some((p) => p.organisationId === user.organisationId)) throw notFound('Synergie');
    if (!giver || !taker || giver.organisationId !== user.organisationId) throw forbidden("Seule l'entreprise qui donne réserve et remet l'objet");
    if (s.status === 'dropped' || s.status === 'implemented') throw conflict('synergy_closed', 'Cette piste est close.');
    return { s, giver, taker };
  }

  async reserve(user: CurrentUser, synergyId: string) {
    const { giver, taker } = await this.giverSide(user, synergyId);
    const declarationId = giver.declarationId;
    if (!declarationId) throw unprocessable('nothing_to_reserve', "Aucune fiche d'offre à réserver.");
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const reserved = await this.declarations.setAvailability(tx, declarationId, 'reserved', now, 'active');
      if (!reserved) throw conflict('not_available', "La fiche n'est plus disponible.");
      await repo.acceptOnce(tx, synergyId, giver.organisationId, now);
      await repo.addEvent(tx, { synergyId, type: 'reserved', userId: user.id, organisationId: user.organisationId, note: taker.organisationName, at: now });
    });
    this.ctx.searchRelay.nudge();
    return this.synergies.get(user, synergyId);
  }

  /**
   * Records what was really handed over, in one transaction: the synergy implemented (checked
   * against the version read, so simultaneous hand-overs make one record), its impacts, the
   * exchange record and the offer's new status. Any refusal leaves nothing behind.
   */
  async handOver(user: CurrentUser, synergyId: string, input: { quantity: number; unit: Unit; handedOverAt?: string }) {
    const { s, giver, taker } = await this.giverSide(user, synergyId);
    const now = this.ctx.now();
    const at = input.handedOverAt ? new Date(input.handedOverAt) : now;
    const declarationId = giver.declarationId;
    const decl = declarationId ? await declarations.findDeclaration(this.db, declarationId) : undefined;
    const exchangeId = await this.db.transaction(async (tx) => {
      // Handing over is the giver's agreement.
      await repo.acceptOnce(tx, synergyId, giver.organisationId, now);
      await this.synergies.moveInTransaction(
        tx,
        user,
        s,
        {
          version: s.version,
          status: 'implemented',
          impact: { quantity: input.quantity, unit: input.unit, perYear: decl !== undefined && decl.frequency !== 'one-off' },
        },
        now,
      );
      const id = await exchangeRecords.insertExchange(tx, {
        synergyId,
        declarationId,
        giverId: giver.organisationId,
        takerId: taker.organisationId,
        description: decl?.title ?? s.title,
        quantity: input.quantity,
        unit: input.unit,
        handedOverAt: at,
        recordedBy: user.id,
        createdAt: now,
      });
      if (declarationId) {
        // A one-off lot is gone once handed over; a recurring offer stays available.
        if (decl?.frequency === 'one-off') await this.declarations.setAvailability(tx, declarationId, 'closed', now);
        else await this.declarations.setAvailability(tx, declarationId, 'active', now, 'reserved');
      }
      await repo.addEvent(tx, {
        synergyId,
        type: 'handed_over',
        userId: user.id,
        organisationId: user.organisationId,
        note: `${input.quantity} ${input.unit}`,
        at: now,
      });
      return id;
    });
    this.ctx.searchRelay.nudge();
    return this.exchanges.get(user, exchangeId);
  }
}
