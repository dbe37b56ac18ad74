import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbTinyEvent, bruteForce, idleBetweenTwoMeetings } from '../exhaustive';
import { compileEvent } from '../problem';
import { loadHighs } from './highs';
import { relaxedBreakBound } from './relaxation';

const everyMeetingOf = (event: Parameters<typeof compileEvent>[0], fairness: number) => {
  const problem = compileEvent(event);
  return { problem, meetings: problem.meetings.map((_, m) => m), fairness };
};

describe("the break model's LP relaxation", () => {
  it('never bounds above the fewest breaks of any fair schedule (exhaustive search)', async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(arbTinyEvent, fc.integer({ min: 0, max: 2 }), async (event, fairness) => {
        const fewest = bruteForce(event, fairness);
        fc.pre(fewest !== null);
        const bound = relaxedBreakBound(highs, everyMeetingOf(event, fairness), 5);
        expect(bound).not.toBeNull();
        expect(bound!).toBeLessThanOrEqual(fewest!);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the break that no schedule avoids', async () => {
    expect(relaxedBreakBound(await loadHighs(), everyMeetingOf(idleBetweenTwoMeetings(), 2), 5)).toBe(1);
  });
});
