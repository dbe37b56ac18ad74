import { describe, expect, it } from 'vitest';
import { requestWeight } from './weight';

describe('requestWeight', () => {
  it('defaults each requesting side to priority 1', () => expect(requestWeight(['a'], {})).toBe(1));
  it('makes a mutual request weigh more', () => expect(requestWeight(['a', 'b'], {})).toBeGreaterThan(requestWeight(['a'], {})));
  it('sums the priorities of the requesting sides', () => expect(requestWeight(['a', 'b'], { a: 3, b: 2 })).toBe(5));
  it('counts a side listed twice once', () => expect(requestWeight(['a', 'a'], { a: 2 })).toBe(2));
});
