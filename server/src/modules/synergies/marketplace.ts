import type { CurrentUser, Unit } from '@synergies/shared';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound, unprocessable } from '../../http/problem';
import { rawSql } from '../../infra/db';
import { enqueueEmail } from '../../infra/mail';
import { publishEvent, roomName } from '../../infra/realtime/event-store';
import { markForReindex } from '../../infra/search/outbox';
import { canSeeDeclaration } from '../auth/policy';
import { isSharingCategory } from '../../core/matching';
import * as repo from './repository';
import type { SynergyService } from './service';

/**
 * The My Troc Pro way: a member asks for an offer or answers a need in one click; the
 * giver reserves the item and records the hand-over, which makes an exchange record and
 * counts the synergy as implemented.
 */
export class MarketplaceService {
  constructor(
    private readonly ctx: AppContext,
    private readonly synergies: SynergyService,
  ) {}

  private get sql() {
    return this.ctx.db.$client;
  }

  async request(user: CurrentUser, declarationId: string, message: string) {
    if (user.role !== 'member' || !user.organisationId) throw forbidden("Seuls les membres d'une entreprise font une demande");
    const [d] = await this.sql<{ id: string; organisation_id: string; zone_id: string; kind: 'offer' | 'need'; title: string; category_code: string; status: string; visibility: string; organisation_name: string }[]>`
      select d.id, d.organisation_id, d.zone_id, d.kind, d.title, d.category_code, d.status, d.visibility, o.name as organisation_name
      from declarations d join organisations o on o.id = d.organisation_id where d.id = ${declarationId}`;
    if (!d || !canSeeDeclaration(user, { zoneId: d.zone_id, organisationId: d.organisation_id, visibility: d.visibility, status: d.status })) throw notFound('Fiche');
    if (d.organisation_id === user.organisationId) throw unprocessable('own_declaration', 'Cette fiche est celle de votre entreprise.');
    if (d.status !== 'active') throw conflict('not_available', "Cette fiche n'est plus disponible.");
    const [existing] = await this.sql<{ id: string }[]>`
      select s.id from synergies s join synergy_parties p on p.synergy_id = s.id and p.organisation_id = ${user.organisationId}
      join synergy_declarations sd on sd.synergy_id = s.id and sd.declaration_id = ${declarationId}
      where s.origin = 'marketplace' and s.status not in ('dropped', 'implemented')`;
    if (existing) throw conflict('already_requested', 'Votre entreprise a déjà une demande en cours sur cette fiche.', existing.id);
    const [requester] = await this.sql<{ name: string }[]>`select name from organisations where id = ${user.organisationId}`;
    const now = this.ctx.now();
    const iso = now.toISOString();
    const id = await this.sql.begin(async (tx) => {
      const title = d.kind === 'offer' ? `${d.title} → ${requester!.name}` : `${requester!.name} → ${d.title}`;
      const kind = isSharingCategory(d.category_code) ? 'sharing' : 'substitution';
      const [row] = await tx<{ id: string }[]>`
        insert into synergies (zone_id, kind, origin, status, title, created_by, created_at, updated_at)
        values (${d.zone_id}, ${kind}, 'marketplace', 'under_discussion', ${title}, ${user.id}, ${iso}, ${iso}) returning id`;
      const [giver, taker] = d.kind === 'offer' ? [d.organisation_id, user.organisationId!] : [user.organisationId!, d.organisation_id];
      await tx`insert into synergy_parties ${tx([
        { synergy_id: row!.id, organisation_id: giver, declaration_id: d.kind === 'offer' ? d.id : null, role: 'giver', accepted_at: giver === user.organisationId ? iso : null },
        { synergy_id: row!.id, organisation_id: taker, declaration_id: d.kind === 'need' ? d.id : null, role: 'taker', accepted_at: taker === user.organisationId ? iso : null },
      ])}`;
      await tx`insert into synergy_declarations (synergy_id, declaration_id) values (${row!.id}, ${d.id})`;
      await repo.addEvent(tx, { synergyId: row!.id, type: 'requested', to: 'under_discussion', userId: user.id, organisationId: user.organisationId, at: now });
      await tx`insert into synergy_messages (synergy_id, author_id, organisation_id, body, created_at) values (${row!.id}, ${user.id}, ${user.organisationId}, ${message}, ${iso})`;
      const owners = await repo.peopleOf(tx, [d.organisation_id]);
      for (const o of owners) {
        const [ownerUser] = await tx<{ id: string }[]>`select id from users where email = ${o.email}`;
        const text = `${requester!.name} : « ${d.title} »`;
        await tx`insert into notifications (user_id, synergy_id, type, text, created_at) values (${ownerUser!.id}, ${row!.id}, 'marketplace_request', ${text}, ${iso})`;
        await publishEvent(tx, roomName.user(ownerUser!.id), { type: 'notification.created', notificationType: 'marketplace_request', text, synergyId: row!.id, createdAt: iso });
        await enqueueEmail(tx, this.ctx.jobs, {
          to: o.email,
          subject: `${requester!.name} s'intéresse à « ${d.title} »`,
          text: `Bonjour ${o.display_name},\n\n${user.displayName} (${requester!.name}) vous écrit à propos de « ${d.title} » :\n\n${message}\n\nRépondre : ${this.ctx.config.publicUrl}/synergies/${row!.id}\n\n— L'équipe Synergies`,
        });
      }
      await publishEvent(tx, roomName.zone(d.zone_id), { type: 'synergy.changed', zoneId: d.zone_id, synergyId: row!.id, reason: 'requested' });
      return row!.id;
    });
    return this.synergies.get(user, id);
  }

  private async giverSide(user: CurrentUser, synergyId: string) {
    const s = await repo.findSynergy(this.sql, synergyId);
    if (!s) throw notFound('Synergie');
    const parties = await repo.partiesOf(this.sql, [synergyId]);
    const giver = parties.find((p) => p.role === 'giver');
    const taker = parties.find((p) => p.role === 'taker');
    if (!parties.some((p) => p.organisation_id === user.organisationId)) throw notFound('Synergie');
    if (!giver || !taker || giver.organisation_id !== user.organisationId) throw forbidden("Seule l'entreprise qui donne réserve et remet l'objet");
    if (s.status === 'dropped' || s.status === 'implemented') throw conflict('synergy_closed', 'Cette piste est close.');
    return { s, giver, taker };
  }

  async reserve(user: CurrentUser, synergyId: string) {
    const { giver, taker } = await this.giverSide(user, synergyId);
    if (!giver.declaration_id) throw unprocessable('nothing_to_reserve', "Aucune fiche d'offre à réserver.");
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const raw = rawSql(tx);
      const updated = await raw`update declarations set status = 'reserved', updated_at = ${now.toISOString()}, version = version + 1
                                where id = ${giver.declaration_id} and status = 'active' returning id`;
      if (updated.length === 0) throw conflict('not_available', "La fiche n'est plus disponible.");
      await raw`update synergy_parties set accepted_at = coalesce(accepted_at, ${now.toISOString()}) where synergy_id = ${synergyId} and organisation_id = ${giver.organisation_id}`;
      await repo.addEvent(raw, { synergyId, type: 'reserved', userId: user.id, organisationId: user.organisationId, note: taker.organisation_name, at: now });
      await markForReindex(tx, 'declaration', [giver.declaration_id!]);
    });
    this.ctx.searchRelay.nudge();
    return this.synergies.get(user, synergyId);
  }

  /** Records what was really handed over: an exchange record, the synergy implemented, its impacts. */
  async handOver(user: CurrentUser, synergyId: string, input: { quantity: number; unit: Unit; handedOverAt?: string }) {
    const { s, giver, taker } = await this.giverSide(user, synergyId);
    const now = this.ctx.now();
    const at = input.handedOverAt ? new Date(input.handedOverAt) : now;
    const [decl] = giver.declaration_id
      ? await this.sql<{ title: string; frequency: string; version: number }[]>`select title, frequency, version from declarations where id = ${giver.declaration_id}`
      : [];
    const exchangeId = await this.ctx.db.transaction(async (tx) => {
      const raw = rawSql(tx);
      const [row] = await raw<{ id: string }[]>`
        insert into exchanges (synergy_id, declaration_id, giver_id, taker_id, description, quantity, unit, handed_over_at, recorded_by, created_at)
        values (${synergyId}, ${giver.declaration_id}, ${giver.organisation_id}, ${taker.organisation_id}, ${decl?.title ?? s.title},
                ${input.quantity}, ${input.unit}, ${at.toISOString()}, ${user.id}, ${now.toISOString()}) returning id`;
      // A one-off lot is gone once handed over; a recurring offer stays available.
      if (giver.declaration_id && decl?.frequency === 'one-off') {
        await raw`update declarations set status = 'closed', updated_at = ${now.toISOString()}, version = version + 1 where id = ${giver.declaration_id}`;
        await markForReindex(tx, 'declaration', [giver.declaration_id]);
      } else if (giver.declaration_id) {
        await raw`update declarations set status = 'active', updated_at = ${now.toISOString()}, version = version + 1 where id = ${giver.declaration_id} and status = 'reserved'`;
        await markForReindex(tx, 'declaration', [giver.declaration_id]);
      }
      await repo.addEvent(raw, { synergyId, type: 'handed_over', userId: user.id, organisationId: user.organisationId, note: `${input.quantity} ${input.unit}`, at: now });
      return row!.id;
    });
    this.ctx.searchRelay.nudge();
    const fresh = (await repo.findSynergy(this.sql, synergyId))!;
    await this.synergies.move(user, synergyId, {
      version: fresh.version,
      status: 'implemented',
      impact: { quantity: input.quantity, unit: input.unit, perYear: decl !== undefined && decl.frequency !== 'one-off' },
    });
    return this.exchange(user, exchangeId);
  }

  async exchange(user: CurrentUser, id: string) {
    const [e] = await this.sql<{ id: string; synergy_id: string; giver_name: string; taker_name: string; description: string; quantity: number; unit: Unit; handed_over_at: string; giver_id: string; taker_id: string; zone_id: string }[]>`
      select e.id, e.synergy_id, g.name as giver_name, t.name as taker_name, e.description, e.quantity, e.unit, e.handed_over_at,
             e.giver_id, e.taker_id, g.zone_id
      from exchanges e join organisations g on g.id = e.giver_id join organisations t on t.id = e.taker_id where e.id = ${id}`;
    const mayRead = e && (user.organisationId === e.giver_id || user.organisationId === e.taker_id || user.role === 'admin' || (user.role === 'facilitator' && user.zoneIds.includes(e.zone_id)));
    if (!e || !mayRead) throw notFound('Échange');
    return {
      id: e.id,
      synergyId: e.synergy_id,
      giverName: e.giver_name,
      takerName: e.taker_name,
      description: e.description,
      quantity: e.quantity,
      unit: e.unit,
      handedOverAt: new Date(e.handed_over_at).toISOString(),
    };
  }
}
