import { renderAgendaIcs, type ScheduledMeeting, type SchedulingEvent } from '../../core/scheduler';

/**
 * Calendar updates (RFC 5546): every agenda file carries SEQUENCE, the schedule version, so a
 * calendar program replaces the copy it holds; a meeting that disappears from an agenda is sent
 * as METHOD:CANCEL with the same UID, so it leaves the calendar instead of staying there.
 */
export function withSequence(ics: string, sequence: number): string {
  // Before DTSTAMP, which is never folded (a long UID line may be).
  return ics.replace(/\r\nDTSTAMP:/g, `\r\nSEQUENCE:${sequence}\r\nDTSTAMP:`);
}

export function agendaIcs(
  event: SchedulingEvent,
  meetings: readonly ScheduledMeeting[],
  participantId: string,
  sequence: number,
  now: Date,
  locale: 'fr' | 'en' = 'fr',
): string {
  return withSequence(renderAgendaIcs(event, meetings, participantId, now, locale), sequence);
}

/** The meetings of `participantId` in `before` that `after` no longer holds, as a cancellation. */
export function cancellationIcs(
  before: { event: SchedulingEvent; meetings: readonly ScheduledMeeting[] },
  after: { meetings: readonly ScheduledMeeting[] },
  participantId: string,
  sequence: number,
  now: Date,
  locale: 'fr' | 'en' = 'fr',
): string | null {
  const kept = new Set(after.meetings.filter((m) => m.participants.includes(participantId)).map((m) => m.requestId));
  const gone = before.meetings.filter((m) => m.participants.includes(participantId) && !kept.has(m.requestId));
  if (gone.length === 0) return null;
  const ics = renderAgendaIcs(before.event, gone, participantId, now, locale).replace('\r\nMETHOD:PUBLISH\r\n', '\r\nMETHOD:CANCEL\r\n');
  return withSequence(ics, sequence).replace(/\r\nEND:VEVENT/g, '\r\nSTATUS:CANCELLED\r\nEND:VEVENT');
}
