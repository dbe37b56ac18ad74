import type { CurrentUser, Workshop, WorkshopCreate, WorkshopPhase, WorkshopUpdate } from '@synergies/shared';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import { rawSql, type Transaction } from '../../infra/db';
import { facilitates, isAdmin } from '@synergies/shared';
import * as authRepo from '../auth/repository';
import type { AuthService } from '../auth/service';
import * as meetingRepo from '../meetings/repository';
import { accessWorkshop, requireControl, type WorkshopAccess } from './access';
import { announce } from './announce';
import { shortCode } from './codes';
import { eventStatusFor, phaseIssue } from './phases';
import * as repo from './repository';

/** A workshop's set-up, phases, timer, invited firms and how participants join. */
export class WorkshopService {
  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthService,
  ) {}

  async list(user: CurrentUser, zoneId?: string) {
    if (zoneId && !facilitates(user, zoneId) && !user.zoneIds.includes(zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const facilitated = isAdmin(user) ? null : user.zoneIds.filter((z) => facilitates(user, z));
    const rows = await repo.listWorkshops(this.ctx.db, { zoneIds: facilitated, organisationId: user.organisationId });
    return rows.filter((w) => !zoneId || w.zoneId === zoneId);
  }

  async get(user: CurrentUser, id: string): Promise<Workshop> {
    return this.present(await accessWorkshop(this.ctx.db, user, id));
  }

  async present(access: WorkshopAccess): Promise<Workshop> {
    const { workshop: w, role } = access;
    const control = role === 'control';
    const [firms, counts, event] = await Promise.all([
      repo.firmsOf(this.ctx.db, w.id),
      repo.counts(this.ctx.db, w.id),
      w.eventId ? meetingRepo.findEvent(this.ctx.db, w.eventId) : undefined,
    ]);
    return {
      id: w.id,
      zoneId: w.zoneId,
      name: w.name,
      date: w.date,
      place: w.place,
      agenda: w.agenda,
      phase: w.phase,
      eventId: w.eventId,
      eventStatus: event?.status ?? null,
      role,
      organisationId: access.organisationId,
      timer: timerOf(w),
      counts,
      firms: firms.map((f) => ({
        organisationId: f.organisationId,
        name: f.name,
        headcount: f.headcount,
        joined: f.joined,
        checkedIn: f.checkedIn,
        cards: f.cards,
        joinCode: control ? f.joinCode : null,
      })),
      checkInCode: control ? w.checkInCode : null,
      version: w.version,
    };
  }

  async create(user: CurrentUser, input: WorkshopCreate): Promise<Workshop> {
    if (!facilitates(user, input.zoneId)) throw forbidden('Seuls les animateurs de la zone organisent ses ateliers');
    const id = await this.ctx.db.transaction(async (tx) => {
      if (input.eventId) await this.checkEvent(tx, input.zoneId, input.eventId);
      const now = this.ctx.now();
      const id = await repo.insertWorkshop(tx, { ...input, checkInCode: shortCode(), createdBy: user.id, now });
      await this.addFirms(tx, { id, zoneId: input.zoneId, eventId: input.eventId }, input.organisationIds);
      return id;
    });
    return this.get(user, id);
  }

  async update(user: CurrentUser, id: string, input: WorkshopUpdate): Promise<Workshop> {
    await this.ctx.db.transaction(async (tx) => {
      const access = await accessWorkshop(tx, user, id, true);
      requireControl(access);
      const { version, ...values } = input;
      if (values.eventId) {
        await this.checkEvent(tx, access.workshop.zoneId, values.eventId);
        const organisationIds = (await repo.firmsOf(tx, id)).map((f) => f.organisationId);
        const event = await meetingRepo.findEvent(tx, values.eventId, true);
        if (event!.status !== 'published') await repo.addEventParticipants(tx, values.eventId, organisationIds);
      }
      if (!(await repo.updateWorkshop(tx, id, version, values, this.ctx.now()))) throw versionConflict();
      await announce(tx, id, { type: 'workshop.changed', workshopId: id, what: 'setup', at: this.ctx.now().toISOString() });
    });
    return this.get(user, id);
  }

  /** Invites firms of the zone; each gets its own join code. The linked event's participants follow. */
  async invite(user: CurrentUser, id: string, organisationIds: string[]): Promise<Workshop> {
    await this.ctx.db.transaction(async (tx) => {
      const access = await accessWorkshop(tx, user, id, true);
      requireControl(access);
      const added = await this.addFirms(tx, access.workshop, organisationIds);
      if (added.length) await announce(tx, id, { type: 'workshop.changed', workshopId: id, what: 'firms', at: this.ctx.now().toISOString() });
    });
    return this.get(user, id);
  }

  private async addFirms(tx: Transaction, workshop: { id: string; zoneId: string; eventId: string | null }, organisationIds: string[]) {
    const unique = [...new Set(organisationIds)];
    const found = new Set((await repo.zoneOrganisations(tx, workshop.zoneId, unique)).map((o) => o.id));
    const errors = unique.flatMap((orgId, i) =>
      found.has(orgId) ? [] : [{ path: `body.organisationIds.${i}`, message: "Cette entreprise n'est pas dans la zone", code: 'unknown_organisation' }],
    );
    if (errors.length) throw unprocessable('unknown_organisation', 'Certaines entreprises ne sont pas des entreprises de la zone.', errors);
    const added = await repo.inviteFirms(
      tx,
      workshop.id,
      unique.map((organisationId) => ({ organisationId, joinCode: shortCode() })),
      this.ctx.now(),
    );
    if (workshop.eventId && added.length) {
      const event = await meetingRepo.findEvent(tx, workshop.eventId, true);
      if (event && event.status !== 'published') {
        await repo.addEventParticipants(tx, workshop.eventId, added);
        await meetingRepo.setEventState(tx, workshop.eventId, { newRevision: true }, this.ctx.now());
      }
    }
    return added;
  }

  /** A new code for a firm (the old one no longer works, the firm may join again). */
  async renewJoinCode(user: CurrentUser, id: string, organisationId: string): Promise<Workshop> {
    await this.ctx.db.transaction(async (tx) => {
      requireControl(await accessWorkshop(tx, user, id, true));
      if (!(await repo.renewJoinCode(tx, id, organisationId, shortCode()))) throw notFound('Entreprise invitée');
    });
    return this.get(user, id);
  }

  private async checkEvent(tx: Transaction, zoneId: string, eventId: string) {
    const event = await meetingRepo.findEvent(tx, eventId);
    if (!event || event.zoneId !== zoneId) {
      throw unprocessable('unknown_event', "Cet événement de rendez-vous n'existe pas dans la zone.", [
        { path: 'body.eventId', message: 'Événement inconnu dans la zone', code: 'unknown_event' },
      ]);
    }
  }

  /**
   * The explicit phase change: checked against the version the facilitator saw, announced to the
   * room, and the linked event's requests open or close with it.
   */
  async setPhase(user: CurrentUser, id: string, phase: WorkshopPhase, version: number): Promise<Workshop> {
    await this.ctx.db.transaction(async (tx) => {
      const access = await accessWorkshop(tx, user, id, true);
      requireControl(access);
      const { workshop } = access;
      if (workshop.version !== version) throw versionConflict();
      const event = workshop.eventId ? await meetingRepo.findEvent(tx, workshop.eventId, true) : undefined;
      const issue = phaseIssue(workshop.phase, phase, event ?? null);
      if (issue) throw conflict(issue.code, issue.message);
      const now = this.ctx.now();
      if (!(await repo.updateWorkshop(tx, id, version, { phase }, now))) throw versionConflict();
      const status = event ? eventStatusFor(workshop.phase, phase, event.status) : null;
      if (event && status) await meetingRepo.setEventState(tx, event.id, { status }, now);
      await announce(tx, id, {
        type: 'workshop.phase_changed',
        workshopId: id,
        phase,
        previous: workshop.phase,
        requestsOpen: phase === 'requests',
        at: now.toISOString(),
      });
    });
    return this.get(user, id);
  }

  async setTimer(user: CurrentUser, id: string, input: { label: string; minutes: number | null; version: number }): Promise<Workshop> {
    await this.ctx.db.transaction(async (tx) => {
      requireControl(await accessWorkshop(tx, user, id, true));
      const now = this.ctx.now();
      const endsAt = input.minutes === null ? null : new Date(now.getTime() + input.minutes * 60_000);
      if (!(await repo.updateWorkshop(tx, id, input.version, { timerLabel: endsAt ? input.label : null, timerEndsAt: endsAt }, now))) throw versionConflict();
      await announce(tx, id, { type: 'workshop.timer', workshopId: id, label: input.label, endsAt: endsAt?.toISOString() ?? null, at: now.toISOString() });
    });
    return this.get(user, id);
  }

  async joinInfo(code: string) {
    const found = await repo.findByJoinCode(this.ctx.db, normalCode(code));
    if (!found) throw notFound("Code d'invitation");
    return {
      workshopId: found.workshopId,
      workshopName: found.workshopName,
      date: found.date,
      place: found.place,
      organisationName: found.organisationName,
      used: found.joinedAt !== null,
    };
  }

  /**
   * A firm joins with its code, once. A signed-in member of that firm simply joins; someone without
   * an account gives a name and an email and becomes a member of the firm, signed in on this phone.
   */
  async join(user: CurrentUser | null, input: { code: string; displayName?: string; email?: string }) {
    const code = normalCode(input.code);
    const found = await repo.findByJoinCode(this.ctx.db, code);
    if (!found) throw notFound("Code d'invitation");
    if (user && user.organisationId === found.organisationId) {
      await this.ctx.db.transaction(async (tx) => {
        await repo.markJoined(tx, found.workshopId, found.organisationId, this.ctx.now());
        await announce(tx, found.workshopId, { type: 'workshop.changed', workshopId: found.workshopId, what: 'firms', at: this.ctx.now().toISOString() });
      });
      return { workshopId: found.workshopId, organisationId: found.organisationId, session: null };
    }
    if (user) throw forbidden('Ce code invite une autre entreprise que la vôtre');
    if (!input.displayName || !input.email) {
      throw unprocessable('identity_required', 'Indiquez votre nom et votre adresse e-mail pour rejoindre l’atelier.', [
        ...(input.displayName ? [] : [{ path: 'body.displayName', message: 'Nom requis' }]),
        ...(input.email ? [] : [{ path: 'body.email', message: 'Adresse e-mail requise' }]),
      ]);
    }
    const userId = await this.ctx.db.transaction(async (tx) => {
      if (!(await repo.consumeJoinCode(tx, code, this.ctx.now())))
        throw conflict('join_code_used', "Ce code a déjà servi : demandez-en un nouveau à l'animatrice ou connectez-vous.");
      const sql = rawSql(tx);
      if (await authRepo.findUserByEmail(sql, input.email!.toLowerCase()))
        throw conflict('email_taken', 'Un compte existe déjà avec cette adresse : connectez-vous.');
      const id = await authRepo.insertUser(sql, {
        email: input.email!.toLowerCase(),
        displayName: input.displayName!,
        role: 'member',
        locale: 'fr',
        organisationId: found.organisationId,
        passwordHash: null,
      });
      await announce(tx, found.workshopId, { type: 'workshop.changed', workshopId: found.workshopId, what: 'firms', at: this.ctx.now().toISOString() });
      return id;
    });
    return { workshopId: found.workshopId, organisationId: found.organisationId, session: await this.auth.sessionFor(userId) };
  }
}

export function timerOf(w: repo.WorkshopRow) {
  return w.timerEndsAt ? { label: w.timerLabel ?? '', endsAt: w.timerEndsAt.toISOString() } : null;
}

/** Codes are read aloud and typed: case and spacing do not matter. */
export function normalCode(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}
