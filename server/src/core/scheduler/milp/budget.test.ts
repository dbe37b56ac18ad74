import { describe, expect, it } from 'vitest';
import { expectedOverrun, highsTimeLimit, minUsefulSeconds, tooLargeFor, worthRunning } from './budget';

describe('highsTimeLimit', () => {
  it('gives the wished time when the deadline is far', () => {
    expect(highsTimeLimit(30_000, 1.5, 9)).toBe(1.5);
  });

  it('cuts the limit so that the call, overrun included, ends by the deadline', () => {
    for (const nonzeros of [10_000, 30_000, 100_000]) {
      const limit = highsTimeLimit(nonzeros, 20, 5)!;
      expect(limit).toBeLessThan(20);
      expect(limit + expectedOverrun(nonzeros)).toBeCloseTo(5, 9);
    }
  });

  it('does not run a model too large to answer before the deadline', () => {
    expect(tooLargeFor(660_000, 5)).toBe(true);
    expect(highsTimeLimit(660_000, 5, 5)).toBeNull();
    expect(tooLargeFor(30_000, 5)).toBe(false);
  });

  it('runs the only way to an answer whatever its size, still ending by the deadline', () => {
    const limit = highsTimeLimit(400_000, 9, 6, true)!;
    expect(tooLargeFor(400_000, 6)).toBe(true);
    expect(limit + expectedOverrun(400_000)).toBeCloseTo(6, 9);
    expect(highsTimeLimit(400_000, 9, 1, true)).toBeNull();
  });

  it('decides whether to build and run by the same rule as the limit', () => {
    expect(worthRunning(660_000, 5)).toBe(false);
    expect(worthRunning(30_000, 5)).toBe(true);
    expect(worthRunning(400_000, 6, true)).toBe(true);
    expect(worthRunning(400_000, 1, true)).toBe(false);
  });

  it('does not run anything once the deadline has passed', () => {
    expect(highsTimeLimit(100, 1, 0)).toBeNull();
    expect(highsTimeLimit(100, 0, 3)).toBeNull();
  });

  it('asks more time of larger models', () => {
    expect(minUsefulSeconds(400_000)).toBeGreaterThan(minUsefulSeconds(40_000));
    expect(expectedOverrun(400_000)).toBeGreaterThan(expectedOverrun(40_000));
    const enough = (nonzeros: number) => [1, 2, 4, 8, 16, 32, 64].find((s) => !tooLargeFor(nonzeros, s));
    expect(enough(400_000)!).toBeGreaterThan(enough(40_000)!);
  });
});
