import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY, localParts, suggestOptions, withinAvailability } from './index';

const TZ = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
const firm = (over: Partial<{ weekly: typeof DEFAULT_WEEKLY; unavailableDays: string[] }> = {}) => ({ weekly: DEFAULT_WEEKLY, unavailableDays: [], ...over });

describe('availability', () => {
  it('reads wall-clock parts in Paris across summer time', () => {
    expect(localParts(at('2026-10-05T07:00:00Z'), TZ)).toEqual({ date: '2026-10-05', weekday: 1, minutes: 9 * 60 });
    expect(localParts(at('2026-11-02T08:00:00Z'), TZ)).toEqual({ date: '2026-11-02', weekday: 1, minutes: 9 * 60 });
  });

  it('accepts an option inside a weekly slot and refuses days off, weekends and slots crossing lunch', () => {
    const ok = { start: at('2026-10-05T07:00:00Z'), end: at('2026-10-05T08:00:00Z') }; // Monday 09:00–10:00
    expect(withinAvailability(ok, firm(), TZ)).toBe(true);
    expect(withinAvailability(ok, firm({ unavailableDays: ['2026-10-05'] }), TZ)).toBe(false);
    expect(withinAvailability({ start: at('2026-10-10T07:00:00Z'), end: at('2026-10-10T08:00:00Z') }, firm(), TZ)).toBe(false); // Saturday
    expect(withinAvailability({ start: at('2026-10-05T09:30:00Z'), end: at('2026-10-05T12:00:00Z') }, firm(), TZ)).toBe(false); // 11:30–14:00
  });

  it('suggests times free for both firms, skipping meetings and days off, at most two a day', () => {
    const options = suggestOptions({
      firms: [firm(), firm({ unavailableDays: ['2026-10-06'], weekly: DEFAULT_WEEKLY.filter((s) => s.start === '08:30') })],
      busy: [{ start: at('2026-10-05T06:30:00Z'), end: at('2026-10-05T07:30:00Z') }], // Monday 08:30–09:30
      notBefore: at('2026-10-05T06:00:00Z'),
      days: 3,
      durationMinutes: 60,
      limit: 6,
      timeZone: TZ,
    });
    expect(options.map((o) => o.start.toISOString())).toEqual([
      '2026-10-05T07:30:00.000Z',
      '2026-10-05T08:30:00.000Z',
      '2026-10-07T06:30:00.000Z',
      '2026-10-07T07:30:00.000Z',
    ]);
  });
});
