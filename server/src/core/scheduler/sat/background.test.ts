import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDzn } from '../dzn';
import { compileEvent, type Problem } from '../problem';
import { idleBetweenTwoMeetings } from '../exhaustive';
import { searchFewestBreaksInBackground } from './background';

// Firm a meets b in the first slot and c in the third: one break, which no schedule avoids.
const gap = () => compileEvent(idleBetweenTwoMeetings());
const nothingYet = { lowerBound: 0, slots: null, done: false };
/** Girona's forum-13 with every meeting held, asked of the threads for up to a minute. */
function everyMeetingOfForum13() {
  const name = 'forum-13';
  const problem = compileEvent(parseDzn(readFileSync(join(import.meta.dirname, `../../../../../bench/scheduler/girona/${name}.original.dzn`), 'utf8'), name));
  return searchFewestBreaksInBackground(
    problem,
    problem.meetings.map((_, m) => m),
    2,
    60_000,
  );
}

describe('the fewest-breaks question on a worker thread', () => {
  it('is done once its bound reaches the breaks of its best schedule, slots included', async () => {
    const problem = gap();
    const both = await searchFewestBreaksInBackground(problem, [0, 1], 2, 30_000);
    const alone = await searchFewestBreaksInBackground(problem, [1], 2, 30_000);
    const withGap = await both.waitUntil(() => false, 30_000);
    expect(withGap.lowerBound).toBe(1);
    expect([...withGap.slots!]).toEqual([0, 2]);
    expect(withGap.done).toBe(true);
    expect(both.settles(Infinity)).toBe(true);
    // Both lanes ask for no break; the first to find a schedule ends the question, optimal as the bound is 0.
    const found = await alone.waitUntil(() => false, 30_000);
    expect({ ...found, slots: [...found.slots!] }).toEqual({ lowerBound: 0, slots: [-1, 2], done: true });
    expect(alone.latest()).toBe(found);
    await Promise.all([both.stop(), alone.stop()]);
  }, 40_000);

  it('waits only until what has come is enough: here a lower bound of 1', async () => {
    const search = await searchFewestBreaksInBackground(gap(), [0, 1], 2, 30_000);
    const bound = await search.waitUntil((b) => b.lowerBound >= 1, 30_000);
    expect(bound.lowerBound).toBe(1);
    expect(search.settles(1)).toBe(true);
    await search.stop();
  }, 40_000);

  it('aborts a settled signal once the threads settle the question, and not for a best they have not settled', async () => {
    const search = await searchFewestBreaksInBackground(gap(), [0, 1], 2, 30_000);
    let best = 0;
    const atZero = search.whenSettled(() => best);
    // Nothing is known yet, but a best of 0 breaks cannot be beaten: settled at once.
    expect(atZero.signal.aborted).toBe(true);
    best = 3;
    const atThree = search.whenSettled(() => best);
    const released = search.whenSettled(() => Infinity);
    released.release();
    expect(atThree.signal.aborted).toBe(false);
    await new Promise((resolve) => atThree.signal.addEventListener('abort', resolve));
    // The threads proved 1 and found a schedule with 1: settled whatever the best.
    expect(search.settles(Infinity)).toBe(true);
    expect(released.signal.aborted).toBe(false);
    await search.stop();
  }, 40_000);

  it('knows nothing before the thread says anything, and is done once stopped', async () => {
    const search = await everyMeetingOfForum13();
    expect(search.latest()).toEqual(nothingYet);
    expect(search.settles(1)).toBe(false);
    await search.stop();
    expect(await search.waitUntil(() => false, 5_000)).toEqual({ ...nothingYet, done: true });
  }, 20_000);

  it('takes a bound that another thread raised in the shared memory, from when it is told', async () => {
    const search = await everyMeetingOfForum13();
    Atomics.store(search.sharedBound, 0, 3);
    // The threads read it at once; this side, once told.
    expect(search.settles(3)).toBe(true);
    expect(search.latest().lowerBound).toBe(0);
    search.boundRaised();
    expect(search.latest().lowerBound).toBe(3);
    await search.stop();
  }, 20_000);

  it('is done with what it had when the thread fails, instead of throwing', async () => {
    const broken = { ...gap(), meetings: null } as unknown as Problem;
    const search = await searchFewestBreaksInBackground(broken, [0], 2, 30_000);
    expect(await search.waitUntil(() => false, 30_000)).toEqual({ ...nothingYet, done: true });
    await search.stop();
  }, 40_000);

  it('answers with what has come when the time it is given runs out', async () => {
    const search = await searchFewestBreaksInBackground(gap(), [0, 1], 2, 30_000);
    expect(await search.waitUntil(() => false, 0)).toEqual(nothingYet);
    await search.stop();
  });
});
