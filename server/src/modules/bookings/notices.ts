import type { AppContext } from '../../context';
import { enqueueEmail } from '../../infra/mail';
import type { RawSql } from '../../infra/db';
import { mailbox, renderInvitation, type CalendarEntry } from './ics';
import * as repo from './repository';

export const BOOKING_TIME_ZONE = 'Europe/Paris';

export type Locale = 'fr' | 'en';
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
  /** The place in words, in the reader's language. */
  location: (locale: Locale) => string;
}

/** The calendar entry of an accepted (or cancelled) booking: one UID for its whole life. */
export function calendarEntry(ctx: AppContext, b: BookingContext, attendees: { name: string; email: string }[], locale: Locale): CalendarEntry {
  const { booking } = b;
  const other = (id: string) => b.names.get(id) ?? '';
  return {
    uid: `booking-${booking.id}@synergies`,
    sequence: booking.ics_sequence,
    cancelled: booking.status === 'cancelled',
    start: new Date(booking.starts_at!),
    end: new Date(booking.ends_at!),
    title: PLACE_WORDS[locale].meeting(`${other(booking.proposer_id)} – ${other(booking.recipient_id)}`),
    description: `${booking.subject}\n${ctx.config.publicUrl}/rdv/${booking.id}`,
    location: b.location(locale),
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
    sends: (firm: string, name: string) => `${firm} sera représentée par ${name}.`,
    expired: "La proposition n'a pas reçu de réponse dans le délai : vous pouvez en faire une nouvelle.",
    open: (link: string) => `Voir le rendez-vous : ${link}`,
    signature: "— L'équipe Synergies",
    icsFile: 'rendez-vous.ics',
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
    sends: (firm: string, name: string) => `${firm} will be represented by ${name}.`,
    expired: 'The proposal got no answer in time: you may make a new one.',
    open: (link: string) => `See the meeting: ${link}`,
    signature: '— The Synergies team',
    icsFile: 'meeting.ics',
  },
} as const;

/** What a step adds to its email: the times proposed, the message, the reason, an expiry. */
export interface NoticeDetails {
  options?: { start: Date; end: Date }[];
  message?: string | null;
  reason?: string | null;
  expired?: boolean;
  attendees?: { name: string; email: string }[];
  /** Whom the proposing firm sends, with a proposal or counter-proposal. */
  sender?: { firm: string; name: string };
}

function detailLines(d: NoticeDetails, locale: Locale): string[] {
  const w = WORDS[locale];
  const lines: string[] = [];
  if (d.options?.length) lines.push('', ...d.options.map((o, i) => `${w.option(i + 1)}${when(o.start, o.end, locale)}`));
  if (d.message) lines.push('', d.message);
  if (d.reason) lines.push('', `${w.reason}${d.reason}`);
  if (d.sender) lines.push('', w.sends(d.sender.firm, d.sender.name));
  if (d.attendees?.length) lines.push('', `${w.attendees}${d.attendees.map((a) => a.name).join(', ')}`);
  if (d.expired) lines.push('', w.expired);
  return lines;
}

/**
 * Emails the members of `to` about a step of the booking, in the caller's transaction.
 * Confirmations, moves and cancellations carry the ICS invitation (REQUEST or CANCEL).
 */
export async function notify(ctx: AppContext, tx: RawSql, b: BookingContext, notice: Notice, to: string[], details: NoticeDetails = {}): Promise<void> {
  const { booking, names } = b;
  const members = await repo.membersOf(tx, to);
  const link = `${ctx.config.publicUrl}/rdv/${booking.id}`;
  const withIcs = notice === 'accepted' || notice === 'rescheduled' || (notice === 'cancelled' && booking.starts_at !== null);
  // Each reader gets the invitation in their language; the UID and SEQUENCE are the same for all.
  const ics = (locale: Locale) => renderInvitation(calendarEntry(ctx, b, details.attendees ?? [], locale), mailbox(ctx.config.MAIL_FROM), ctx.now());
  for (const m of members) {
    const w = WORDS[m.locale];
    const time =
      booking.starts_at && booking.ends_at ? [`${w.when}${when(booking.starts_at, booking.ends_at, m.locale)}`, `${w.where}${b.location(m.locale)}`] : [];
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
      ...(withIcs
        ? {
            attachments: [
              {
                filename: w.icsFile,
                contentType: `text/calendar; charset=utf-8; method=${notice === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
                content: ics(m.locale),
              },
            ],
          }
        : {}),
    });
  }
}

/** The words of places and calendar titles, in the reader's language. */
export const PLACE_WORDS = {
  fr: {
    video: (url: string | null) => `Visioconférence : ${url ?? ''}`,
    host: (name: string) => `Chez ${name}`,
    associationPremises: 'Locaux de l’association',
    meeting: (who: string) => `Rendez-vous ${who}`,
    meetingWith: (who: string) => `Rendez-vous avec ${who}`,
  },
  en: {
    video: (url: string | null) => `Video call: ${url ?? ''}`,
    host: (name: string) => `At ${name}`,
    associationPremises: 'The association’s premises',
    meeting: (who: string) => `Meeting ${who}`,
    meetingWith: (who: string) => `Meeting with ${who}`,
  },
} as const;

/** Names and the place in words, for pages, emails and calendar entries. */
export async function loadContext(sql: RawSql, b: repo.BookingRow): Promise<BookingContext> {
  const orgs = await repo.organisations(sql, [b.proposer_id, b.recipient_id]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const address = (id: string) => orgs.find((o) => o.id === id)?.address ?? '';
  const association = b.place === 'association' && b.association_id ? await repo.association(sql, b.association_id) : undefined;
  const location = (locale: Locale) => {
    const w = PLACE_WORDS[locale];
    if (b.place === 'video') return w.video(b.video_url);
    if (b.place === 'association') return association ? [association.name, association.premises].filter(Boolean).join(', ') : w.associationPremises;
    const host = b.place === 'proposer_site' ? b.proposer_id : b.recipient_id;
    return [w.host(names.get(host) ?? ''), address(host)].filter(Boolean).join(', ');
  };
  return { booking: b, names, location };
}
