import { describe, expect, it } from 'vitest';
import { countBreaks, countBreaksInRow, maxBreakDifference } from './breaks';

const oneSession = [0, 0, 0, 0, 0, 0];
const twoSessions = [0, 0, 0, 1, 1, 1];

describe('countBreaks', () => {
  it('is zero for consecutive meetings', () => expect(countBreaks([1, 2, 3], oneSession)).toBe(0));
  it('counts a gap of several slots once', () => expect(countBreaks([0, 4], oneSession)).toBe(1));
  it('counts each gap', () => expect(countBreaks([0, 2, 4], oneSession)).toBe(2));
  it('ignores the gap across the lunch break', () => expect(countBreaks([1, 4], twoSessions)).toBe(0));
  it('still counts gaps inside each session', () => expect(countBreaks([0, 2, 3, 5], twoSessions)).toBe(2));
  it('does not depend on order or duplicates', () => expect(countBreaks([4, 0, 0], oneSession)).toBe(1));
  it('agrees with the row form used by the local search', () => {
    const load = [1, 0, 2, 0, 0, 1];
    expect(countBreaksInRow(load, 0, 6, twoSessions)).toBe(countBreaks([0, 2, 5], twoSessions));
  });
});

describe('maxBreakDifference', () => {
  it('is max minus min', () => expect(maxBreakDifference([0, 3, 1])).toBe(3));
  it('is zero without participants', () => expect(maxBreakDifference([])).toBe(0));
});
