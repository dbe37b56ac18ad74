import type { AppContext } from '../../context';
import { rawSql, type Transaction } from '../../infra/db';
import { enqueueEmail, type EmailAttachment } from '../../infra/mail';
import { agendaIcs, cancellationIcs } from './ics-updates';
import * as repo from './repository';
import type { StoredSchedule } from './schedule-repository';
import { byTime, scheduleLookup } from './scheduling-event';

const frenchDate = (date: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** One firm's meetings as plain-text lines for an email. */
function agendaLines(schedule: StoredSchedule, organisationId: string): string[] {
  const lookup = scheduleLookup(schedule.event);
  const mine = byTime(schedule.meetings.filter((m) => m.participants.includes(organisationId)).map(lookup.meeting));
  if (mine.length === 0) return ['Aucun rendez-vous pour le moment.'];
  return mine.map((m) => `- ${m.localStart}–${m.localEnd}, ${m.tableName} : avec ${m.organisations.filter((o) => o.id !== organisationId).map((o) => o.name).join(', ')}`);
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
    const intro =
      reason === 'published'
        ? `Le planning des rendez-vous d'affaires « ${event.name} » du ${frenchDate(event.date)} est publié. Voici celui de ${names.get(organisationId)} :`
        : `Le planning des rendez-vous d'affaires « ${event.name} » vient de changer. Voici le nouvel agenda de ${names.get(organisationId)} :`;
    const changed = changes[organisationId];
    const what = changed && changed.fr.length > 0 ? ['Ce qui change :', ...changed.fr.map((l) => `- ${l}`), '', 'What changed:', ...changed.en.map((l) => `- ${l}`), ''] : [];
    const now = ctx.now();
    const attachments: EmailAttachment[] = [
      { filename: 'agenda.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: agendaIcs(schedule.event, schedule.meetings, organisationId, schedule.version, now) },
    ];
    const cancelled = previous && cancellationIcs(previous, schedule, organisationId, schedule.version, now);
    if (cancelled) attachments.push({ filename: 'annulations.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL', content: cancelled });
    await enqueueEmail(rawSql(tx), ctx.jobs, {
      attachments,
      to: member.email,
      subject: reason === 'published' ? `Vos rendez-vous d'affaires — ${event.name}` : `Votre agenda a changé — ${event.name}`,
      text: [`Bonjour ${member.displayName},`, '', ...what, intro, '', ...agendaLines(schedule, organisationId), '', `Agenda en PDF et pour votre calendrier : ${link}`, ''].join('\n'),
    });
  }
  return members.length;
}
