import { describe, expect, it } from 'vitest';
import { zonedToUtc, zoneOffsetMinutes } from './times';

describe('Paris times', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 15, 12), 'Europe/Paris')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 15, 12), 'Europe/Paris')).toBe(120);
  });
  it('converts a wall-clock time to the right instant', () => {
    expect(new Date(zonedToUtc('2026-03-12', '09:00', 'Europe/Paris')).toISOString()).toBe('2026-03-12T08:00:00.000Z');
    expect(new Date(zonedToUtc('2026-06-18', '14:00', 'Europe/Paris')).toISOString()).toBe('2026-06-18T12:00:00.000Z');
  });
  it('handles the day after the spring change', () => {
    expect(new Date(zonedToUtc('2026-03-29', '09:00', 'Europe/Paris')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });
});
