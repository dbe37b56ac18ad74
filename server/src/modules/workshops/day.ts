import type { Attendance, CurrentUser, RoomView, WorkshopSummary } from '@synergies/shared';
import QRCode from 'qrcode';
import type { AppContext } from '../../context';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../http/problem';
import { slotTimes } from '../../core/scheduler';
import { hashToken } from '../auth/secrets';
import type { MeetingServices } from '../meetings';
import * as meetingRepo from '../meetings/repository';
import * as schedules from '../meetings/schedule-repository';
import { scheduleLookup } from '../meetings/scheduling-event';
import { accessWorkshop, displayAccess, requireControl } from './access';
import { agendaChanges } from './agenda-changes';
import { announce } from './announce';
import { displaySecret } from './codes';
import * as repo from './repository';
import { timerOf } from './service';

/** The schedule going out, the day itself (check-in, no-shows), the room screen and the funder's figures. */
export class WorkshopDayService {
  constructor(
    private readonly ctx: AppContext,
    private readonly meetings: MeetingServices,
  ) {}

  private async linkedEvent(user: CurrentUser, id: string) {
    const access = await accessWorkshop(this.ctx.db, user, id);
    requireControl(access);
    if (!access.workshop.eventId) throw conflict('event_required', "Reliez d'abord un événement de rendez-vous d'affaires à l'atelier.");
    return { access, eventId: access.workshop.eventId };
  }

  /** Publishes the latest schedule: agendas by email with their ICS, and every phone shows its agenda at once. */
  async publish(user: CurrentUser, id: string, eventVersion: number) {
    const { eventId } = await this.linkedEvent(user, id);
    return this.meetings.schedules.publish(user, eventId, eventVersion, async (tx, scheduleVersion) => {
      await announce(tx, id, { type: 'workshop.schedule_published', workshopId: id, eventId, scheduleVersion, at: this.ctx.now().toISOString() });
    });
  }

  /**
   * A no-show or a late arrival: the existing repair reschedules the remaining rounds, and the
   * affected firms are told which of their meetings moved or were cancelled, in the same transaction.
   */
  async attendance(user: CurrentUser, id: string, input: Attendance) {
    const { eventId } = await this.linkedEvent(user, id);
    if (input.kind === 'late_arrival' && !input.arrivesAt)
      throw badRequest('arrival_required', "Indiquez l'heure d'arrivée.", [{ path: 'body.arrivesAt', message: 'Heure requise' }]);
    const change =
      input.kind === 'no_show'
        ? { kind: 'no_show' as const, organisationId: input.organisationId }
        : { kind: 'late_arrival' as const, organisationId: input.organisationId, arrivesAt: input.arrivesAt! };
    return this.meetings.dayOf.apply(user, eventId, change, async (tx, result) => {
      const before = (await schedules.findSchedule(tx, eventId, result.previousVersion))!;
      const after = (await schedules.findSchedule(tx, eventId, result.scheduleVersion))!;
      const firms = result.changed.map((organisationId) => ({ organisationId, changes: agendaChanges(before, after, organisationId) }));
      await announce(tx, id, {
        type: 'workshop.agenda_changed',
        workshopId: id,
        eventId,
        scheduleVersion: result.scheduleVersion,
        reason: input.kind,
        organisationId: input.organisationId,
        firms,
        at: this.ctx.now().toISOString(),
      });
    });
  }

  /** Participants scan the entrance QR (its code checks their firm in); facilitators check a firm in by hand. */
  async checkIn(user: CurrentUser, id: string, input: { code?: string; organisationId?: string }) {
    await this.ctx.db.transaction(async (tx) => {
      const access = await accessWorkshop(tx, user, id);
      let organisationId: string;
      if (access.role === 'control') {
        if (!input.organisationId)
          throw badRequest('organisation_required', 'Indiquez quelle entreprise arrive.', [{ path: 'body.organisationId', message: 'Entreprise requise' }]);
        if (!(await repo.isInvited(tx, id, input.organisationId)))
          throw unprocessable('not_invited', "Cette entreprise n'est pas invitée à l'atelier.", [
            { path: 'body.organisationId', message: 'Entreprise non invitée', code: 'not_invited' },
          ]);
        organisationId = input.organisationId;
      } else {
        if (!input.code || input.code.toUpperCase().replace(/[^A-Z0-9]/g, '') !== access.workshop.checkInCode.replace('-', '')) {
          throw unprocessable('invalid_check_in_code', "Ce code d'accueil ne correspond pas à l'atelier.", [
            { path: 'body.code', message: 'Code inconnu', code: 'invalid_check_in_code' },
          ]);
        }
        organisationId = access.organisationId!;
      }
      const now = this.ctx.now();
      if (await repo.checkIn(tx, id, organisationId, now)) {
        await announce(tx, id, { type: 'workshop.checked_in', workshopId: id, organisationId, counts: await repo.counts(tx, id), at: now.toISOString() });
      }
    });
    return { checkedIn: true };
  }

  async createDisplayToken(user: CurrentUser, id: string, label: string) {
    const access = await accessWorkshop(this.ctx.db, user, id);
    requireControl(access);
    const token = displaySecret();
    const row = await repo.insertDisplayToken(this.ctx.db, { workshopId: id, tokenHash: hashToken(token), label, createdBy: user.id, now: this.ctx.now() });
    return {
      id: row.id,
      label,
      createdAt: row.createdAt.toISOString(),
      revokedAt: null,
      token,
      url: `${this.ctx.config.publicUrl}/ateliers/${id}/ecran?token=${token}`,
    };
  }

  async displayTokens(user: CurrentUser, id: string) {
    requireControl(await accessWorkshop(this.ctx.db, user, id));
    return (await repo.displayTokensOf(this.ctx.db, id)).map((t) => ({
      id: t.id,
      label: t.label,
      createdAt: t.createdAt.toISOString(),
      revokedAt: t.revokedAt?.toISOString() ?? null,
    }));
  }

  /** A revoked token opens nothing any more: the room view refuses it and the hub no longer lets it subscribe. */
  async revokeDisplayToken(user: CurrentUser, id: string, tokenId: string) {
    await this.ctx.db.transaction(async (tx) => {
      requireControl(await accessWorkshop(tx, user, id));
      if (!(await repo.revokeDisplayToken(tx, id, tokenId, this.ctx.now()))) throw notFound("Jeton d'écran");
      await announce(tx, id, { type: 'workshop.display_revoked', workshopId: id, tokenId, at: this.ctx.now().toISOString() });
    });
  }

  /** The room screen's view: for a display token, or anyone who may see the workshop. */
  async room(user: CurrentUser | null, id: string, token: string | undefined): Promise<RoomView> {
    const workshop = token ? await displayAccess(this.ctx.db, id, token) : user ? (await accessWorkshop(this.ctx.db, user, id)).workshop : null;
    if (!workshop) throw forbidden("Ce lien d'écran n'est pas (ou plus) valable : demandez-en un nouveau à l'animatrice.");
    const now = this.ctx.now();
    const base = {
      workshopId: id,
      name: workshop.name,
      place: workshop.place,
      phase: workshop.phase,
      timer: timerOf(workshop),
      counts: await repo.counts(this.ctx.db, id),
      now: now.toISOString(),
    };
    const event = workshop.eventId ? await meetingRepo.findEvent(this.ctx.db, workshop.eventId) : undefined;
    if (!event?.publishedScheduleVersion) return { ...base, current: null, next: null, scheduleVersion: null };
    const schedule = (await schedules.findSchedule(this.ctx.db, event.id, event.publishedScheduleVersion))!;
    const lookup = scheduleLookup(schedule.event);
    const times = [...slotTimes(schedule.event).entries()].sort((a, b) => a[1].start.localeCompare(b[1].start));
    const round = (slotId: string) => {
      const t = lookup.timing(slotId);
      const meetings = schedule.meetings
        .filter((m) => m.slotId === slotId)
        .sort((a, b) => a.tableId.localeCompare(b.tableId, 'fr', { numeric: true }))
        .map((m) => ({ tableName: lookup.tableName(m.tableId), organisations: lookup.organisations(m.participants).map((o) => o.name) }));
      return { slotId, start: t.start, end: t.end, localStart: t.localStart, localEnd: t.localEnd, meetings };
    };
    const at = now.toISOString();
    const currentIndex = times.findIndex(([, t]) => t.start <= at && at < t.end);
    const nextIndex = times.findIndex(([, t]) => t.start > at);
    return {
      ...base,
      current: currentIndex >= 0 ? round(times[currentIndex]![0]) : null,
      next: nextIndex >= 0 ? round(times[nextIndex]![0]) : null,
      scheduleVersion: schedule.version,
    };
  }

  /** What a funder asks: firms and employees mobilised, cards, leads, meetings held, synergies started. */
  async summary(user: CurrentUser, id: string): Promise<WorkshopSummary> {
    const { workshop } = await accessWorkshop(this.ctx.db, user, id);
    const counts = await repo.counts(this.ctx.db, id);
    const meetings = workshop.eventId ? await repo.meetingFigures(this.ctx.db, workshop.eventId) : { scheduled: 0, held: 0, noShow: 0 };
    return {
      workshopId: id,
      name: workshop.name,
      date: workshop.date,
      firms: counts.firms,
      employees: counts.employees,
      cards: counts.cards,
      leads: counts.leads,
      validatedLeads: counts.validatedLeads,
      meetingsScheduled: meetings.scheduled,
      meetingsHeld: meetings.held,
      meetingsNoShow: meetings.noShow,
      synergiesStarted: await repo.startedSynergies(this.ctx.db, id),
    };
  }

  /** The entrance QR (facilitators and the room screen) or a firm's invitation QR (facilitators), as SVG. */
  async qr(user: CurrentUser | null, id: string, query: { target: 'check-in' | 'join'; organisationId?: string; token?: string }): Promise<string> {
    const base = this.ctx.config.publicUrl;
    if (query.target === 'check-in') {
      const workshop = query.token ? await displayAccess(this.ctx.db, id, query.token) : user ? (await accessWorkshop(this.ctx.db, user, id)).workshop : null;
      if (!workshop) throw forbidden("Ce lien d'écran n'est pas (ou plus) valable.");
      return QRCode.toString(`${base}/ateliers/${id}/arrivee?code=${workshop.checkInCode}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    }
    if (!user) throw forbidden();
    requireControl(await accessWorkshop(this.ctx.db, user, id));
    const firm = (await repo.firmsOf(this.ctx.db, id)).find((f) => f.organisationId === query.organisationId);
    if (!firm) throw notFound('Entreprise invitée');
    return QRCode.toString(`${base}/a/${firm.joinCode}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  }
}
