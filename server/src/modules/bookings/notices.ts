import type { AppContext } from '../../context';
import { enqueueEmail } from '../../infra/mail';
import type { RawSql } from '../../infra/db';
import { mailbox, renderInvitation, type CalendarEntry } from './ics';
import * as repo from './repository';

type Sql = RawSql;

export const BOOKING_TIME_ZONE = 'Europe/Paris';

const when = (start: string | Date, end: string | Date) => {
  const s = new Date(start);
  const e = new Date(end);
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: BOOKING_TIME_ZONE }).format(s);
  const hour = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: BOOKING_TIME_ZONE }).format(d);
  return `${day}, ${hour(s)}–${hour(e)}`;
};

export interface BookingContext {
  booking: repo.BookingRow;
  names: Map<string, string>;
  location: string;
}

/** The calendar entry of an accepted (or cancelled) booking: one UID for its whole life. */
export function calendarEntry(ctx: AppContext, b: BookingContext, attendees: { name: string; email: string }[]): CalendarEntry {
  const { booking } = b;
  const other = (id: string) => b.names.get(id) ?? '';
  return {
    uid: `booking-${booking.id}@synergies`,
    sequence: booking.ics_sequence,
    cancelled: booking.status === 'cancelled',
    start: new Date(booking.starts_at!),
    end: new Date(booking.ends_at!),
    title: `Rendez-vous ${other(booking.proposer_id)} – ${other(booking.recipient_id)}`,
    description: `${booking.subject}\n${ctx.config.publicUrl}/rdv/${booking.id}`,
    location: b.location,
    url: `${ctx.config.publicUrl}/rdv/${booking.id}`,
    attendees,
  };
}

type Notice = 'proposed' | 'countered' | 'accepted' | 'declined' | 'rescheduled' | 'cancelled' | 'expired' | 'reminder';

const SUBJECTS: Record<Notice, string> = {
  proposed: 'Proposition de rendez-vous',
  countered: 'Nouveaux créneaux proposés',
  accepted: 'Rendez-vous confirmé',
  declined: 'Rendez-vous décliné',
  rescheduled: 'Rendez-vous déplacé',
  cancelled: 'Rendez-vous annulé',
  expired: 'Proposition de rendez-vous expirée',
  reminder: 'Rappel : rendez-vous demain',
};

/**
 * Emails the members of `to` about a step of the booking, in the caller's transaction.
 * Confirmations, moves and cancellations carry the ICS invitation (REQUEST or CANCEL).
 */
export async function notify(
  ctx: AppContext,
  tx: Sql,
  b: BookingContext,
  notice: Notice,
  to: string[],
  extra: { lines?: string[]; attendees?: { name: string; email: string }[] } = {},
): Promise<void> {
  const { booking, names } = b;
  const members = await repo.membersOf(tx, to);
  const link = `${ctx.config.publicUrl}/rdv/${booking.id}`;
  const withIcs = notice === 'accepted' || notice === 'rescheduled' || (notice === 'cancelled' && booking.starts_at !== null);
  const ics = withIcs ? renderInvitation(calendarEntry(ctx, b, extra.attendees ?? []), mailbox(ctx.config.MAIL_FROM), ctx.now()) : null;
  const between = `${names.get(booking.proposer_id)} et ${names.get(booking.recipient_id)}`;
  const time = booking.starts_at && booking.ends_at ? [`Quand : ${when(booking.starts_at, booking.ends_at)}`, `Où : ${b.location}`] : [];
  for (const m of members) {
    await enqueueEmail(tx, ctx.jobs, {
      to: m.email,
      subject: `${SUBJECTS[notice]} — ${booking.subject}`,
      text: [`Bonjour ${m.display_name},`, '', `${SUBJECTS[notice]} entre ${between} : « ${booking.subject} ».`, ...time, ...(extra.lines ?? []), '', `Voir le rendez-vous : ${link}`, '', "— L'équipe Synergies", ''].join('\n'),
      ...(ics ? { attachments: [{ filename: 'rendez-vous.ics', contentType: `text/calendar; charset=utf-8; method=${notice === 'cancelled' ? 'CANCEL' : 'REQUEST'}`, content: ics }] } : {}),
    });
  }
}

/** Names and the place in words, for pages, emails and calendar entries. */
export async function loadContext(sql: Sql, b: repo.BookingRow): Promise<BookingContext> {
  const orgs = await repo.organisations(sql, [b.proposer_id, b.recipient_id]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const address = (id: string) => orgs.find((o) => o.id === id)?.address ?? '';
  let location: string;
  if (b.place === 'video') location = `Visioconférence : ${b.video_url}`;
  else if (b.place === 'association') {
    const a = b.association_id ? await repo.association(sql, b.association_id) : undefined;
    location = a ? [a.name, a.premises].filter(Boolean).join(', ') : 'Locaux de l’association';
  } else {
    const host = b.place === 'proposer_site' ? b.proposer_id : b.recipient_id;
    location = [`Chez ${names.get(host)}`, address(host)].filter(Boolean).join(', ');
  }
  return { booking: b, names, location };
}

export const optionLines = (options: { start: Date; end: Date }[]) => options.map((o, i) => `Créneau ${i + 1} : ${when(o.start, o.end)}`);
