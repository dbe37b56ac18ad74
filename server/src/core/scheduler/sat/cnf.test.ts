import { Cadical } from 'cadical-wasm';
import { describe, expect, it } from 'vitest';
import { everyAssignment } from '../exhaustive';
import { Cnf } from './cnf';

describe('Cnf.counted: at most k of the literals, and their number in unary', () => {
  it('allows exactly the assignments with at most k true, and its j-th output holds whenever more than j are', async () => {
    for (const n of [1, 3, 5]) {
      for (const k of [0, 1, 2, 4, 6]) {
        const solver = await Cadical.create({ quiet: true });
        try {
          const cnf = new Cnf(solver);
          const inputs = Array.from({ length: n }, () => cnf.newVar());
          const outputs = cnf.counted(inputs, k);
          expect(outputs).toHaveLength(Math.min(k, n));
          for (const assumed of everyAssignment(inputs)) {
            const trueCount = assumed.filter((lit) => lit > 0).length;
            expect(solver.solve({ assumptions: assumed }), `n=${n} k=${k} ${assumed}`).toBe(trueCount <= k ? 'satisfiable' : 'unsatisfiable');
            // Output j can be false exactly when at most j inputs are true: the count forces it true, never false.
            for (const [j, out] of outputs.entries()) {
              const canBeFalse = solver.solve({ assumptions: [...assumed, -out] }) === 'satisfiable';
              expect(canBeFalse, `n=${n} k=${k} ${assumed} output ${j}`).toBe(trueCount <= k && trueCount <= j);
            }
          }
        } finally {
          solver.dispose();
        }
      }
    }
  });
});

describe('Cnf.guardedBy: clauses that hold only under a selector', () => {
  it('binds the clauses while the selector is assumed, and a proof of impossibility names the selectors it needed', async () => {
    const solver = await Cadical.create({ quiet: true });
    try {
      const cnf = new Cnf(solver);
      const [x, first, second, unrelated] = [cnf.newVar(), cnf.newVar(), cnf.newVar(), cnf.newVar()];
      cnf.guardedBy(first, () => cnf.clause([x]));
      cnf.guardedBy(second, () => cnf.clause([-x]));
      cnf.guardedBy(unrelated, () => cnf.clause([cnf.newVar()]));
      expect(solver.solve({ assumptions: [first, unrelated] })).toBe('satisfiable');
      expect(solver.value(x)).toBe(true);
      expect(solver.solve({ assumptions: [first, second, unrelated] })).toBe('unsatisfiable');
      expect([first, second, unrelated].filter((s) => solver.failed(s))).toEqual([first, second]);
      // Outside guardedBy, clauses hold unconditionally again.
      cnf.clause([x]);
      expect(solver.solve({ assumptions: [second] })).toBe('unsatisfiable');
    } finally {
      solver.dispose();
    }
  });
});
