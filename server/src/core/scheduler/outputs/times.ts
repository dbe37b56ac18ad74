import type { SchedulingEvent } from '../event-format';

export interface SlotTime {
  slotId: string;
  sessionId: string;
  /** UTC instants (ISO 8601). */
  start: string;
  end: string;
  /** Wall-clock times in the event's zone, e.g. "09:20". */
  localStart: string;
  localEnd: string;
  /** Local date-time "YYYYMMDDTHHMMSS", as ICS wants with a TZID. */
  icsLocalStart: string;
  icsLocalEnd: string;
}

/** Offset of a zone from UTC at an instant, in minutes (Intl only: no clock is read). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60000);
}

/** The UTC instant of a wall-clock time on a date in a zone. */
export function zonedToUtc(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  let utc = naive - zoneOffsetMinutes(naive, timeZone) * 60000;
  utc = naive - zoneOffsetMinutes(utc, timeZone) * 60000; // second pass settles DST edges
  return utc;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localStamp(date: string, minutes: number): string {
  return `${date.replaceAll('-', '')}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`;
}

/** Real times of every slot of the event (slots do not cross midnight). */
export function slotTimes(event: SchedulingEvent): Map<string, SlotTime> {
  const out = new Map<string, SlotTime>();
  for (const session of event.sessions) {
    for (const slot of session.slots) {
      const [h, m] = slot.start.split(':').map(Number) as [number, number];
      const startMin = h * 60 + m;
      const endMin = startMin + slot.durationMinutes;
      const start = zonedToUtc(event.date, slot.start, event.timeZone);
      out.set(slot.id, {
        slotId: slot.id,
        sessionId: session.id,
        start: new Date(start).toISOString(),
        end: new Date(start + slot.durationMinutes * 60000).toISOString(),
        localStart: slot.start,
        localEnd: `${pad(Math.floor(endMin / 60) % 24)}:${pad(endMin % 60)}`,
        icsLocalStart: localStamp(event.date, startMin),
        icsLocalEnd: localStamp(event.date, endMin),
      });
    }
  }
  return out;
}

const LONG_DATE = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }),
};

/** "2026-12-15" as its reader writes a day: "mardi 15 décembre 2026", "Tuesday, 15 December 2026". */
export function longDate(date: string, locale: 'fr' | 'en'): string {
  return LONG_DATE[locale].format(new Date(`${date}T12:00:00Z`));
}

/** "09:20" → "9 h 20", the French way of writing a time. */
export function frenchTime(hhmm: string): string {
  const [h, m] = hhmm.split(':') as [string, string];
  return `${Number(h)} h ${m}`;
}
