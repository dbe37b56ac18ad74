import type { AppContext } from '../../context';
import { rawSql, type Transaction } from '../../infra/db';
import { enqueueEmail, type EmailAttachment } from '../../infra/mail';
import { longDate } from '../../core/scheduler';
import { agendaIcs, cancellationIcs } from './ics-updates';
import * as repo from './repository';
import type { StoredSchedule } from './schedule-repository';
import { byTime, scheduleLookup } from './scheduling-event';

type Locale = 'fr' | 'en';

/** The agenda email in the reader's language (their account's). */
const WORDS = {
  fr: {
    subject: { published: (e: string) => `Vos rendez-vous d'affaires — ${e}`, changed: (e: string) => `Votre agenda a changé — ${e}` },
    intro: {
      published: (e: string, date: string, firm: string) => `Le planning des rendez-vous d'affaires « ${e} » du ${date} est publié. Voici celui de ${firm} :`,
      changed: (e: string, _date: string, firm: string) =>
        `Le planning des rendez-vous d'affaires « ${e} » vient de changer. Voici le nouvel agenda de ${firm} :`,
    },
    hello: (name: string) => `Bonjour ${name},`,
    whatChanged: 'Ce qui change :',
    none: 'Aucun rendez-vous pour le moment.',
    meeting: (start: string, end: string, table: string, others: string) => `- ${start}–${end}, ${table} : avec ${others}`,
    link: (url: string) => `Agenda en PDF et pour votre calendrier : ${url}`,
  },
  en: {
    subject: { published: (e: string) => `Your business meetings — ${e}`, changed: (e: string) => `Your agenda has changed — ${e}` },
    intro: {
      published: (e: string, date: string, firm: string) => `The schedule of the business meetings “${e}” on ${date} is published. Here is ${firm}'s:`,
      changed: (e: string, _date: string, firm: string) => `The schedule of the business meetings “${e}” has just changed. Here is ${firm}'s new agenda:`,
    },
    hello: (name: string) => `Hello ${name},`,
    whatChanged: 'What changed:',
    none: 'No meeting for now.',
    meeting: (start: string, end: string, table: string, others: string) => `- ${start}–${end}, ${table}: with ${others}`,
    link: (url: string) => `Agenda as PDF and for your calendar: ${url}`,
  },
} as const;

/** One firm's meetings as plain-text lines for an email. */
function agendaLines(schedule: StoredSchedule, organisationId: string, locale: Locale): string[] {
  const w = WORDS[locale];
  const lookup = scheduleLookup(schedule.event);
  const mine = byTime(schedule.meetings.filter((m) => m.participants.includes(organisationId)).map(lookup.meeting));
  if (mine.length === 0) return [w.none];
  return mine.map((m) =>
    w.meeting(
      m.localStart,
      m.localEnd,
      m.tableName,
      m.organisations
        .filter((o) => o.id !== organisationId)
        .map((o) => o.name)
        .join(', '),
    ),
  );
}

/**
 * Emails the members of each firm its agenda, in the caller's transaction (the email outbox
 * delivers after commit): on publication, and when a day-of change alters their agenda.
 */
export async function emailAgendas(
  ctx: AppContext,
  tx: Transaction,
  event: repo.EventRow,
  schedule: StoredSchedule,
  organisationIds: readonly string[],
  reason: 'published' | 'changed',
  changes: Record<string, { fr: string[]; en: string[] }> = {},
  previous?: StoredSchedule,
): Promise<number> {
  const members = await repo.membersOf(tx, [...organisationIds]);
  const names = new Map(schedule.event.participants.map((p) => [p.id, p.name ?? p.id]));
  const link = `${ctx.config.publicUrl}/rendez-vous/${event.id}`;
  for (const member of members) {
    const organisationId = member.organisationId!;
    const w = WORDS[member.locale];
    const intro = w.intro[reason](event.name, longDate(event.date, member.locale), names.get(organisationId) ?? '');
    const changed = changes[organisationId]?.[member.locale] ?? [];
    const what = changed.length > 0 ? [w.whatChanged, ...changed.map((l) => `- ${l}`), ''] : [];
    const now = ctx.now();
    const attachments: EmailAttachment[] = [
      {
        filename: 'agenda.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: agendaIcs(schedule.event, schedule.meetings, organisationId, schedule.version, now, member.locale),
      },
    ];
    const cancelled = previous && cancellationIcs(previous, schedule, organisationId, schedule.version, now, member.locale);
    if (cancelled) attachments.push({ filename: 'annulations.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL', content: cancelled });
    await enqueueEmail(rawSql(tx), ctx.jobs, {
      attachments,
      to: member.email,
      subject: w.subject[reason](event.name),
      text: [w.hello(member.displayName), '', ...what, intro, '', ...agendaLines(schedule, organisationId, member.locale), '', w.link(link), ''].join('\n'),
    });
  }
  return members.length;
}
