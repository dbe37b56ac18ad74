import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDzn } from '../dzn';
import { compileEvent, type Problem } from '../problem';
import { idleBetweenTwoMeetings } from '../exhaustive';
import { searchWithoutBreaksInBackground } from './background';

const gap = () => compileEvent(idleBetweenTwoMeetings());

describe('the zero-break question on a worker thread', () => {
  it('answers as the solver does in this thread, slots included', async () => {
    const problem = gap();
    const both = searchWithoutBreaksInBackground(problem, [0, 1], 30_000);
    const alone = searchWithoutBreaksInBackground(problem, [1], 30_000);
    expect(await both.waitAtMost(30_000)).toEqual({ status: 'impossible', slots: null });
    const found = await alone.waitAtMost(30_000);
    expect(found?.status).toBe('found');
    expect([...found!.slots!]).toEqual([-1, 2]);
    expect(alone.answer()).toBe(found);
    await Promise.all([both.stop(), alone.stop()]);
  }, 40_000);

  it('has no answer before it is given one, and answers unknown once stopped', async () => {
    const name = 'forum-13';
    const event = parseDzn(readFileSync(join(import.meta.dirname, `../../../../../bench/scheduler/girona/${name}.original.dzn`), 'utf8'), name);
    const problem = compileEvent(event);
    const search = searchWithoutBreaksInBackground(
      problem,
      problem.meetings.map((_, m) => m),
      60_000,
    );
    expect(search.answer()).toBeNull();
    await search.stop();
    expect(await search.waitAtMost(5_000)).toEqual({ status: 'unknown', slots: null });
  }, 20_000);

  it('answers unknown when the thread fails, instead of throwing', async () => {
    const broken = { ...gap(), meetings: null } as unknown as Problem;
    const search = searchWithoutBreaksInBackground(broken, [0], 30_000);
    expect(await search.waitAtMost(30_000)).toEqual({ status: 'unknown', slots: null });
    await search.stop();
  }, 40_000);

  it('says null when the answer does not come in the time it is given', async () => {
    const problem = gap();
    const search = searchWithoutBreaksInBackground(problem, [0, 1], 30_000);
    expect(await search.waitAtMost(0)).toBeNull();
    await search.stop();
  });
});
