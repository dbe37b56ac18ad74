import { Cadical } from 'cadical-wasm';
import { describe, expect, it } from 'vitest';
import { everyAssignment } from '../exhaustive';
import { addBlock } from './block';
import { Cnf } from './cnf';

/** Whether the busy slots (true) form exactly one run of `length`. */
const oneRunOf = (busy: readonly boolean[], length: number) => {
  const first = busy.indexOf(true);
  return first >= 0 && busy.slice(first, first + length).every(Boolean) && busy.filter(Boolean).length === length;
};

describe('addBlock: busy over exactly one block of consecutive slots', () => {
  it('allows exactly the busy patterns that are one block of the length, when its condition holds, and any pattern when not', async () => {
    // Slot patterns: 1 where the participant may meet, 0 where it never does (no literal).
    for (const pattern of ['1', '111', '11011', '111111', '1110111', '0111110']) {
      for (let length = 1; length <= pattern.length + 2; length++) {
        for (const conditional of [false, true]) {
          const solver = await Cadical.create({ quiet: true });
          try {
            const cnf = new Cnf(solver);
            const busy = [...pattern].map((c) => (c === '1' ? cnf.newVar() : 0));
            const when = conditional ? cnf.newVar() : 0;
            const room = addBlock(cnf, busy, length, when);
            const inputs = busy.filter((b) => b !== 0);
            const hasRoom = [...pattern].some((_, a) => a + length <= pattern.length && pattern.slice(a, a + length) === '1'.repeat(length));
            expect(room, `${pattern} length ${length}`).toBe(hasRoom);
            if (!room) continue;
            for (const assumed of everyAssignment(inputs)) {
              const isBusy = busy.map((b) => b !== 0 && assumed.includes(b));
              const expected = oneRunOf(isBusy, length) ? 'satisfiable' : 'unsatisfiable';
              const withBlock = conditional ? [...assumed, when] : assumed;
              expect(solver.solve({ assumptions: withBlock }), `${pattern} length ${length} ${assumed}`).toBe(expected);
              if (conditional) expect(solver.solve({ assumptions: [...assumed, -when] }), `${pattern} length ${length} ${assumed} without`).toBe('satisfiable');
            }
          } finally {
            solver.dispose();
          }
        }
      }
    }
  });
});
