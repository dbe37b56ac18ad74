import { describe, expect, it } from 'vitest';
import { formatSlot, fromLocalInput, optionFrom, toLocalInput } from './bookings';

describe('booking times', () => {
  it('reads and writes datetime-local fields as Paris time, whatever the browser zone', () => {
    expect(fromLocalInput('2026-10-05T09:00')).toBe('2026-10-05T07:00:00.000Z');
    expect(fromLocalInput('2026-11-05T09:00')).toBe('2026-11-05T08:00:00.000Z');
    expect(toLocalInput('2026-10-05T07:00:00.000Z')).toBe('2026-10-05T09:00');
    expect(optionFrom('2026-10-05T09:00', 90)).toEqual({ startsAt: '2026-10-05T07:00:00.000Z', endsAt: '2026-10-05T08:30:00.000Z' });
    expect(formatSlot('2026-10-05T07:00:00.000Z', '2026-10-05T08:00:00.000Z', 'fr')).toBe('lundi 5 octobre, 09:00–10:00');
  });
});
