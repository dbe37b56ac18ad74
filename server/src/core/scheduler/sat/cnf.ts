import type { Cadical } from 'cadical-wasm';

/**
 * Clause-building helpers over a CaDiCaL solver. Literals are DIMACS integers (v or -v); the
 * cardinality encodings are the usual ones: pairwise or sequential at-most-one, and Sinz's
 * sequential counter for at-most-k, both arc-consistent under unit propagation.
 */
export class Cnf {
  /** While set, every clause holds only when this literal is true (see `guardedBy`). */
  private guard = 0;

  constructor(readonly solver: Cadical) {}

  newVar(): number {
    return this.solver.newVar();
  }

  clause(literals: readonly number[]): void {
    this.solver.addClause(this.guard ? [...literals, -this.guard] : literals);
  }

  /**
   * The clauses that `build` adds hold only while `selector` is true. Solved with the selectors
   * as assumptions, a proof of impossibility then names the ones it needed (`failed`): which
   * rules, of which firms, make a question impossible.
   */
  guardedBy(selector: number, build: () => void): void {
    const outer = this.guard;
    this.guard = selector;
    try {
      build();
    } finally {
      this.guard = outer;
    }
  }

  atMostOne(literals: readonly number[]): void {
    if (literals.length <= 6) {
      for (let i = 0; i < literals.length; i++) for (let j = i + 1; j < literals.length; j++) this.clause([-literals[i]!, -literals[j]!]);
      return;
    }
    // "Some literal up to i is true" registers: 3n clauses instead of n²/2.
    let seen = 0;
    for (const [i, lit] of literals.entries()) {
      if (i > 0) this.clause([-lit, -seen]);
      if (i === literals.length - 1) break;
      const next = this.newVar();
      this.clause([-lit, next]);
      if (i > 0) this.clause([-seen, next]);
      seen = next;
    }
  }

  atMost(literals: readonly number[], k: number): void {
    if (literals.length <= k) return;
    if (k === 1) return this.atMostOne(literals);
    this.counted(literals, k);
  }

  /**
   * At most `k` of the literals (Sinz's counter), and their number in unary: the j-th literal
   * returned is true whenever more than j of them are, up to min(k, literals) of them.
   */
  counted(literals: readonly number[], k: number): number[] {
    const width = Math.min(k, literals.length);
    if (width === 0) {
      for (const lit of literals) this.clause([-lit]);
      return [];
    }
    // counts[j] true when at least j + 1 of the literals so far are true.
    let counts: number[] = [];
    for (const [i, lit] of literals.entries()) {
      const next = Array.from({ length: width }, () => this.newVar());
      this.clause([-lit, next[0]!]);
      if (i > 0) {
        for (let j = 0; j < width; j++) this.clause([-counts[j]!, next[j]!]);
        for (let j = 1; j < width; j++) this.clause([-lit, -counts[j - 1]!, next[j]!]);
        if (width === k) this.clause([-lit, -counts[k - 1]!]);
      }
      counts = next;
    }
    return counts;
  }

  /** A fresh literal equivalent to the disjunction (the literal itself when there is one). */
  or(literals: readonly number[]): number {
    if (literals.length === 1) return literals[0]!;
    const v = this.newVar();
    for (const lit of literals) this.clause([-lit, v]);
    this.clause([-v, ...literals]);
    return v;
  }
}
