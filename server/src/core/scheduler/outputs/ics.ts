import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { agendaOf, participantName } from './agenda';

/**
 * Europe/Paris as a VTIMEZONE (EU rules: CEST from the last Sunday of March 02:00, CET from the
 * last Sunday of October 03:00), so calendar programs show the local times as written.
 */
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** RFC 5545 TEXT escaping. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF + space. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut)) > 74) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}

/** The entries' words in the reader's language. */
const ICS_WORDS = {
  fr: {
    summary: (who: string) => `Rendez-vous avec ${who}`,
    description: (firm: string, who: string, leads: number) => `${firm} rencontre ${who}${leads ? ` (${leads} piste${leads > 1 ? 's' : ''} de synergie)` : ''}`,
  },
  en: {
    summary: (who: string) => `Meeting with ${who}`,
    description: (firm: string, who: string, leads: number) => `${firm} meets ${who}${leads ? ` (${leads} synergy lead${leads > 1 ? 's' : ''})` : ''}`,
  },
} as const;

const utcStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * A participant's agenda as an iCalendar file. Times carry TZID=Europe/Paris with its VTIMEZONE
 * when the event is in Paris, UTC ("Z") otherwise. `now` stamps DTSTAMP (injected clock); the
 * words are the reader's.
 */
export function renderAgendaIcs(
  event: SchedulingEvent,
  meetings: readonly ScheduledMeeting[],
  participantId: string,
  now: Date,
  locale: 'fr' | 'en' = 'fr',
): string {
  const w = ICS_WORDS[locale];
  const paris = event.timeZone === 'Europe/Paris';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Synergies//Business meetings//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (paris) lines.push(...PARIS_VTIMEZONE);
  const stamp = utcStamp(now.toISOString());
  for (const line of agendaOf(event, meetings, participantId)) {
    const { time } = line;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${line.meeting.requestId}-${participantId}@synergies`,
      `DTSTAMP:${stamp}`,
      paris ? `DTSTART;TZID=Europe/Paris:${time.icsLocalStart}` : `DTSTART:${utcStamp(time.start)}`,
      paris ? `DTEND;TZID=Europe/Paris:${time.icsLocalEnd}` : `DTEND:${utcStamp(time.end)}`,
      `SUMMARY:${text(w.summary(line.with.join(', ')))}`,
      `LOCATION:${text(`${event.name}, ${line.tableName}`)}`,
      `DESCRIPTION:${text(w.description(participantName(event, participantId), line.with.join(', '), line.synergyIds.length))}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
