import { type Card, type CardCreate, type CurrentUser, type FirmDemand, type Lead } from '@synergies/shared';
import type { AppContext } from '../../context';
import { badRequest, conflict, notFound, unprocessable } from '../../http/problem';
import type { Transaction } from '../../infra/db';
import type { DeclarationService } from '../declarations/service';
import * as meetingRepo from '../meetings/repository';
import { accessWorkshop, requireControl } from './access';
import { announce } from './announce';
import { cardsOpen } from './phases';
import * as repo from './repository';

const presentCard = (c: repo.CardRow): Card => ({ ...c, createdAt: c.createdAt.toISOString() });

/** The live part of the morning: cards become declarations, matching makes leads, facilitators tidy the board. */
export class LiveService {
  constructor(
    private readonly ctx: AppContext,
    private readonly declarations: DeclarationService,
  ) {}

  /** Facilitators see every card; participants their firm's. */
  async cards(user: CurrentUser, id: string): Promise<Card[]> {
    const access = await accessWorkshop(this.ctx.db, user, id);
    const rows = await repo.cardsOf(this.ctx.db, id, access.role === 'control' ? undefined : access.organisationId!);
    return rows.map(presentCard);
  }

  /**
   * A "we have / we need" card in a few taps: it becomes a real declaration of the firm (indexed
   * and matched like any other), and the room sees it arrive, in the same transaction.
   */
  async addCard(user: CurrentUser, id: string, input: CardCreate): Promise<Card> {
    const card = await this.ctx.db.transaction(async (tx) => {
      const access = await accessWorkshop(tx, user, id);
      const control = access.role === 'control';
      if (!cardsOpen(access.workshop.phase, control)) throw conflict('cards_closed', "La saisie des fiches n'est pas ouverte dans cette phase de l'atelier.");
      const organisationId = control ? input.organisationId : access.organisationId!;
      if (!organisationId)
        throw badRequest('organisation_required', 'Indiquez pour quelle entreprise vous saisissez la fiche.', [
          { path: 'body.organisationId', message: 'Entreprise requise' },
        ]);
      if (!control && input.organisationId && input.organisationId !== organisationId)
        throw badRequest('organisation_mismatch', 'Vous saisissez les fiches de votre entreprise seulement.', [
          { path: 'body.organisationId', message: 'Votre entreprise attendue' },
        ]);
      if (control && !(await repo.isInvited(tx, id, organisationId))) {
        throw unprocessable('not_invited', "Cette entreprise n'est pas invitée à l'atelier.", [
          { path: 'body.organisationId', message: 'Entreprise non invitée', code: 'not_invited' },
        ]);
      }
      const declarationId = await this.declarations.createWithin(tx, user, {
        organisationId,
        kind: input.kind,
        title: input.words,
        categoryCode: input.categoryCode,
        description: `Fiche saisie pendant l'atelier « ${access.workshop.name} ».`,
        wasteCode: null,
        quantity: input.quantity,
        unit: input.unit,
        frequency: 'one-off',
        availableFrom: null,
        availableUntil: null,
        condition: null,
        priceMode: 'free',
        priceAmount: null,
        siteId: null,
        hazardous: false,
        status: 'active',
        visibility: 'zone',
      });
      const now = this.ctx.now();
      await repo.insertCard(tx, { workshopId: id, declarationId, organisationId, enteredBy: user.id, byFacilitator: control, now });
      const [row] = (await repo.cardsOf(tx, id, organisationId)).filter((c) => c.declarationId === declarationId);
      const card = presentCard(row!);
      await announce(tx, id, { type: 'workshop.card_added', workshopId: id, card, counts: await repo.counts(tx, id), at: now.toISOString() });
      return card;
    });
    this.ctx.searchRelay.nudge();
    return card;
  }

  /** The board: the leads between the workshop's firms, by theme (category family). */
  async leads(user: CurrentUser, id: string): Promise<Lead[]> {
    const access = await accessWorkshop(this.ctx.db, user, id);
    const rows = await repo.leadsOf(this.ctx.db, id);
    const leads = await this.present(rows);
    // Participants see the leads their firm is part of.
    return access.role === 'control' ? leads : leads.filter((l) => l.parties.some((p) => p.organisationId === access.organisationId));
  }

  private async present(rows: repo.LeadRow[]): Promise<Lead[]> {
    if (rows.length === 0) return [];
    const parties = await repo.partiesOf(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      score: r.score,
      theme: r.categoryCode ? r.categoryCode.split('.').slice(0, 2).join('.') : 'other',
      validated: r.validated,
      parties: parties.filter((p) => p.synergyId === r.id).map(({ synergyId: _omit, ...p }) => p),
      version: r.version,
    }));
  }

  private async lead(tx: Transaction, user: CurrentUser, id: string, leadId: string) {
    const access = await accessWorkshop(tx, user, id);
    requireControl(access);
    const [lead] = await repo.leadsOf(tx, id, leadId);
    if (!lead) throw notFound('Piste');
    return lead;
  }

  /** Two facilitators editing one lead: the version goes into the UPDATE, the second gets a 409. */
  async editLead(user: CurrentUser, id: string, leadId: string, input: { version: number; title: string }): Promise<Lead> {
    return this.changeLead(user, id, leadId, 'edited', async (tx, now) => {
      if (!(await repo.renameLead(tx, leadId, input.version, input.title, now))) throw leadConflict();
      await repo.addLeadEvent(tx, leadId, 'edited', user.id, input.title, now);
    });
  }

  async validateLead(user: CurrentUser, id: string, leadId: string, version: number): Promise<Lead> {
    return this.changeLead(user, id, leadId, 'validated', async (tx, now) => {
      if (!(await repo.validateLead(tx, leadId, version, user.id, now))) throw leadConflict();
      await repo.addLeadEvent(tx, leadId, 'validated', user.id, null, now);
    });
  }

  /** Merges a duplicate into another lead: the duplicate is dropped, its firms and cards join the kept one. */
  async mergeLead(user: CurrentUser, id: string, leadId: string, input: { version: number; intoId: string; intoVersion: number }): Promise<Lead> {
    if (input.intoId === leadId)
      throw badRequest('same_lead', 'Une piste ne se fusionne pas avec elle-même.', [{ path: 'body.intoId', message: 'Autre piste attendue' }]);
    const merged = await this.ctx.db.transaction(async (tx) => {
      const duplicate = await this.lead(tx, user, id, leadId);
      const [into] = await repo.leadsOf(tx, id, input.intoId);
      if (!into)
        throw unprocessable('unknown_lead', "La piste à garder n'est pas une piste de l'atelier.", [
          { path: 'body.intoId', message: 'Piste inconnue', code: 'unknown_lead' },
        ]);
      const now = this.ctx.now();
      if (
        !(await repo.mergeLead(tx, { id: duplicate.id, version: input.version }, { id: into.id, version: input.intoVersion, title: into.title }, user.id, now))
      )
        throw leadConflict();
      await announce(tx, id, {
        type: 'workshop.lead_changed',
        workshopId: id,
        leadId,
        action: 'merged',
        intoId: into.id,
        counts: await repo.counts(tx, id),
        at: now.toISOString(),
      });
      return into.id;
    });
    return this.one(merged, id);
  }

  private async changeLead(
    user: CurrentUser,
    id: string,
    leadId: string,
    action: 'edited' | 'validated',
    write: (tx: Transaction, now: Date) => Promise<void>,
  ) {
    await this.ctx.db.transaction(async (tx) => {
      await this.lead(tx, user, id, leadId);
      const now = this.ctx.now();
      await write(tx, now);
      await announce(tx, id, {
        type: 'workshop.lead_changed',
        workshopId: id,
        leadId,
        action,
        intoId: null,
        counts: await repo.counts(tx, id),
        at: now.toISOString(),
      });
    });
    return this.one(leadId, id);
  }

  private async one(leadId: string, workshopId: string): Promise<Lead> {
    const [lead] = await this.present(await repo.leadsOf(this.ctx.db, workshopId, leadId));
    return lead!;
  }

  /** Demand per firm during the requests phase: meetings each firm asked for, and was asked for. */
  async demand(user: CurrentUser, id: string): Promise<FirmDemand[]> {
    const access = await accessWorkshop(this.ctx.db, user, id);
    requireControl(access);
    const firms = await repo.firmsOf(this.ctx.db, id);
    const requests = access.workshop.eventId ? await meetingRepo.requestsOf(this.ctx.db, access.workshop.eventId) : [];
    return firms.map((f) => {
      let asked = 0;
      let askedBy = 0;
      for (const r of requests) {
        const mine = r.organisationA === f.organisationId ? r.priorityA : r.organisationB === f.organisationId ? r.priorityB : undefined;
        if (mine === undefined) continue;
        const theirs = r.organisationA === f.organisationId ? r.priorityB : r.priorityA;
        if (mine !== null) asked++;
        if (theirs !== null) askedBy++;
      }
      return { organisationId: f.organisationId, name: f.name, asked, askedBy };
    });
  }
}

const leadConflict = () => conflict('version_conflict', "Cette piste vient d'être modifiée par quelqu'un d'autre : rechargez-la avant d'enregistrer.");
