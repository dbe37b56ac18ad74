import { parisDateTime } from './meetings';

/** "2026-10-05T09:00" from a datetime-local field, read as Paris time, to an ISO instant. */
export function fromLocalInput(value: string): string {
  const [date, time] = value.split('T') as [string, string];
  return new Date(parisDateTime(date, time.slice(0, 5))).toISOString();
}

/** An ISO instant as the value of a datetime-local field, in Paris time. */
export function toLocalInput(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** "lundi 5 octobre, 09:00–10:00" in the interface's language, Paris time. */
export function formatSlot(startsAt: string, endsAt: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Paris' }).format(new Date(startsAt));
  const hour = (iso: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(iso));
  return `${day}, ${hour(startsAt)}–${hour(endsAt)}`;
}

/** A time option from a start field and a duration. */
export function optionFrom(start: string, minutes: number): { startsAt: string; endsAt: string } {
  const startsAt = fromLocalInput(start);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString() };
}
