import {
  belongsToZone,
  canMoveSynergy,
  titleForReader,
  type CurrentUser,
  facilitates,
  haversineKm,
  isAdmin,
  type SynergyCreate,
  type SynergyListQuery,
  type SynergyMove,
  type Unit,
} from '@synergies/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { decodeCursor, encodeCursor } from '../../http/cursor';
import { badRequest, conflict, forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import { rawSql, type Db } from '../../infra/db';
import { enqueueEmail } from '../../infra/mail';
import { publishEvent, roomName } from '../../infra/realtime/event-store';
import { computeImpact, factorFor } from './impact';
import { DECLINED } from './proposals';
import { impactFactors } from '../impact-factors/repository';
import * as repo from './repository';
import { messageEmail } from './emails';

const iso = (t: Date) => t.toISOString();
/** Steps that commit the firms: reached only once every party has accepted. */
const AGREED_STEPS: readonly repo.SynergyRow['status'][] = ['in_study', 'implemented'];

export class SynergyService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }

  /** Parties' members see their synergies; facilitators their zone's; admins all. */
  private async visible(user: CurrentUser, id: string) {
    const s = await repo.findSynergy(this.db, id);
    if (!s) throw notFound('Synergie');
    const parties = await repo.partiesOf(this.db, [id]);
    const ownParty = parties.find((p) => p.organisationId === user.organisationId) ?? null;
    if (!facilitates(user, s.zoneId) && !ownParty) throw notFound('Synergie');
    return { s, parties, ownParty };
  }

  /** Synergies as the API shows them to `reader`: generated titles in the reader's language. */
  private async present(reader: CurrentUser, rows: repo.SynergyRow[], withContacts: boolean) {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const parties = await repo.partiesOf(this.db, ids);
    const impacts = new Map((await repo.impactsOf(this.db, ids)).map((i) => [i.synergyId, i]));
    const people = withContacts ? await repo.peopleOf(this.db, [...new Set(parties.map((p) => p.organisationId))]) : [];
    return rows.map((s) => {
      const own = parties.filter((p) => p.synergyId === s.id);
      const allAccepted = own.length > 0 && own.every((p) => p.acceptedAt !== null);
      const impact = impacts.get(s.id);
      return {
        id: s.id,
        zoneId: s.zoneId,
        kind: s.kind,
        origin: s.origin,
        status: s.status,
        title: titleForReader(s, reader.locale),
        score: s.score,
        reasons: s.reasons as { code: string; weight: number; value: number; params: Record<string, unknown> }[],
        explanationFr: s.explanationFr,
        explanationEn: s.explanationEn,
        dropReason: s.dropReason,
        validated: s.validatedAt !== null,
        parties: own.map((p) => ({
          organisationId: p.organisationId,
          organisationName: p.organisationName,
          declarationId: p.declarationId,
          declarationTitle: p.declarationTitle,
          role: p.role,
          accepted: p.acceptedAt !== null,
          declined: p.declinedAt !== null,
          contact:
            withContacts && allAccepted
              ? {
                  email: p.organisationEmail,
                  phone: p.organisationPhone,
                  people: people.filter((x) => x.organisationId === p.organisationId).map((x) => ({ name: x.displayName, email: x.email })),
                }
              : null,
        })),
        impact: impact
          ? {
              quantity: impact.quantity,
              unit: impact.unit,
              perYear: impact.perYear,
              year: impact.year,
              tonnes: impact.tonnes,
              eurosSaved: impact.eurosSaved,
              co2eKg: impact.co2eKg,
              kmAvoided: impact.kmAvoided,
              factorCode: impact.factorCode,
            }
          : null,
        version: s.version,
        createdAt: iso(s.createdAt),
        updatedAt: iso(s.updatedAt),
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
    const rows = await repo.listSynergies(this.db, { ...q, zoneIds, organisationId, after: decodeCursor(q.cursor, 'number'), limit: q.limit });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: await this.present(user, items, false),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.score ?? -1, last.id) : null,
    };
  }

  async get(user: CurrentUser, id: string) {
    const { s } = await this.visible(user, id);
    const [synergy] = await this.present(user, [s], true);
    const history = await repo.historyOf(this.db, id);
    const messages = await repo.messagesOf(this.db, id);
    const exchangeId = await repo.latestExchangeId(this.db, id);
    return {
      ...synergy!,
      exchangeId: exchangeId ?? null,
      history: history.map((h) => ({ ...h, at: iso(h.at) })),
      messages: messages.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
    };
  }

  /** A firm accepts or declines for itself; only its own members can. */
  async answer(user: CurrentUser, id: string, answer: 'accept' | 'decline', reason?: string) {
    const { ownParty } = await this.visible(user, id);
    if (!ownParty || user.role !== 'member') throw forbidden('Seuls les membres des entreprises concernées répondent pour elles');
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      // Locked, so that the last of several simultaneous acceptances sees all the others.
      const s = (await repo.lockSynergy(tx, id))!;
      if (s.status === 'dropped' || s.status === 'implemented') throw conflict('synergy_closed', 'Cette piste est close.');
      await repo.setAnswer(tx, id, ownParty.organisationId, answer, now);
      if (answer === 'accept') {
        await repo.addEvent(tx, { synergyId: id, type: 'accepted', userId: user.id, organisationId: ownParty.organisationId, at: now });
        const pending = await repo.pendingAnswers(tx, id);
        if (pending === 0 && s.status === 'proposed') await this.setStatus(tx, s, 'under_discussion', user, 'Toutes les entreprises ont accepté', now);
      } else {
        await repo.addEvent(tx, { synergyId: id, type: 'declined', userId: user.id, organisationId: ownParty.organisationId, note: reason ?? null, at: now });
        // The fingerprint stays: the engine re-proposes only if the declarations change materially.
        await this.setStatus(tx, s, 'dropped', user, `${DECLINED}: ${ownParty.organisationName}${reason ? ` — ${reason}` : ''}`, now);
      }
      await boardChanged(tx, s.zoneId, id, answer === 'accept' ? 'accepted' : 'declined');
    });
    return this.get(user, id);
  }

  /** Changes the status if the row is still at the version `s` was read at (checked in the UPDATE itself). */
  private async setStatus(tx: Db, s: repo.SynergyRow, to: repo.SynergyRow['status'], user: CurrentUser, note: string | null, now: Date) {
    if (!(await repo.setStatus(tx, s.id, s.version, to, to === 'dropped' ? note : null, now))) throw versionConflict();
    await repo.addEvent(tx, { synergyId: s.id, type: 'status', from: s.status, to, userId: user.id, organisationId: user.organisationId, note, at: now });
  }

  /** Moves a synergy along the pipeline; implemented needs the real quantities, dropped a reason. */
  async move(user: CurrentUser, id: string, input: z.infer<typeof SynergyMove>) {
    const { s, ownParty } = await this.visible(user, id);
    if (!facilitates(user, s.zoneId) && !ownParty) throw forbidden();
    const now = this.ctx.now();
    await this.db.transaction((tx) => this.moveInTransaction(tx, user, s, input, now));
    return this.get(user, id);
  }

  /**
   * The rules of a move, inside the caller's transaction (a hand-over records its exchange in
   * the same one). Study and implementation need every firm's agreement; a facilitator may
   * go ahead without it only by writing why, which the history keeps.
   */
  async moveInTransaction(tx: Db, user: CurrentUser, s: repo.SynergyRow, input: z.infer<typeof SynergyMove>, now: Date) {
    // A stale client hears first that the lead changed, before any rule about the new state.
    if (s.version !== input.version) throw versionConflict();
    if (!canMoveSynergy(s.status, input.status)) {
      throw unprocessable('invalid_transition', `Passage impossible de « ${s.status} » à « ${input.status} ».`);
    }
    if (input.status === 'dropped' && !input.reason)
      throw badRequest('reason_required', 'Indiquez pourquoi la piste est abandonnée.', [{ path: 'body.reason', message: 'Motif requis' }]);
    if (input.status === 'implemented' && !input.impact) {
      throw badRequest('impact_required', 'Indiquez les quantités réelles pour calculer les impacts.', [
        { path: 'body.impact', message: 'Quantités réelles requises' },
      ]);
    }
    if (AGREED_STEPS.includes(input.status) && (await repo.pendingAnswers(tx, s.id)) > 0) {
      if (!input.override) throw conflict('agreement_required', "Toutes les entreprises doivent d'abord accepter la piste.");
      if (!facilitates(user, s.zoneId)) throw forbidden("Seul un animateur de la zone peut passer outre l'accord des entreprises");
      await repo.addEvent(tx, { synergyId: s.id, type: 'overridden', to: input.status, userId: user.id, note: input.override, at: now });
    }
    await this.setStatus(tx, s, input.status, user, input.reason ?? null, now);
    if (input.status === 'implemented' && input.impact) await this.recordImpact(tx, s, input.impact, now);
    await boardChanged(tx, s.zoneId, s.id, 'status');
  }

  private async recordImpact(tx: Db, s: repo.SynergyRow, real: { quantity: number; unit: Unit; perYear: boolean }, now: Date) {
    const category = await repo.impactCategory(tx, s.id);
    const factors = await impactFactors(tx);
    const factor = factorFor(factors, category ?? 'default');
    if (!factor) throw unprocessable('no_impact_factor', "Aucun facteur d'impact n'est défini : un administrateur doit en saisir.");
    const [a, b] = await repo.giverAndTakerSites(tx, s.id);
    const distanceKm =
      a?.latitude != null && a.longitude != null && b?.latitude != null && b.longitude != null
        ? haversineKm(a.latitude, a.longitude, b.latitude, b.longitude)
        : null;
    const impact = computeImpact({ quantity: real.quantity, unit: real.unit, distanceKm }, factor);
    await repo.saveImpact(tx, {
      synergyId: s.id,
      quantity: real.quantity,
      unit: real.unit,
      perYear: real.perYear,
      year: now.getUTCFullYear(),
      tonnes: impact.tonnes,
      eurosSaved: impact.eurosSaved,
      co2eKg: impact.co2eKg,
      kmAvoided: impact.kmAvoided,
      factorCode: factor.categoryCode,
      computedAt: now,
    });
  }

  async postMessage(user: CurrentUser, id: string, body: string) {
    const { s, ownParty, parties } = await this.visible(user, id);
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      await repo.addMessage(tx, { synergyId: id, authorId: user.id, organisationId: ownParty?.organisationId ?? null, body, at: now });
      const others = parties.filter((p) => p.organisationId !== ownParty?.organisationId).map((p) => p.organisationId);
      const recipients = await repo.peopleOf(tx, others);
      for (const r of recipients) {
        const link = `${this.ctx.config.publicUrl}/synergies/${id}`;
        await enqueueEmail(rawSql(tx), this.ctx.jobs, messageEmail(r, { author: user.displayName, title: titleForReader(s, r.locale), message: body, link }));
      }
    });
    return this.get(user, id);
  }

  async validate(user: CurrentUser, ids: string[]) {
    const rows = await repo.zonesOf(this.db, ids);
    if (rows.length !== new Set(ids).size) throw notFound('Synergie');
    if (rows.some((r) => !facilitates(user, r.zoneId))) throw forbidden('Seuls les animateurs de la zone valident ses synergies');
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      await repo.markValidated(tx, ids, user.id, now);
      for (const id of ids) await repo.addEvent(tx, { synergyId: id, type: 'validated', userId: user.id, at: now });
      for (const zoneId of new Set(rows.map((r) => r.zoneId))) await boardChanged(tx, zoneId, ids.length === 1 ? ids[0]! : null, 'validated');
    });
    return { validated: rows.length };
  }

  /** A facilitator records a synergy found outside the engine (a workshop, a visit). */
  async create(user: CurrentUser, input: z.infer<typeof SynergyCreate>) {
    const orgs = await repo.organisationZones(this.db, input.organisationIds);
    if (orgs.length !== new Set(input.organisationIds).size) throw notFound('Organisation');
    const zoneId = orgs[0]!.zoneId;
    if (orgs.some((o) => o.zoneId !== zoneId)) throw unprocessable('zones_differ', "Les entreprises d'une synergie appartiennent à une même zone.");
    if (!facilitates(user, zoneId)) throw forbidden('Seuls les animateurs de la zone créent des synergies');
    const decls = await repo.declarationOwners(this.db, input.declarationIds);
    if (decls.length !== new Set(input.declarationIds).size || decls.some((d) => !input.organisationIds.includes(d.organisationId))) {
      throw unprocessable('invalid_reference', 'Chaque fiche doit appartenir à une des entreprises choisies.');
    }
    const now = this.ctx.now();
    const parties = input.organisationIds.map((organisationId) => {
      const d = decls.find((x) => x.organisationId === organisationId);
      const role = input.kind === 'mutualisation' ? ('member' as const) : d?.kind === 'offer' ? ('giver' as const) : ('taker' as const);
      return { organisationId, declarationId: d?.id ?? null, role };
    });
    const id = await this.db.transaction(async (tx) => {
      const created = await repo.insertSynergy(
        tx,
        {
          zoneId,
          kind: input.kind,
          origin: 'facilitator',
          status: 'proposed',
          title: input.title,
          explanationFr: input.note ?? '',
          explanationEn: input.note ?? '',
          createdBy: user.id,
          validatedBy: user.id,
          validatedAt: now,
          createdAt: now,
          updatedAt: now,
        },
        parties,
        decls.map((d) => d.id),
        { type: 'created', userId: user.id, note: input.note ?? null },
      );
      await boardChanged(tx, zoneId, created, 'created');
      return created;
    });
    return this.get(user, id);
  }
}

/** The zone's board is live: it refetches when told, in the same transaction as the change. */
function boardChanged(tx: Db, zoneId: string, synergyId: string | null, reason: string) {
  return publishEvent(tx, roomName.zone(zoneId), { type: 'synergy.changed', zoneId, synergyId, reason });
}
