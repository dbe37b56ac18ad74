import { describe, expect, it } from 'vitest';
import { renderAgendaIcs } from './ics';
import { fixtureEvent, fixtureMeetings } from './fixture';

/** Tiny iCalendar reader: unfolds lines, returns VEVENT property maps (name with params -> value). */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return events;
}

/** Interprets a TZID=Europe/Paris local time with the offsets the VTIMEZONE declares (summer +02). */
function parisToUtc(local: string, offsetHours: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(local)!;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - offsetHours, +m[5]!, +m[6]!)).toISOString();
}

describe('renderAgendaIcs', () => {
  const ics = renderAgendaIcs(fixtureEvent, fixtureMeetings, 'acme', new Date('2026-06-01T10:00:00Z'));

  it('is a calendar with a Paris VTIMEZONE and CRLF lines', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
    expect(ics).toMatch(/TZOFFSETTO:\+0200[\s\S]*RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU/);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('parses back to the right meetings at the right instants', () => {
    const events = parseIcs(ics);
    expect(events).toHaveLength(2);
    const first = events[0]!;
    expect(first['DTSTART;TZID=Europe/Paris']).toBe('20260618T092000');
    expect(parisToUtc(first['DTSTART;TZID=Europe/Paris']!, 2)).toBe('2026-06-18T07:20:00.000Z');
    expect(first['DTEND;TZID=Europe/Paris']).toBe('20260618T094000');
    expect(first.SUMMARY).toBe('Rendez-vous avec beta');
    expect(first.DTSTAMP).toBe('20260601T100000Z');
    expect(first.LOCATION).toBe('Lyon\\, synergies\\; day 1\\, T1');
    expect(events[1]!['DTSTART;TZID=Europe/Paris']).toBe('20260618T140000');
  });

  it('uses UTC times for other zones', () => {
    const utc = renderAgendaIcs({ ...fixtureEvent, timeZone: 'America/New_York' }, fixtureMeetings, 'acme', new Date('2026-06-01T10:00:00Z'));
    expect(parseIcs(utc)[0]!.DTSTART).toBe('20260618T132000Z');
    expect(utc).not.toContain('VTIMEZONE');
  });
});
