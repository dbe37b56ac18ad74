import { describe, expect, it } from 'vitest';
import { findPrecedenceCycle, precedenceHolds } from './precedence';

describe('findPrecedenceCycle', () => {
  it('returns null for a chain', () =>
    expect(
      findPrecedenceCycle(3, [
        [0, 1],
        [1, 2],
      ]),
    ).toBeNull());
  it('finds a cycle and lists its nodes', () => {
    const cycle = findPrecedenceCycle(4, [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
    ]);
    expect(new Set(cycle)).toEqual(new Set([0, 1, 2]));
  });
  it('finds a self-loop', () => expect(findPrecedenceCycle(2, [[1, 1]])).toEqual([1]));
});

describe('precedenceHolds', () => {
  it('requires a strictly earlier slot', () => {
    expect(precedenceHolds(1, 2)).toBe(true);
    expect(precedenceHolds(2, 2)).toBe(false);
  });
  it('holds when either meeting is not scheduled', () => expect(precedenceHolds(-1, 0)).toBe(true));
});
