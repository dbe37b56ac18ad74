import { seededRandom } from '@synergies/shared';
import { describe, expect, it } from 'vitest';
import { idleBetweenTwoMeetings } from '../exhaustive';
import { compileEvent } from '../problem';
import { ModelBuilder } from './builder';
import { loadHighs, solveModelData, type ModelData } from './highs';
import { raiseBoundOnThread, solveOnThread } from './on-thread';
import { runMilp } from './run';

/** Knapsack: values 6, 5, 4 and weights 3, 2, 2 under capacity 4; the best takes items 2 and 3 (9). */
function knapsack(): ModelBuilder {
  const b = new ModelBuilder();
  const items = [b.addBinary(6), b.addBinary(5), b.addBinary(4)];
  b.addRow(
    items.map((v, i) => [v, [3, 2, 2][i]!] as const),
    0,
    4,
  );
  return b;
}

/**
 * A market split problem (Cornuéjols and Dawande): 4 equalities over 40 binaries with random
 * coefficients, which branch and bound cannot settle for many seconds (HiGHS: over 5 s here).
 */
async function marketSplitData(): Promise<ModelData> {
  const highs = await loadHighs();
  const b = new ModelBuilder();
  const xs = Array.from({ length: 40 }, () => b.addBinary(0));
  const random = seededRandom(7);
  for (let row = 0; row < 4; row++) {
    const a = xs.map(() => Math.floor(random() * 100));
    const half = Math.floor(a.reduce((sum, v) => sum + v, 0) / 2);
    b.addRow(
      xs.map((v, j) => [v, a[j]!] as const),
      half,
      half,
    );
  }
  return b.toModelData(highs.constants.objectiveSense.maximize, highs.infinity);
}

async function knapsackData(): Promise<ModelData> {
  const highs = await loadHighs();
  return knapsack().toModelData(highs.constants.objectiveSense.maximize, highs.infinity);
}

describe('HiGHS on a solver thread', () => {
  it('answers as HiGHS does in this thread', async () => {
    const here = solveModelData(await loadHighs(), await knapsackData(), { timeLimit: 5 });
    const there = await solveOnThread(await knapsackData(), { timeLimit: 5 }, 30_000);
    expect(there).toEqual(here);
    expect(there).toMatchObject({ status: 'optimal', objective: 9 });
    expect([...there!.values!]).toEqual([0, 1, 1]);
  });

  it('is stopped at the deadline, answers null, and the next call gets a working thread', async () => {
    expect(await solveOnThread(await marketSplitData(), { timeLimit: 60 }, 300)).toBeNull();
    expect(await solveOnThread(await knapsackData(), { timeLimit: 5 }, 30_000)).toMatchObject({ status: 'optimal', objective: 9 });
  });

  it('is stopped when its signal aborts, answers null, and the next call gets a working thread', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    expect(await solveOnThread(await marketSplitData(), { timeLimit: 60 }, 60_000, controller.signal)).toBeNull();
    expect(await solveOnThread(await knapsackData(), { timeLimit: 5 }, 30_000, controller.signal)).toBeNull();
    expect(await solveOnThread(await knapsackData(), { timeLimit: 5 }, 30_000, new AbortController().signal)).toMatchObject({
      status: 'optimal',
      objective: 9,
    });
  });

  it('answers null when no time is left, and the next call still gets a working thread', async () => {
    expect(await solveOnThread(await knapsackData(), { timeLimit: 5 }, 0)).toBeNull();
    expect(await solveOnThread(await knapsackData(), { timeLimit: 5 }, 30_000)).toMatchObject({ status: 'optimal', objective: 9 });
  });

  it('raises a bound in shared memory to the LP relaxation of a break model, never lowers it, and the next call still gets a working thread', async () => {
    const problem = compileEvent(idleBetweenTwoMeetings());
    const input = { problem, meetings: [0, 1], fairness: 2 };
    const bound = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    await raiseBoundOnThread(input, bound, 30_000);
    expect(bound[0]).toBe(1);
    bound[0] = 5;
    await raiseBoundOnThread(input, bound, 30_000);
    expect(bound[0]).toBe(5);
    expect(await solveOnThread(await knapsackData(), { timeLimit: 5 }, 30_000)).toMatchObject({ status: 'optimal', objective: 9 });
  });

  it('runMilp with a deadline answers through the thread, and "unknown" when no time is left', async () => {
    expect(await runMilp(knapsack(), 'maximize', { timeLimitSeconds: 5, secondsLeft: () => 30 })).toMatchObject({ status: 'optimal', objective: 9 });
    expect(await runMilp(knapsack(), 'maximize', { timeLimitSeconds: 5, secondsLeft: () => 0, onlyWayToAnswer: true })).toMatchObject({ status: 'unknown' });
  });
});
