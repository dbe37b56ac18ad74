import {
  canMoveSynergy,
  haversineKm,
  type CurrentUser,
  type SynergyCreate,
  type SynergyListQuery,
  type SynergyMove,
  type Unit,
} from '@synergies/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { decodeCursor, encodeCursor } from '../../http/cursor';
import { badRequest, conflict, forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import { mainSiteJoin } from '../../infra/locations';
import { enqueueEmail } from '../../infra/mail';
import { belongsToZone, facilitates, isAdmin } from '../auth/policy';
import { computeImpact, factorFor, type ImpactFactorValues } from './impact';
import { DECLINED } from './proposals';
import * as repo from './repository';

const iso = (t: string | Date | null) => (t === null ? null : new Date(t).toISOString());
type Sql = import('postgres').Sql | import('postgres').TransactionSql;

export class SynergyService {
  constructor(private readonly ctx: AppContext) {}

  private get sql() {
    return this.ctx.db.$client;
  }

  /** Parties' members see their synergies; facilitators their zone's; admins all. */
  private async visible(user: CurrentUser, id: string) {
    const s = await repo.findSynergy(this.sql, id);
    if (!s) throw notFound('Synergie');
    const parties = await repo.partiesOf(this.sql, [id]);
    const ownParty = parties.find((p) => p.organisation_id === user.organisationId) ?? null;
    if (!facilitates(user, s.zone_id) && !ownParty) throw notFound('Synergie');
    return { s, parties, ownParty };
  }

  private async present(rows: repo.SynergyRow[], withContacts: boolean) {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const parties = await repo.partiesOf(this.sql, ids);
    const impacts = new Map((await repo.impactsOf(this.sql, ids)).map((i) => [i.synergy_id, i]));
    const people = withContacts ? await repo.peopleOf(this.sql, [...new Set(parties.map((p) => p.organisation_id))]) : [];
    return rows.map((s) => {
      const own = parties.filter((p) => p.synergy_id === s.id);
      const allAccepted = own.length > 0 && own.every((p) => p.accepted_at !== null);
      const impact = impacts.get(s.id);
      return {
        id: s.id,
        zoneId: s.zone_id,
        kind: s.kind,
        origin: s.origin,
        status: s.status,
        title: s.title,
        score: s.score,
        reasons: s.reasons as { code: string; weight: number; value: number; params: Record<string, unknown> }[],
        explanationFr: s.explanation_fr,
        explanationEn: s.explanation_en,
        dropReason: s.drop_reason,
        validated: s.validated_at !== null,
        parties: own.map((p) => ({
          organisationId: p.organisation_id,
          organisationName: p.organisation_name,
          declarationId: p.declaration_id,
          declarationTitle: p.declaration_title,
          role: p.role,
          accepted: p.accepted_at !== null,
          declined: p.declined_at !== null,
          contact:
            withContacts && allAccepted
              ? {
                  email: p.organisation_email,
                  phone: p.organisation_phone,
                  people: people.filter((x) => x.organisation_id === p.organisation_id).map((x) => ({ name: x.display_name, email: x.email })),
                }
              : null,
        })),
        impact: impact
          ? {
              quantity: impact.quantity,
              unit: impact.unit as Unit,
              perYear: impact.per_year,
              year: impact.year,
              tonnes: impact.tonnes,
              eurosSaved: impact.euros_saved,
              co2eKg: impact.co2e_kg,
              kmAvoided: impact.km_avoided,
              factorCode: impact.factor_code,
            }
          : null,
        version: s.version,
        createdAt: iso(s.created_at)!,
        updatedAt: iso(s.updated_at)!,
      };
    });
  }

  async list(user: CurrentUser, q: z.infer<typeof SynergyListQuery>) {
    let zoneIds: string[] | null = isAdmin(user) ? null : user.zoneIds;
    let organisationId = q.organisationId ?? null;
    if (q.zoneId) {
      if (!belongsToZone(user, q.zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
      zoneIds = [q.zoneId];
    }
    // Members only ever see the synergies their own firm is part of.
    if (user.role === 'member') organisationId = user.organisationId ?? '00000000-0000-0000-0000-000000000000';
    const rows = await repo.listSynergies(this.sql, { ...q, zoneIds, organisationId, after: decodeCursor(q.cursor, 'number'), limit: q.limit });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: await this.present(items, false),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.score ?? -1, last.id) : null,
    };
  }

  async get(user: CurrentUser, id: string) {
    const { s } = await this.visible(user, id);
    const [synergy] = await this.present([s], true);
    const history = await repo.historyOf(this.sql, id);
    const messages = await repo.messagesOf(this.sql, id);
    const [exchange] = await this.sql<{ id: string }[]>`select id from exchanges where synergy_id = ${id} order by created_at desc limit 1`;
    return {
      ...synergy!,
      exchangeId: exchange?.id ?? null,
      history: history.map((h) => ({
        type: h.type,
        fromStatus: h.from_status as never,
        toStatus: h.to_status as never,
        userName: h.user_name,
        organisationName: h.organisation_name,
        note: h.note,
        at: iso(h.at)!,
      })),
      messages: messages.map((m) => ({ id: m.id, authorName: m.author_name, organisationName: m.organisation_name, body: m.body, createdAt: iso(m.created_at)! })),
    };
  }

  /** A firm accepts or declines for itself; only its own members can. */
  async answer(user: CurrentUser, id: string, answer: 'accept' | 'decline', reason?: string) {
    const { s, ownParty } = await this.visible(user, id);
    if (!ownParty || user.role !== 'member') throw forbidden('Seuls les membres des entreprises concernées répondent pour elles');
    if (s.status === 'dropped' || s.status === 'implemented') throw conflict('synergy_closed', 'Cette piste est close.');
    const now = this.ctx.now();
    await this.sql.begin(async (tx) => {
      if (answer === 'accept') {
        await tx`update synergy_parties set accepted_at = ${now.toISOString()}, declined_at = null where synergy_id = ${id} and organisation_id = ${ownParty.organisation_id}`;
        await repo.addEvent(tx, { synergyId: id, type: 'accepted', userId: user.id, organisationId: ownParty.organisation_id, at: now });
        const [pending] = await tx<{ n: number }[]>`select count(*)::int as n from synergy_parties where synergy_id = ${id} and accepted_at is null`;
        if (pending!.n === 0 && s.status === 'proposed') await this.setStatus(tx, s, 'under_discussion', user, 'Toutes les entreprises ont accepté', now);
      } else {
        await tx`update synergy_parties set declined_at = ${now.toISOString()}, accepted_at = null where synergy_id = ${id} and organisation_id = ${ownParty.organisation_id}`;
        await repo.addEvent(tx, { synergyId: id, type: 'declined', userId: user.id, organisationId: ownParty.organisation_id, note: reason ?? null, at: now });
        // The fingerprint stays: the engine re-proposes only if the declarations change materially.
        await this.setStatus(tx, s, 'dropped', user, `${DECLINED}: ${ownParty.organisation_name}${reason ? ` — ${reason}` : ''}`, now);
      }
    });
    return this.get(user, id);
  }

  private async setStatus(tx: Sql, s: repo.SynergyRow, to: repo.SynergyRow['status'], user: CurrentUser, note: string | null, now: Date) {
    await tx`update synergies set status = ${to}, drop_reason = ${to === 'dropped' ? note : null}, updated_at = ${now.toISOString()}, version = version + 1 where id = ${s.id}`;
    await repo.addEvent(tx, { synergyId: s.id, type: 'status', from: s.status, to, userId: user.id, organisationId: user.organisationId, note, at: now });
  }

  /** Moves a synergy along the pipeline; implemented needs the real quantities, dropped a reason. */
  async move(user: CurrentUser, id: string, input: z.infer<typeof SynergyMove>) {
    const { s, ownParty } = await this.visible(user, id);
    if (!facilitates(user, s.zone_id) && !ownParty) throw forbidden();
    if (!canMoveSynergy(s.status, input.status)) {
      throw unprocessable('invalid_transition', `Passage impossible de « ${s.status} » à « ${input.status} ».`);
    }
    if (input.status === 'dropped' && !input.reason) throw badRequest('reason_required', "Indiquez pourquoi la piste est abandonnée.", [{ path: 'body.reason', message: 'Motif requis' }]);
    if (input.status === 'implemented' && !input.impact) {
      throw badRequest('impact_required', 'Indiquez les quantités réelles pour calculer les impacts.', [{ path: 'body.impact', message: 'Quantités réelles requises' }]);
    }
    if (s.version !== input.version) throw versionConflict();
    const now = this.ctx.now();
    await this.sql.begin(async (tx) => {
      await this.setStatus(tx, s, input.status, user, input.reason ?? null, now);
      if (input.status === 'implemented' && input.impact) await this.recordImpact(tx, s, input.impact, now);
    });
    return this.get(user, id);
  }

  private async recordImpact(tx: Sql, s: repo.SynergyRow, real: { quantity: number; unit: Unit; perYear: boolean }, now: Date) {
    const [decl] = await tx<{ category_code: string }[]>`
      select d.category_code from synergy_declarations sd join declarations d on d.id = sd.declaration_id
      where sd.synergy_id = ${s.id} order by (d.kind = 'offer') desc limit 1`;
    const factors = await tx<(ImpactFactorValues & { categoryCode: string })[]>`
      select category_code as "categoryCode", co2e_kg_per_tonne as "co2eKgPerTonne", euros_per_tonne as "eurosPerTonne",
             kg_per_unit as "kgPerUnit", reference_trip_km as "referenceTripKm", tonnes_per_trip as "tonnesPerTrip" from impact_factors`;
    const factor = factorFor(factors, decl?.category_code ?? 'default');
    if (!factor) throw unprocessable('no_impact_factor', "Aucun facteur d'impact n'est défini : un administrateur doit en saisir.");
    const sites = await tx<{ latitude: number | null; longitude: number | null }[]>`
      select s.latitude, s.longitude from synergy_parties p
      ${mainSiteJoin(tx, 'p.organisation_id')}
      where p.synergy_id = ${s.id} and p.role in ('giver', 'taker')`;
    const [a, b] = sites;
    const distanceKm = a?.latitude != null && a.longitude != null && b?.latitude != null && b.longitude != null ? haversineKm(a.latitude, a.longitude, b.latitude, b.longitude) : null;
    const impact = computeImpact({ quantity: real.quantity, unit: real.unit, distanceKm }, factor);
    await tx`insert into synergy_impacts (synergy_id, quantity, unit, per_year, year, tonnes, euros_saved, co2e_kg, km_avoided, factor_code, computed_at)
             values (${s.id}, ${real.quantity}, ${real.unit}, ${real.perYear}, ${now.getUTCFullYear()}, ${impact.tonnes}, ${impact.eurosSaved},
                     ${impact.co2eKg}, ${impact.kmAvoided}, ${factor.categoryCode}, ${now.toISOString()})
             on conflict (synergy_id) do update set quantity = excluded.quantity, unit = excluded.unit, per_year = excluded.per_year,
               year = excluded.year, tonnes = excluded.tonnes, euros_saved = excluded.euros_saved, co2e_kg = excluded.co2e_kg,
               km_avoided = excluded.km_avoided, factor_code = excluded.factor_code, computed_at = excluded.computed_at`;
  }

  async postMessage(user: CurrentUser, id: string, body: string) {
    const { s, ownParty, parties } = await this.visible(user, id);
    const now = this.ctx.now();
    await this.sql.begin(async (tx) => {
      await tx`insert into synergy_messages (synergy_id, author_id, organisation_id, body, created_at)
               values (${id}, ${user.id}, ${ownParty?.organisation_id ?? null}, ${body}, ${now.toISOString()})`;
      const others = parties.filter((p) => p.organisation_id !== ownParty?.organisation_id).map((p) => p.organisation_id);
      const recipients = await repo.peopleOf(tx, others);
      for (const r of recipients) {
        await enqueueEmail(tx, this.ctx.jobs, {
          to: r.email,
          subject: `Nouveau message : ${s.title}`,
          text: `Bonjour ${r.display_name},\n\n${user.displayName} a écrit à propos de « ${s.title} » :\n\n${body}\n\nRépondre : ${this.ctx.config.publicUrl}/synergies/${id}\n\n— L'équipe Synergies`,
        });
      }
    });
    return this.get(user, id);
  }

  async validate(user: CurrentUser, ids: string[]) {
    const rows = await this.sql<{ id: string; zone_id: string }[]>`select id, zone_id from synergies where id = any(${ids}::uuid[])`;
    if (rows.length !== new Set(ids).size) throw notFound('Synergie');
    if (rows.some((r) => !facilitates(user, r.zone_id))) throw forbidden('Seuls les animateurs de la zone valident ses synergies');
    const now = this.ctx.now();
    await this.sql.begin(async (tx) => {
      await tx`update synergies set validated_by = ${user.id}, validated_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
               where id = any(${ids}::uuid[]) and validated_at is null`;
      for (const id of ids) await repo.addEvent(tx, { synergyId: id, type: 'validated', userId: user.id, at: now });
    });
    return { validated: rows.length };
  }

  /** A facilitator records a synergy found outside the engine (a workshop, a visit). */
  async create(user: CurrentUser, input: z.infer<typeof SynergyCreate>) {
    const orgs = await this.sql<{ id: string; zone_id: string }[]>`select id, zone_id from organisations where id = any(${input.organisationIds}::uuid[])`;
    if (orgs.length !== new Set(input.organisationIds).size) throw notFound('Organisation');
    const zoneId = orgs[0]!.zone_id;
    if (orgs.some((o) => o.zone_id !== zoneId)) throw unprocessable('zones_differ', "Les entreprises d'une synergie appartiennent à une même zone.");
    if (!facilitates(user, zoneId)) throw forbidden('Seuls les animateurs de la zone créent des synergies');
    const decls = input.declarationIds.length
      ? await this.sql<{ id: string; organisation_id: string; kind: 'offer' | 'need' }[]>`select id, organisation_id, kind from declarations where id = any(${input.declarationIds}::uuid[])`
      : [];
    if (decls.length !== new Set(input.declarationIds).size || decls.some((d) => !input.organisationIds.includes(d.organisation_id))) {
      throw unprocessable('invalid_reference', 'Chaque fiche doit appartenir à une des entreprises choisies.');
    }
    const now = this.ctx.now();
    const id = await this.sql.begin(async (tx) => {
      const [row] = await tx<{ id: string }[]>`
        insert into synergies (zone_id, kind, origin, status, title, explanation_fr, explanation_en, created_by, validated_by, validated_at, created_at, updated_at)
        values (${zoneId}, ${input.kind}, 'facilitator', 'proposed', ${input.title}, ${input.note ?? ''}, ${input.note ?? ''}, ${user.id}, ${user.id}, ${now.toISOString()}, ${now.toISOString()}, ${now.toISOString()})
        returning id`;
      const parties = input.organisationIds.map((orgId) => {
        const d = decls.find((x) => x.organisation_id === orgId);
        const role = input.kind === 'mutualisation' ? 'member' : d?.kind === 'offer' ? 'giver' : 'taker';
        return { synergy_id: row!.id, organisation_id: orgId, declaration_id: d?.id ?? null, role };
      });
      await tx`insert into synergy_parties ${tx(parties)}`;
      if (decls.length) await tx`insert into synergy_declarations ${tx(decls.map((d) => ({ synergy_id: row!.id, declaration_id: d.id })))}`;
      await repo.addEvent(tx, { synergyId: row!.id, type: 'created', to: 'proposed', userId: user.id, note: input.note ?? null, at: now });
      return row!.id;
    });
    return this.get(user, id);
  }
}
