import type { AppContext } from '../../context';
import { enqueueEmail } from '../../infra/mail';
import type { RawSql } from '../../infra/db';
import { mailbox, renderInvitation, type CalendarEntry } from './ics';
import * as repo from './repository';

type Sql = RawSql;

export const BOOKING_TIME_ZONE = 'Europe/Paris';

type Locale = 'fr' | 'en';
const TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const when = (start: string | Date, end: string | Date, locale: Locale) => {
  const s = new Date(start);
  const e = new Date(end);
  const day = new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'full', timeZone: BOOKING_TIME_ZONE }).format(s);
  const hour = (d: Date) => new Intl.DateTimeFormat(TAG[locale], { timeStyle: 'short', timeZone: BOOKING_TIME_ZONE }).format(d);
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

/** The booking emails' words, in the reader's language (their account's). */
const WORDS = {
  fr: {
    subjects: {
      proposed: 'Proposition de rendez-vous',
      countered: 'Nouveaux créneaux proposés',
      accepted: 'Rendez-vous confirmé',
      declined: 'Rendez-vous décliné',
      rescheduled: 'Rendez-vous déplacé',
      cancelled: 'Rendez-vous annulé',
      expired: 'Proposition de rendez-vous expirée',
      reminder: 'Rappel : rendez-vous demain',
    } satisfies Record<Notice, string>,
    hello: (name: string) => `Bonjour ${name},`,
    between: (what: string, a: string, b: string, subject: string) => `${what} entre ${a} et ${b} : « ${subject} ».`,
    when: 'Quand : ',
    where: 'Où : ',
    option: (i: number) => `Créneau ${i} : `,
    reason: 'Motif : ',
    attendees: 'Représentants : ',
    expired: "La proposition n'a pas reçu de réponse dans le délai : vous pouvez en faire une nouvelle.",
    open: (link: string) => `Voir le rendez-vous : ${link}`,
    signature: "— L'équipe Synergies",
  },
  en: {
    subjects: {
      proposed: 'Meeting proposal',
      countered: 'New times proposed',
      accepted: 'Meeting confirmed',
      declined: 'Meeting declined',
      rescheduled: 'Meeting moved',
      cancelled: 'Meeting cancelled',
      expired: 'Meeting proposal expired',
      reminder: 'Reminder: meeting tomorrow',
    } satisfies Record<Notice, string>,
    hello: (name: string) => `Hello ${name},`,
    between: (what: string, a: string, b: string, subject: string) => `${what} between ${a} and ${b}: “${subject}”.`,
    when: 'When: ',
    where: 'Where: ',
    option: (i: number) => `Option ${i}: `,
    reason: 'Reason: ',
    attendees: 'Representatives: ',
    expired: 'The proposal got no answer in time: you may make a new one.',
    open: (link: string) => `See the meeting: ${link}`,
    signature: '— The Synergies team',
  },
} as const;

/** What a step adds to its email: the times proposed, the message, the reason, an expiry. */
export interface NoticeDetails {
  options?: { start: Date; end: Date }[];
  message?: string | null;
  reason?: string | null;
  expired?: boolean;
  attendees?: { name: string; email: string }[];
}

function detailLines(d: NoticeDetails, locale: Locale): string[] {
  const w = WORDS[locale];
  const lines: string[] = [];
  if (d.options?.length) lines.push('', ...d.options.map((o, i) => `${w.option(i + 1)}${when(o.start, o.end, locale)}`));
  if (d.message) lines.push('', d.message);
  if (d.reason) lines.push('', `${w.reason}${d.reason}`);
  if (d.attendees?.length) lines.push('', `${w.attendees}${d.attendees.map((a) => a.name).join(', ')}`);
  if (d.expired) lines.push('', w.expired);
  return lines;
}

/**
 * Emails the members of `to` about a step of the booking, in the caller's transaction.
 * Confirmations, moves and cancellations carry the ICS invitation (REQUEST or CANCEL).
 */
export async function notify(ctx: AppContext, tx: Sql, b: BookingContext, notice: Notice, to: string[], details: NoticeDetails = {}): Promise<void> {
  const { booking, names } = b;
  const members = await repo.membersOf(tx, to);
  const link = `${ctx.config.publicUrl}/rdv/${booking.id}`;
  const withIcs = notice === 'accepted' || notice === 'rescheduled' || (notice === 'cancelled' && booking.starts_at !== null);
  const ics = withIcs ? renderInvitation(calendarEntry(ctx, b, details.attendees ?? []), mailbox(ctx.config.MAIL_FROM), ctx.now()) : null;
  for (const m of members) {
    const w = WORDS[m.locale];
    const time = booking.starts_at && booking.ends_at ? [`${w.when}${when(booking.starts_at, booking.ends_at, m.locale)}`, `${w.where}${b.location}`] : [];
    const what = w.subjects[notice];
    await enqueueEmail(tx, ctx.jobs, {
      to: m.email,
      subject: `${what} — ${booking.subject}`,
      text: [
        w.hello(m.display_name),
        '',
        w.between(what, names.get(booking.proposer_id) ?? '', names.get(booking.recipient_id) ?? '', booking.subject),
        ...time,
        ...detailLines(details, m.locale),
        '',
        w.open(link),
        '',
        w.signature,
        '',
      ].join('\n'),
      ...(ics
        ? {
            attachments: [
              {
                filename: 'rendez-vous.ics',
                contentType: `text/calendar; charset=utf-8; method=${notice === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
                content: ics,
              },
            ],
          }
        : {}),
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
