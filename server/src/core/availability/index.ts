import { zonedToUtc } from '../scheduler/outputs/times';
import { clockTime, minutesOfDay } from '@synergies/shared';

/**
 * When firms can meet: weekly opening hours on the zone's wall clock, days off, and the meetings
 * they already have. Pure: instants in, instants out.
 */
export interface WeeklySlot {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  start: string;
  end: string;
}

export interface FirmAvailability {
  weekly: readonly WeeklySlot[];
  unavailableDays: readonly string[];
}

export interface Interval {
  start: Date;
  end: Date;
}

/** Office hours of a firm that has not set its own. */
export const DEFAULT_WEEKLY: readonly WeeklySlot[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '08:30', end: '12:00' },
  { weekday, start: '13:30', end: '18:00' },
]);

/** The wall-clock date, ISO weekday and minute of the day of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): { date: string; weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** The option lies on one day, inside one of the firm's weekly slots, and not on a day off. */
export function withinAvailability(option: Interval, availability: FirmAvailability, timeZone: string): boolean {
  const from = localParts(option.start, timeZone);
  const to = localParts(option.end, timeZone);
  const sameDay = to.date === from.date || (to.minutes === 0 && option.end.getTime() - option.start.getTime() <= 24 * 3600_000);
  if (!sameDay || availability.unavailableDays.includes(from.date)) return false;
  const endMinutes = to.date === from.date ? to.minutes : 24 * 60;
  return availability.weekly.some((s) => s.weekday === from.weekday && minutesOfDay(s.start) <= from.minutes && endMinutes <= minutesOfDay(s.end));
}

/** Intersection of two firms' slots of a weekday, as minute ranges. */
function commonRanges(a: FirmAvailability, b: FirmAvailability, weekday: number): [number, number][] {
  const ranges = (f: FirmAvailability) =>
    f.weekly.filter((s) => s.weekday === weekday).map((s) => [minutesOfDay(s.start), minutesOfDay(s.end)] as [number, number]);
  const out: [number, number][] = [];
  for (const [s1, e1] of ranges(a)) {
    for (const [s2, e2] of ranges(b)) {
      const s = Math.max(s1, s2);
      const e = Math.min(e1, e2);
      if (e > s) out.push([s, e]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface SuggestionInput {
  firms: [FirmAvailability, FirmAvailability];
  /** Meetings of either firm (bookings, event meetings): a suggestion never overlaps them. */
  busy: readonly Interval[];
  notBefore: Date;
  days: number;
  durationMinutes: number;
  limit: number;
  timeZone: string;
  stepMinutes?: number;
  /** At most this many per day, so that suggestions spread over the coming days. */
  perDay?: number;
}

/** Options free for both firms, earliest first. */
export function suggestOptions(input: SuggestionInput): Interval[] {
  const step = input.stepMinutes ?? 30;
  const perDay = input.perDay ?? 2;
  const [a, b] = input.firms;
  const first = localParts(input.notBefore, input.timeZone);
  const out: Interval[] = [];
  for (let d = 0; d < input.days && out.length < input.limit; d++) {
    const date = addDays(first.date, d);
    if (a.unavailableDays.includes(date) || b.unavailableDays.includes(date)) continue;
    const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    let today = 0;
    for (const [from, to] of commonRanges(a, b, weekday)) {
      for (let m = Math.ceil(from / step) * step; m + input.durationMinutes <= to && today < perDay && out.length < input.limit; m += step) {
        const start = new Date(zonedToUtc(date, clockTime(m), input.timeZone));
        const option = { start, end: new Date(start.getTime() + input.durationMinutes * 60_000) };
        if (start < input.notBefore || input.busy.some((x) => overlaps(x, option))) continue;
        out.push(option);
        today++;
        m += input.durationMinutes - step; // the next suggestion starts after this one
      }
    }
  }
  return out;
}
