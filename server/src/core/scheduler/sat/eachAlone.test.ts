import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbTinyEvent, bruteForce, idleBetweenTwoMeetings } from '../exhaustive';
import { compileEvent } from '../problem';
import { scenario } from '../scenario';
import { breaksEachAlone } from './eachAlone';

/** The sum over participants, the lower bound on the total. */
const totalAlone = async (...args: Parameters<typeof breaksEachAlone>) => (await breaksEachAlone(...args)).reduce((a, b) => a + b, 0);

const timer = () => performance.now();
const within = (seconds: number) => ({ timer, deadline: timer() + seconds * 1000 });
const everyMeeting = (event: Parameters<typeof compileEvent>[0]) => event.requests.map((_, m) => m);

describe('breaksEachAlone: the sum of each participant’s fewest breaks alone', () => {
  it('counts the break that two fixed meetings force on one firm, and only for the meetings given', async () => {
    const event = idleBetweenTwoMeetings();
    expect(await totalAlone(compileEvent(event), [0, 1], within(5))).toBe(1);
    expect(await totalAlone(compileEvent(event), [1], within(5))).toBe(0);
  });

  it('counts each firm’s breaks on its own, and adds them up', async () => {
    // Every meeting is fixed in m1 or m4, and each of a, b, c and d has one in each: a break apiece.
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [4],
      tables: 4,
      meetings: [
        { id: 'ac', participants: ['a', 'c'], requestedBy: ['a'], fixedSlot: 'm1' },
        { id: 'ad', participants: ['a', 'd'], requestedBy: ['a'], fixedSlot: 'm4' },
        { id: 'bc', participants: ['b', 'c'], requestedBy: ['b'], fixedSlot: 'm4' },
        { id: 'bd', participants: ['b', 'd'], requestedBy: ['b'], fixedSlot: 'm1' },
      ],
      mustScheduleAll: true,
    });
    expect(await breaksEachAlone(compileEvent(event), everyMeeting(event), within(5))).toEqual([1, 1, 1, 1]);
    expect(await totalAlone(compileEvent(event), everyMeeting(event), within(5))).toBe(4);
  });

  it('never exceeds the fewest breaks of any schedule holding every meeting (exhaustive search)', async () => {
    let positive = 0;
    await fc.assert(
      fc.asyncProperty(arbTinyEvent, async (event) => {
        const fewest = bruteForce(event, Infinity);
        fc.pre(fewest !== null);
        const bound = await totalAlone(compileEvent(event), everyMeeting(event), within(5));
        expect(bound).toBeLessThanOrEqual(fewest!);
        if (bound > 0) positive++;
      }),
      { numRuns: 150, seed: 13 },
    );
    // The bound is not trivially 0 on these events.
    expect(positive).toBeGreaterThan(0);
  });

  it('stops at its deadline with what it has proven', async () => {
    const event = idleBetweenTwoMeetings();
    expect(await totalAlone(compileEvent(event), [0, 1], { timer, deadline: timer() })).toBe(0);
  });
});
