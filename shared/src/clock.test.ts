import { describe, expect, it } from 'vitest';
import { clockTime, minutesOfDay } from './clock';

describe('wall-clock times', () => {
  it('turns "HH:MM" into minutes since midnight and back', () => {
    expect(minutesOfDay('09:20')).toBe(560);
    expect(minutesOfDay('00:00')).toBe(0);
    expect(clockTime(560)).toBe('09:20');
    expect(clockTime(23 * 60 + 5)).toBe('23:05');
    for (const m of [0, 59, 60, 725, 1439]) expect(minutesOfDay(clockTime(m))).toBe(m);
  });
});
