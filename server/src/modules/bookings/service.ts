import type { Booking, BookingAnswer, BookingCreate, CurrentUser, TimeOption } from '@synergies/shared';
import type { z } from 'zod';
import type { BookingOutcomeInput, BookingReschedule } from '@synergies/shared';
import { DEFAULT_WEEKLY, type FirmAvailability, type Interval } from '../../core/availability';
import { zonedToUtc } from '../../core/scheduler/outputs/times';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import { QUEUES, jobsExecutor } from '../../infra/jobs';
import { actsForFirm, canSeeBooking, facilitates, isBookingParty } from '@synergies/shared';
import type { SynergyService } from '../synergies/service';
import { BOOKING_TIME_ZONE, loadContext, notify, type BookingContext } from './notices';
import * as repo from './repository';
import { checkOptions, expiryOf, nextSynergyStatus, subjectKey } from './rules';
import type { RawSql } from '../../infra/db';

const iso = (t: string | Date) => new Date(t).toISOString();
const isoOrNull = (t: string | Date | null) => (t === null ? null : iso(t));

const doubleBooked = () => conflict('double_booked', 'Un des représentants a déjà un rendez-vous à ce moment : choisissez un autre créneau.');

/**
 * Meetings one member firm books with another: proposal, counter-proposals, answer, then the
 * calendar entry's life (reschedule, cancellation) and the follow-up.
 */
export class BookingService {
  constructor(
    private readonly ctx: AppContext,
    private readonly synergies: SynergyService,
  ) {}

  private get sql() {
    return this.ctx.db.$client;
  }

  /** The booking as `user` may see it; others get a 404 so that bookings stay unknown. */
  private async visible(user: CurrentUser, id: string): Promise<repo.BookingRow> {
    const b = await repo.findBooking(this.sql, id);
    if (!b) throw notFound('Rendez-vous');
    const ref = { zoneId: b.zone_id, proposerId: b.proposer_id, recipientId: b.recipient_id };
    const organiser =
      !isBookingParty(user, ref) && !facilitates(user, b.zone_id) && (await repo.organisesAnyOf(this.sql, user.id, [b.proposer_id, b.recipient_id]));
    if (!canSeeBooking(user, ref, organiser)) throw notFound('Rendez-vous');
    return b;
  }

  private requireParty(user: CurrentUser, b: repo.BookingRow): string {
    const firm = user.organisationId;
    if (!firm || !actsForFirm(user, firm) || !isBookingParty(user, { proposerId: b.proposer_id, recipientId: b.recipient_id })) {
      throw forbidden('Seules les deux entreprises du rendez-vous agissent sur lui');
    }
    return firm;
  }

  /** The person the acting firm sends: the caller unless they name another active member of the firm. */
  private async representative(user: CurrentUser, firm: string, chosen: string | undefined): Promise<string> {
    if (chosen === undefined || chosen === user.id) return user.id;
    if (!(await repo.isActiveMember(this.sql, chosen, firm)))
      throw unprocessable('invalid_representative', 'Le représentant doit être un membre actif de votre entreprise.', [
        { path: 'body.representativeId', message: 'Membre inconnu de votre entreprise' },
      ]);
    return chosen;
  }

  async availabilities(sql: RawSql, ids: string[]): Promise<Map<string, FirmAvailability & { version: number; custom: boolean }>> {
    const rows = new Map((await repo.availabilityOf(sql, ids)).map((r) => [r.organisation_id, r]));
    return new Map(
      ids.map((id) => {
        const r = rows.get(id);
        return [
          id,
          r
            ? { weekly: r.weekly, unavailableDays: r.unavailable_days, version: r.version, custom: true }
            : { weekly: DEFAULT_WEEKLY, unavailableDays: [], version: 0, custom: false },
        ];
      }),
    );
  }

  private async firmsOf(sql: RawSql, b: { proposer_id: string; recipient_id: string }) {
    const orgs = await repo.organisations(sql, [b.proposer_id, b.recipient_id]);
    const availability = await this.availabilities(sql, [b.proposer_id, b.recipient_id]);
    return orgs.map((o) => ({ id: o.id, name: o.name, availability: availability.get(o.id)! }));
  }

  // Proposing --------------------------------------------------------------------------------------

  async propose(user: CurrentUser, input: BookingCreate): Promise<Booking> {
    const proposerId = user.organisationId;
    if (user.role !== 'member' || !proposerId) throw forbidden("Seuls les membres d'une entreprise proposent des rendez-vous");
    if (input.recipientId === proposerId)
      throw unprocessable('invalid_recipient', 'Proposez le rendez-vous à une autre entreprise.', [
        { path: 'body.recipientId', message: 'Autre entreprise attendue' },
      ]);
    const orgs = await repo.organisations(this.sql, [proposerId, input.recipientId]);
    const mine = orgs.find((o) => o.id === proposerId);
    const other = orgs.find((o) => o.id === input.recipientId);
    if (!mine || !other || other.archived || other.zone_id !== mine.zone_id) {
      throw unprocessable('invalid_recipient', "Cette entreprise n'est pas une entreprise de votre zone.", [
        { path: 'body.recipientId', message: 'Entreprise inconnue' },
      ]);
    }
    const pair = [proposerId, input.recipientId];
    const synergies = await repo.synergies(this.sql, input.synergyIds);
    if (synergies.length !== new Set(input.synergyIds).size || synergies.some((s) => !pair.every((id) => s.organisation_ids.includes(id)))) {
      throw unprocessable('invalid_subject', 'Chaque piste de synergie choisie doit concerner les deux entreprises.', [
        { path: 'body.synergyIds', message: 'Piste inconnue' },
      ]);
    }
    const fiches = await repo.declarations(this.sql, input.declarationIds);
    if (fiches.length !== new Set(input.declarationIds).size || fiches.some((d) => !pair.includes(d.organisation_id))) {
      throw unprocessable('invalid_subject', "Chaque fiche choisie doit appartenir à l'une des deux entreprises.", [
        { path: 'body.declarationIds', message: 'Fiche inconnue' },
      ]);
    }
    if (input.place === 'association') {
      const a = await repo.association(this.sql, input.associationId!);
      if (!a || !pair.every((id) => a.member_ids.includes(id))) {
        throw unprocessable('not_association_members', "Les deux entreprises doivent être membres de l'association choisie.", [
          { path: 'body.associationId', message: 'Association commune requise' },
        ]);
      }
    }
    const representativeId = await this.representative(user, proposerId, input.representativeId);
    const now = this.ctx.now();
    const firms = await this.firmsOf(this.sql, { proposer_id: proposerId, recipient_id: input.recipientId });
    const options = checkOptions(input.options, 'body.options', now, firms, BOOKING_TIME_ZONE);
    const key = subjectKey(input.synergyIds, input.declarationIds, input.subject);
    let id: string;
    try {
      id = await this.sql.begin(async (tx) => {
        const b = await repo.insertBooking(tx, {
          zone_id: mine.zone_id,
          proposer_id: proposerId,
          recipient_id: input.recipientId,
          subject_key: key,
          subject: input.subject,
          synergy_ids: [...new Set(input.synergyIds)],
          declaration_ids: [...new Set(input.declarationIds)],
          from_suggestion: synergies.some((s) => s.origin === 'engine'),
          place: input.place,
          video_url: input.place === 'video' ? input.videoUrl! : null,
          association_id: input.place === 'association' ? input.associationId! : null,
          awaiting_id: input.recipientId,
          expires_at: expiryOf(options, now),
          created_by: user.id,
          created_at: now,
        });
        await repo.insertOptions(tx, b.id, 1, proposerId, options);
        await repo.insertMessage(tx, {
          bookingId: b.id,
          kind: 'proposed',
          authorId: user.id,
          organisationId: proposerId,
          body: input.message ?? '',
          round: 1,
          representativeId,
          at: now,
        });
        const context = await loadContext(tx, b);
        const sender = await this.sender(tx, context, proposerId, representativeId);
        await notify(this.ctx, tx, context, 'proposed', [input.recipientId], { options, message: input.message, sender });
        return b.id;
      });
    } catch (error) {
      if (repo.isViolation(error, repo.OPEN_SUBJECT_CONSTRAINT)) {
        const existing = await repo.findOpenBooking(this.sql, proposerId, input.recipientId, key);
        throw conflict('proposal_already_open', 'Une proposition de rendez-vous sur ce sujet attend déjà une réponse entre vos deux entreprises.', existing);
      }
      throw error;
    }
    return this.get(user, id);
  }

  // Answering --------------------------------------------------------------------------------------

  async answer(user: CurrentUser, id: string, input: BookingAnswer): Promise<Booking> {
    const b = await this.visible(user, id);
    const firm = this.requireParty(user, b);
    const now = this.ctx.now();
    if (b.status !== 'proposed') throw conflict('booking_closed', "Cette proposition n'attend plus de réponse.");
    if (b.expires_at && new Date(b.expires_at) <= now) throw conflict('proposal_expired', 'Cette proposition a expiré sans réponse.');
    if (b.awaiting_id !== firm) throw forbidden("C'est à l'autre entreprise de répondre");
    if (b.version !== input.version) throw versionConflict();
    const other = firm === b.proposer_id ? b.recipient_id : b.proposer_id;
    if (input.action === 'accept') await this.accept(user, b, firm, other, input.optionId, now, input.representativeId);
    else if (input.action === 'counter') await this.counter(user, b, firm, other, input.options, input.message, now, input.representativeId);
    else {
      await this.sql.begin(async (tx) => {
        const updated = await repo.updateBooking(
          tx,
          id,
          input.version,
          { status: 'declined', awaiting_id: null, decline_reason: input.reason ?? null, answered_at: now },
          now,
        );
        if (!updated) throw versionConflict();
        await repo.insertMessage(tx, { bookingId: id, kind: 'declined', authorId: user.id, organisationId: firm, body: input.reason ?? '', at: now });
        await notify(this.ctx, tx, await loadContext(tx, updated), 'declined', [other], { reason: input.reason });
      });
    }
    return this.get(user, id);
  }

  private async accept(user: CurrentUser, b: repo.BookingRow, firm: string, other: string, optionId: string, now: Date, chosen?: string) {
    const options = await repo.optionsOf(this.sql, b.id);
    const round = Math.max(...options.map((o) => o.round));
    const option = options.find((o) => o.id === optionId && o.round === round);
    if (!option)
      throw unprocessable('unknown_option', 'Ce créneau ne fait pas partie de la dernière proposition.', [
        { path: 'body.optionId', message: 'Créneau inconnu' },
      ]);
    const slot = { start: new Date(option.starts_at), end: new Date(option.ends_at) };
    if (slot.start <= now) throw unprocessable('option_in_past', 'Ce créneau est déjà passé.', [{ path: 'body.optionId', message: 'Créneau passé' }]);
    const myRep = await this.representative(user, firm, chosen);
    await this.assertNoEventMeeting([b.proposer_id, b.recipient_id], slot);
    const otherRep = await this.namedBy(b, other);
    try {
      await this.sql.begin(async (tx) => {
        const updated = await repo.updateBooking(
          tx,
          b.id,
          b.version,
          { status: 'accepted', awaiting_id: null, expires_at: null, starts_at: slot.start, ends_at: slot.end, answered_at: now },
          now,
        );
        if (!updated) throw versionConflict();
        await repo.insertAttendees(
          tx,
          b.id,
          [
            { organisationId: firm, userId: myRep },
            { organisationId: other, userId: otherRep },
          ],
          slot.start,
          slot.end,
        );
        await repo.insertMessage(tx, { bookingId: b.id, kind: 'accepted', authorId: user.id, organisationId: firm, round, representativeId: myRep, at: now });
        await this.confirm(tx, updated, 'accepted', now);
      });
    } catch (error) {
      if (repo.isViolation(error, repo.NO_OVERLAP_CONSTRAINT)) throw doubleBooked();
      throw error;
    }
  }

  /**
   * The other side attends through the representative named with the proposal being accepted;
   * if that person has left the firm since, through the member who made the proposal.
   */
  /** The proposing firm and the person it sends, in words for the other firm's email. */
  private async sender(sql: RawSql, context: BookingContext, firm: string, representativeId: string) {
    const person = (await repo.membersOf(sql, [firm])).find((m) => m.id === representativeId);
    return person ? { firm: context.names.get(firm) ?? '', name: person.display_name } : undefined;
  }

  private async namedBy(b: repo.BookingRow, firm: string): Promise<string> {
    const named = (await repo.namedRepresentatives(this.sql, b.id)).find((r) => r.organisation_id === firm);
    if (!named) return b.created_by!;
    if (named.author_id && named.author_id !== named.user_id && !(await repo.isActiveMember(this.sql, named.user_id, firm))) return named.author_id;
    return named.user_id;
  }

  /** Event meetings (published schedules) also fill a firm's day. */
  private async assertNoEventMeeting(firms: string[], slot: Interval) {
    const day = slot.start.toISOString().slice(0, 10);
    const before = new Date(slot.start.getTime() - 86400_000).toISOString().slice(0, 10);
    const rows = await repo.eventMeetingsOf(this.sql, firms, before, day);
    const clash = rows.some((m) => {
      if (m.status === 'cancelled') return false;
      const start = zonedToUtc(m.date, m.slot_start, m.time_zone);
      return start < slot.end.getTime() && slot.start.getTime() < start + m.duration_minutes * 60_000;
    });
    if (clash) throw conflict('double_booked', "Une des entreprises a un rendez-vous d'affaires d'un événement à ce moment : choisissez un autre créneau.");
  }

  private async counter(
    user: CurrentUser,
    b: repo.BookingRow,
    firm: string,
    other: string,
    input: TimeOption[],
    message: string | undefined,
    now: Date,
    chosen?: string,
  ) {
    const representativeId = await this.representative(user, firm, chosen);
    const options = checkOptions(input, 'body.options', now, await this.firmsOf(this.sql, b), BOOKING_TIME_ZONE);
    const round = (await repo.lastRound(this.sql, b.id)) + 1;
    await this.sql.begin(async (tx) => {
      const updated = await repo.updateBooking(tx, b.id, b.version, { awaiting_id: other, expires_at: expiryOf(options, now) }, now);
      if (!updated) throw versionConflict();
      await repo.insertOptions(tx, b.id, round, firm, options);
      await repo.insertMessage(tx, {
        bookingId: b.id,
        kind: 'countered',
        authorId: user.id,
        organisationId: firm,
        body: message ?? '',
        round,
        representativeId,
        at: now,
      });
      const context = await loadContext(tx, updated);
      await notify(this.ctx, tx, context, 'countered', [other], { options, message, sender: await this.sender(tx, context, firm, representativeId) });
    });
  }

  /** Confirmation (or move) for both firms with the ICS, and the reminder of the day before. */
  private async confirm(tx: RawSql, b: repo.BookingRow, notice: 'accepted' | 'rescheduled', now: Date) {
    const attendees = await repo.attendeesOf(tx, [b.id]);
    await notify(this.ctx, tx, await loadContext(tx, b), notice, [b.proposer_id, b.recipient_id], {
      attendees: attendees.map((a) => ({ name: a.user_name, email: a.user_email })),
    });
    const remindAt = new Date(new Date(b.starts_at!).getTime() - 24 * 3600_000);
    if (remindAt > now) {
      await this.ctx.jobs.send(QUEUES.bookingReminder, { bookingId: b.id, startsAt: iso(b.starts_at!) }, { startAfter: remindAt, db: jobsExecutor(tx) });
    }
  }

  // The calendar entry's life ----------------------------------------------------------------------

  async reschedule(user: CurrentUser, id: string, input: z.infer<typeof BookingReschedule>): Promise<Booking> {
    const b = await this.visible(user, id);
    const firm = this.requireParty(user, b);
    if (b.status !== 'accepted') throw conflict('not_accepted', 'Seul un rendez-vous confirmé se déplace.');
    const now = this.ctx.now();
    if (new Date(b.starts_at!) <= now) throw conflict('meeting_started', 'Ce rendez-vous a déjà commencé.');
    if (b.version !== input.version) throw versionConflict();
    const [slot] = checkOptions([input.option], 'body.option', now, await this.firmsOf(this.sql, b), BOOKING_TIME_ZONE) as [Interval];
    await this.assertNoEventMeeting([b.proposer_id, b.recipient_id], slot);
    try {
      await this.sql.begin(async (tx) => {
        const updated = await repo.updateBooking(tx, id, input.version, { starts_at: slot.start, ends_at: slot.end, bumpSequence: true }, now);
        if (!updated) throw versionConflict();
        await repo.moveAttendees(tx, id, slot.start, slot.end);
        await repo.insertMessage(tx, { bookingId: id, kind: 'rescheduled', authorId: user.id, organisationId: firm, body: input.message ?? '', at: now });
        await this.confirm(tx, updated, 'rescheduled', now);
      });
    } catch (error) {
      if (repo.isViolation(error, repo.NO_OVERLAP_CONSTRAINT)) throw doubleBooked();
      throw error;
    }
    return this.get(user, id);
  }

  /** Withdraws a proposal, or cancels a confirmed meeting (its calendar entry gets METHOD:CANCEL). */
  async cancel(user: CurrentUser, id: string, input: { reason?: string | undefined; version: number }): Promise<Booking> {
    const b = await this.visible(user, id);
    const firm = this.requireParty(user, b);
    if (b.status !== 'accepted' && !(b.status === 'proposed' && firm === b.proposer_id)) {
      throw conflict('booking_closed', b.status === 'proposed' ? "Déclinez la proposition plutôt que de l'annuler." : 'Ce rendez-vous est déjà clos.');
    }
    if (b.version !== input.version) throw versionConflict();
    const now = this.ctx.now();
    const wasAccepted = b.status === 'accepted';
    await this.sql.begin(async (tx) => {
      const attendees = wasAccepted ? await repo.attendeesOf(tx, [id]) : [];
      const updated = await repo.updateBooking(
        tx,
        id,
        input.version,
        { status: 'cancelled', awaiting_id: null, expires_at: null, bumpSequence: wasAccepted },
        now,
      );
      if (!updated) throw versionConflict();
      await repo.deleteAttendees(tx, id);
      await repo.insertMessage(tx, { bookingId: id, kind: 'cancelled', authorId: user.id, organisationId: firm, body: input.reason ?? '', at: now });
      const other = firm === b.proposer_id ? b.recipient_id : b.proposer_id;
      await notify(this.ctx, tx, await loadContext(tx, updated), 'cancelled', wasAccepted ? [b.proposer_id, b.recipient_id] : [other], {
        reason: input.reason,
        attendees: attendees.map((a) => ({ name: a.user_name, email: a.user_email })),
      });
    });
    return this.get(user, id);
  }

  /** After the meeting each firm says how it went; linked synergies move on when both ask. */
  async recordOutcome(user: CurrentUser, id: string, input: z.infer<typeof BookingOutcomeInput>): Promise<Booking> {
    const b = await this.visible(user, id);
    const firm = this.requireParty(user, b);
    const now = this.ctx.now();
    if (b.status !== 'accepted') throw conflict('not_accepted', "Ce rendez-vous n'a pas eu lieu.");
    if (new Date(b.ends_at!) > now) throw conflict('meeting_not_over', 'Le compte rendu se saisit après le rendez-vous.');
    const before = await repo.attendeesOf(this.sql, [id]);
    const bothBefore = before.length === 2 && before.every((a) => a.advance && a.outcome === 'held');
    await this.sql.begin(async (tx) => {
      if (
        !(await repo.updateOutcome(tx, id, firm, input.version, {
          outcome: input.outcome,
          notes: input.notes,
          advance: input.outcome === 'held' && input.advance,
        }))
      )
        throw versionConflict();
      await repo.insertMessage(tx, { bookingId: id, kind: 'outcome', authorId: user.id, organisationId: firm, body: input.notes, at: now });
    });
    const after = await repo.attendeesOf(this.sql, [id]);
    if (!bothBefore && after.length === 2 && after.every((a) => a.advance && a.outcome === 'held')) {
      for (const s of await repo.synergies(this.sql, b.synergy_ids)) {
        const to = nextSynergyStatus(s.status);
        if (to) await this.synergies.move(user, s.id, { status: to, version: s.version });
      }
    }
    return this.get(user, id);
  }

  async postNote(user: CurrentUser, id: string, body: string): Promise<Booking> {
    const b = await this.visible(user, id);
    const firm = this.requireParty(user, b);
    await repo.insertMessage(this.sql, { bookingId: id, kind: 'note', authorId: user.id, organisationId: firm, body, at: this.ctx.now() });
    return this.get(user, id);
  }

  // Reading ----------------------------------------------------------------------------------------

  async get(user: CurrentUser, id: string): Promise<Booking> {
    const b = await this.visible(user, id);
    const [context, options, messages, attendees, synergies, fiches, named] = await Promise.all([
      loadContext(this.sql, b),
      repo.optionsOf(this.sql, id),
      repo.messagesOf(this.sql, id),
      repo.attendeesOf(this.sql, [id]),
      repo.synergies(this.sql, b.synergy_ids),
      repo.declarations(this.sql, b.declaration_ids),
      repo.namedRepresentatives(this.sql, id),
    ]);
    const association = b.association_id ? await repo.association(this.sql, b.association_id) : undefined;
    const round = Math.max(0, ...options.map((o) => o.round));
    return {
      ...this.summary(b, context.names),
      zoneId: b.zone_id,
      synergies: synergies.map((s) => ({ id: s.id, title: s.title, status: s.status })),
      declarations: fiches.map((d) => ({ id: d.id, title: d.title, kind: d.kind })),
      videoUrl: b.video_url,
      association: association ? { id: association.id, name: association.name, premises: association.premises } : null,
      location: context.location(user.locale),
      icsSequence: b.ics_sequence,
      declineReason: b.decline_reason,
      round,
      options: options
        .filter((o) => o.round === round)
        .map((o) => ({ id: o.id, round: o.round, proposedBy: o.proposed_by, startsAt: iso(o.starts_at), endsAt: iso(o.ends_at) })),
      messages: messages.map((m) => ({
        id: m.id,
        kind: m.kind as Booking['messages'][number]['kind'],
        authorName: m.author_name,
        organisationId: m.organisation_id,
        body: m.body,
        round: m.round,
        createdAt: iso(m.created_at),
      })),
      attendees: attendees.map((a) => ({
        organisationId: a.organisation_id,
        userName: a.user_name,
        outcome: a.outcome,
        notes: a.notes,
        advance: a.advance,
        version: a.version,
      })),
      // Once accepted, the attendees are the representatives; before, whoever each firm named last.
      representatives: (attendees.length ? attendees.map((a) => ({ organisation_id: a.organisation_id, user_id: a.user_id, name: a.user_name })) : named).map(
        (r) => ({ organisationId: r.organisation_id, userId: r.user_id, name: r.name }),
      ),
      updatedAt: iso(b.updated_at),
    };
  }

  private summary(b: repo.BookingRow, names: Map<string, string>) {
    return {
      id: b.id,
      status: b.status,
      subject: b.subject,
      proposer: { id: b.proposer_id, name: names.get(b.proposer_id) ?? '' },
      recipient: { id: b.recipient_id, name: names.get(b.recipient_id) ?? '' },
      awaitingId: b.awaiting_id,
      place: b.place,
      startsAt: isoOrNull(b.starts_at),
      endsAt: isoOrNull(b.ends_at),
      expiresAt: isoOrNull(b.expires_at),
      fromSuggestion: b.from_suggestion,
      version: b.version,
      createdAt: iso(b.created_at),
    };
  }

  /** Members: their firm's bookings. Facilitators: their zone's. Organisers: their members'. */
  async list(user: CurrentUser, q: { zoneId?: string | undefined; associationId?: string | undefined; status?: repo.BookingRow['status'] | undefined }) {
    let rows: repo.BookingRow[];
    if (q.associationId) {
      const a = await repo.association(this.sql, q.associationId);
      if (!a || !(facilitates(user, a.zone_id) || (await repo.organises(this.sql, user.id, a.id))))
        throw forbidden("Réservé aux organisateurs de l'association et aux animateurs");
      rows = await repo.bookingsOfScope(this.sql, { associationId: a.id }, q.status);
    } else if (q.zoneId) {
      if (!facilitates(user, q.zoneId)) throw forbidden('Réservé aux animateurs de la zone');
      rows = await repo.bookingsOfScope(this.sql, { zoneId: q.zoneId }, q.status);
    } else {
      if (!user.organisationId) return [];
      rows = await repo.bookingsOfFirm(this.sql, user.organisationId, q.status);
    }
    const names = new Map((await repo.organisations(this.sql, [...new Set(rows.flatMap((r) => [r.proposer_id, r.recipient_id]))])).map((o) => [o.id, o.name]));
    return rows.map((r) => this.summary(r, names));
  }
}

// Background work ------------------------------------------------------------------------------------

/** Closes the proposals past their time limit and tells both firms. Run by the sweep job (and tests). */
export async function expireBookings(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  return ctx.db.$client.begin(async (tx) => {
    const expired = await repo.expireDue(tx, now);
    for (const b of expired) {
      await repo.insertMessage(tx, { bookingId: b.id, kind: 'expired', authorId: null, organisationId: null, at: now });
      await notify(ctx, tx, await loadContext(tx, b), 'expired', [b.proposer_id, b.recipient_id], { expired: true });
    }
    return expired.length;
  });
}

/** The reminder of the day before; a moved or cancelled meeting makes an older reminder moot. */
export async function remindBooking(ctx: AppContext, data: { bookingId: string; startsAt: string }): Promise<boolean> {
  const b = await repo.findBooking(ctx.db.$client, data.bookingId);
  if (!b || b.status !== 'accepted' || iso(b.starts_at!) !== data.startsAt) return false;
  // A job run late (the server was down) or early says nothing useful: only the day before counts.
  const lead = new Date(b.starts_at!).getTime() - ctx.now().getTime();
  if (lead <= 0 || lead > 25 * 3600_000) return false;
  await ctx.db.$client.begin(async (tx) => {
    await notify(ctx, tx, await loadContext(tx, b), 'reminder', [b.proposer_id, b.recipient_id]);
  });
  return true;
}

export async function startBookingWorkers(ctx: AppContext): Promise<void> {
  await ctx.jobs.work(QUEUES.bookingSweep, async () => {
    await expireBookings(ctx);
  });
  await ctx.jobs.work<{ bookingId: string; startsAt: string }>(QUEUES.bookingReminder, async ([job]) => {
    if (job) await remindBooking(ctx, job.data);
  });
  await ctx.jobs.schedule(QUEUES.bookingSweep, '* * * * *');
}
