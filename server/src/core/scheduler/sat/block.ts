import type { Cnf } from './cnf';

/**
 * Exactly one block of `length` consecutive busy slots, when `when` holds (always when 0);
 * false when there is no room for one. Its start is one literal per slot where it can begin,
 * and also in order: "begins at slot t or later" per slot (`beginsFrom`).
 */
export function addBlock(cnf: Cnf, busy: readonly number[], length: number, when: number): boolean {
  // startAt[a]: the block begins at slot a (0 where it cannot, over a slot where this participant never meets).
  const startAt = Array.from({ length: Math.max(0, busy.length - length + 1) }, (_, a) => (busy.slice(a, a + length).every((b) => b) ? cnf.newVar() : 0));
  const starts = startAt.filter((start) => start !== 0);
  if (starts.length === 0) return false;
  const unless = when ? [-when] : [];
  cnf.clause([...unless, ...starts]);
  cnf.atMostOne(starts);
  for (const start of when ? starts : []) cnf.clause([-start, when]);
  busy.forEach((b, s) => {
    if (!b) return;
    const covering = startAt.slice(Math.max(0, s - length + 1), s + 1).filter((start) => start !== 0);
    cnf.clause([...unless, -b, ...covering]);
    for (const start of covering) cnf.clause([-start, b]);
  });
  beginsFrom(cnf, busy, length, startAt, unless);
  return true;
}

/**
 * The block's start in order, beside its one literal per start: from[t] true when it begins at
 * slot t or later. A meeting in slot s then rules out, in two binary clauses, every start after s
 * and every start too early to reach s, and the solver can learn "begins at t or later" instead
 * of one start at a time: with it, 106 of the paper's 120 variants were solved within 10 s in
 * two runs instead of 104 and 105 (tic-14crafc with forbidden slots at 0.3 %, and tic-13crafc
 * with 15 % precedences, both at the bound).
 */
function beginsFrom(cnf: Cnf, busy: readonly number[], length: number, startAt: readonly number[], unless: readonly number[]): void {
  const last = startAt.length - 1;
  // from[0] is always true and from[last + 1] always false: no literal for either.
  const from = startAt.map((_, t) => (t === 0 ? 0 : cnf.newVar()));
  const atLeast = (t: number) => (t >= 1 && t <= last ? from[t]! : 0);
  for (let t = 1; t < last; t++) cnf.clause([-from[t + 1]!, from[t]!]);
  startAt.forEach((start, a) => {
    if (start && atLeast(a)) cnf.clause([-start, atLeast(a)]);
    if (start && atLeast(a + 1)) cnf.clause([-start, -atLeast(a + 1)]);
    // Beginning at a or later, and not after a, is beginning at a.
    cnf.clause([...unless, ...(atLeast(a) ? [-atLeast(a)] : []), ...(atLeast(a + 1) ? [atLeast(a + 1)] : []), ...(start ? [start] : [])]);
  });
  busy.forEach((b, s) => {
    if (!b) return;
    if (atLeast(s + 1)) cnf.clause([...unless, -b, -atLeast(s + 1)]);
    if (atLeast(s - length + 1)) cnf.clause([...unless, -b, atLeast(s - length + 1)]);
  });
}
