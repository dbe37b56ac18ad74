import { describe, expect, it } from 'vitest';
import { compileEvent } from '../problem';
import { scenario } from '../scenario';
import { anneal, towardsBlock } from './anneal';
import { createRandom } from './random';
import { SlotState } from './state';

/** a meets b in slot 0 and c in slot 3: one break for a, in slots 1–2. */
function stateWithOneBreak() {
  const problem = compileEvent(
    scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [5],
      tables: 2,
      meetings: [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
      ],
    }),
  );
  const state = new SlotState(problem);
  state.place(0, 0);
  state.place(1, 3);
  state.place(2, 1);
  return state;
}

describe('towardsBlock (moves aimed at a break)', () => {
  it('moves a meeting of the participant with a break to an idle slot of its own next to one where it meets', () => {
    const state = stateWithOneBreak();
    expect(Array.from(state.breaks)).toEqual([1, 0, 0, 0]);
    const random = createRandom(3);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const move = towardsBlock(state, new Set([0, 1, 2]), random)!;
      seen.add(`${move.m}->${move.target}`);
    }
    // a's meetings are 0 (slot 0) and 1 (slot 3); a is idle in 1, 2 and 4, each next to a busy slot.
    expect(seen).toEqual(new Set(['0->1', '0->2', '0->4', '1->1', '1->2', '1->4']));
  });

  it('moves only the meetings the search may move', () => {
    const state = stateWithOneBreak();
    const random = createRandom(5);
    for (let i = 0; i < 50; i++) expect(towardsBlock(state, new Set([1, 2]), random)!.m).toBe(1);
  });

  it('proposes nothing when no participant has a break', () => {
    const state = stateWithOneBreak();
    state.remove(1);
    state.place(1, 1);
    expect(state.totalBreaks).toBe(0);
    expect(towardsBlock(state, new Set([0, 1, 2]), createRandom(1))).toBeNull();
  });
});

describe('anneal stopped from elsewhere', () => {
  it('asks now and then with the breaks of its best complete schedule, and stops when told', () => {
    const problem = stateWithOneBreak().problem;
    const state = new SlotState(problem);
    const asked: number[] = [];
    let ticks = 0;
    anneal(state, {
      candidates: [0, 1, 2],
      fairness: 2,
      // A clock that never reaches the deadline: only the answer "settled" can stop the search.
      timer: () => ++ticks,
      deadline: Number.MAX_SAFE_INTEGER,
      seed: 1,
      settledElsewhere: (bestBreaks) => asked.push(bestBreaks) >= 3,
    });
    // Nothing held at first, then the optimum (no break) long before the third question.
    expect(asked).toEqual([Infinity, 0, 0]);
    expect(state.totalBreaks).toBe(0);
    expect([...state.slotOf].every((s) => s >= 0)).toBe(true);
  });
});
