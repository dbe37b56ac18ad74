import { describe, expect, it } from 'vitest';
import { enumeratePatterns, patternBreaks } from './patterns';

describe('enumeratePatterns', () => {
  const sessions = [0, 0, 0, 0];
  it('lists all busy sets of the right size within the break cap', () => {
    const all = enumeratePatterns(2, [true, true, true, true], sessions, 9, 100)!;
    expect(all).toHaveLength(6);
    expect(enumeratePatterns(2, [true, true, true, true], sessions, 0, 100)).toHaveLength(3);
  });
  it('skips impossible slots', () => {
    expect(enumeratePatterns(2, [true, false, true, true], sessions, 9, 100)!.map((p) => p.slots)).toEqual([
      [0, 2],
      [0, 3],
      [2, 3],
    ]);
  });
  it('gives each pattern the rule break count', () => {
    for (const p of enumeratePatterns(2, [true, true, true, true], [0, 0, 1, 1], 9, 100)!) expect(p.breaks).toBe(patternBreaks(p.slots, [0, 0, 1, 1]));
  });
  it('returns null beyond the limit', () => expect(enumeratePatterns(2, [true, true, true, true], sessions, 9, 5)).toBeNull());
});
