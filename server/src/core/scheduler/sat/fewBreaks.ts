import { Cadical } from 'cadical-wasm';
import type { Problem } from '../problem';
import { addBlock } from './block';
import { Cnf } from './cnf';
import { capBusyBySeats, capSlot, exclusiveGroups, MAX_TABLE_COUNTER_VARIABLES, seatsPerSlot, tableCounterSize } from './seats';

export interface FewBreaksResult {
  /** found: `slots` holds every meeting within the break bound; impossible: proven that no such schedule exists. */
  status: 'found' | 'impossible' | 'unknown';
  slots: Int32Array | null;
  /** Asked with `blame` and proven impossible: the rules the proof needed (see RulesNeeded). */
  needs?: RulesNeeded;
}

/**
 * The rules that a proof of impossibility needed: the participants whose own rules
 * (representatives per slot, break cap), and whether the tables and the required order. Every
 * meeting held in one of its allowed slots is always in. Not always the smallest such set.
 */
export interface RulesNeeded {
  participants: number[];
  tables: boolean;
  order: boolean;
}

/** A family of rules that blame mode puts behind one selector: a participant's own (its index), the tables, the order. */
type RuleFamily = 'tables' | 'order' | number;

interface SatOptions {
  deadline: number;
  timer: () => number;
  /** Asked while solving: true stops the solver early ('unknown'), as when another answer made this one moot. */
  interrupt?: () => boolean;
  /**
   * 'schedules': CaDiCaL stays in its stable mode (the core of its own `--sat` configuration),
   * which finds schedules far sooner on some questions and proves impossibility far later.
   */
  leaning?: 'schedules';
  /** Per participant, a number of breaks it is known to need whatever the others do (eachAlone.ts). */
  fewestEach?: ArrayLike<number>;
  /**
   * Each participant's own rules, the tables and the order switched on by assumptions, so that a
   * proof of impossibility says which it needed (`needs`). Slower to prove: for explanations.
   */
  blame?: boolean;
  /**
   * A schedule to start from, a slot per meeting (-1 when not held), such as the local search's
   * best: CaDiCaL's decisions follow it first (initial phases) and leave it where it breaks a rule.
   */
  startFrom?: ArrayLike<number>;
  /**
   * False leaves out the count of busy participants per slot (`capBusyBySeats`), redundant with
   * the tables: thread.ts asks one lane without it, as a proof is sometimes faster that way.
   */
  busyBySeats?: boolean;
}

/** CaDiCaL's options for the 'schedules' leaning: stable mode only. */
const LEANING_TO_SCHEDULES = { stabilizeonly: 1 } as const;

/**
 * "Can every one of these meetings be held with no participant idle between two of its
 * meetings?", asked of CaDiCaL. On Girona's forum-13 it finds one in 2–3 s where the same
 * question as a MILP (one block per participant) takes HiGHS 9.5 s: clause learning works on the
 * no-gap rule and the blocks directly, where the LP relaxation spreads meetings thinly.
 * Hard rules encoded: one allowed slot per meeting (allowed slots already honour availability,
 * sessions and fixed slots), representatives per participant and slot, tables and unreserved
 * tables per slot, precedences; and no break. Stops at `deadline` ('unknown').
 */
export function scheduleWithoutBreaks(problem: Problem, meetings: readonly number[], opts: SatOptions): Promise<FewBreaksResult> {
  return scheduleWithBreaksAtMost(problem, meetings, { ...opts, maxBreaks: 0, fairness: 0 });
}

/**
 * The same question with at most `maxBreaks` breaks in all, none of which leaves a participant
 * with more than `fairness` breaks. That cap is the fairness bound exactly while `maxBreaks` is
 * below the number of participants (someone then has no break, so the least is 0); above, the
 * answer is 'unknown'. Asked upwards from 0, the first 'found' is an optimal fair schedule and
 * each 'impossible' a lower bound. `maxBreaks: Infinity` leaves the total free (only the cap per
 * participant holds), and `fairness: Infinity` with it asks whether every meeting fits at all.
 */
export async function scheduleWithBreaksAtMost(
  problem: Problem,
  meetings: readonly number[],
  opts: SatOptions & { maxBreaks: number; fairness: number },
): Promise<FewBreaksResult> {
  const unknown: FewBreaksResult = { status: 'unknown', slots: null };
  const impossible: FewBreaksResult = { status: 'impossible', slots: null };
  const groups = exclusiveGroups(problem, meetings);
  if (
    tableCounterSize(problem, groups) > MAX_TABLE_COUNTER_VARIABLES ||
    (opts.maxBreaks > 0 && opts.maxBreaks !== Infinity && opts.maxBreaks >= problem.nParticipants)
  )
    return unknown;
  const solver = await Cadical.create({ quiet: true, ...(opts.leaning === 'schedules' ? LEANING_TO_SCHEDULES : {}) });
  try {
    const cnf = new Cnf(solver);
    const { nSlots, breakRunOfSlot: run } = problem;
    const x = new Map<number, number>(); // m * nSlots + s -> literal
    for (const m of meetings) {
      const literals = problem.meetings[m]!.allowed.map((s) => {
        const v = cnf.newVar();
        x.set(m * nSlots + s, v);
        return v;
      });
      if (literals.length === 0) return impossible;
      cnf.clause(literals);
      cnf.atMostOne(literals);
    }
    const at = (m: number, s: number) => x.get(m * nSlots + s);
    if (opts.startFrom) for (const [key, v] of x) solver.phase(opts.startFrom[Math.floor(key / nSlots)] === key % nSlots ? v : -v);
    // With `blame`, one selector per participant's own rules, one for the tables, one for the order.
    const selectors = new Map<RuleFamily, number>();
    const guarded = (rules: RuleFamily, build: () => void) => {
      if (!opts.blame) return build();
      const selector = cnf.newVar();
      selectors.set(rules, selector);
      cnf.guardedBy(selector, build);
    };
    guarded('tables', () => {
      for (let s = 0; s < nSlots; s++) {
        capSlot(cnf, groups, (m) => at(m, s), problem.nTables);
        capSlot(cnf, groups, (m) => (problem.meetings[m]!.hasHost ? undefined : at(m, s)), problem.unreservedTables);
      }
    });
    const held = new Set(meetings);
    const singleRun = run.every((r) => r === run[0]);
    // Per participant, its breaks in unary (capped at the fairness bound), and the total over these:
    // a counter over two literals per participant instead of every break end solved 104 and 105 of
    // the paper's 120 variants within 10 s instead of 98 and 99 (all six open ones with fixed
    // meetings among the gains).
    const breakCounts: number[] = [];
    const busyInSlot: number[][] = Array.from({ length: nSlots }, () => []);
    // A participant's own rules: false when they cannot hold whatever the others do.
    const ownRules = (p: number, mine: readonly number[]): boolean => {
      const busy = Array.from({ length: nSlots }, (_, s) => {
        const here = mine.flatMap((m) => at(m, s) ?? []);
        if (here.length === 0) return 0;
        cnf.atMost(here, problem.reps[p]!);
        return cnf.or(here);
      });
      busy.forEach((b, s) => b && busyInSlot[s]!.push(b));
      // Redundant but decisive for the solver: with one representative and the day as one run,
      // a participant without breaks is busy over one block exactly as long as its meetings.
      const oneBlock = singleRun && problem.reps[p] === 1;
      if (opts.maxBreaks === 0) {
        forbidGaps(cnf, busy, run);
        return !oneBlock || addBlock(cnf, busy, mine.length, 0);
      }
      if (opts.fairness === Infinity) return true;
      const own = breakIndicators(cnf, busy, run);
      const count = cnf.counted(own, opts.fairness);
      const fewest = opts.fewestEach?.[p] ?? 0;
      if (fewest > count.length) return false;
      for (const atLeast of count.slice(0, fewest)) cnf.clause([atLeast]);
      breakCounts.push(...count);
      if (oneBlock) {
        const withoutBreak = cnf.newVar();
        cnf.clause([...own, withoutBreak]);
        if (!addBlock(cnf, busy, mine.length, withoutBreak)) cnf.clause([-withoutBreak]);
      }
      return true;
    };
    for (let p = 0; p < problem.nParticipants; p++) {
      const mine = problem.meetingsOf[p]!.filter((m) => held.has(m));
      if (mine.length === 0) continue;
      let possible = true;
      guarded(p, () => {
        possible = ownRules(p, mine);
        // Asked with blame, this participant alone is then to blame (its selector must be false).
        if (!possible && opts.blame) cnf.clause([]);
      });
      if (!possible && !opts.blame) return impossible;
    }
    if (opts.maxBreaks !== Infinity) cnf.atMost(breakCounts, opts.maxBreaks);
    // Not when blaming: the count is the tables' rule in another form, outside their selector.
    if (opts.busyBySeats !== false && !opts.blame) capBusyBySeats(cnf, busyInSlot, seatsPerSlot(problem, meetings));
    guarded('order', () => {
      for (const [before, after] of problem.precedences) {
        if (!held.has(before) || !held.has(after)) continue;
        // heldBy[s]: `before` is held in slot s or earlier.
        let heldBy = 0;
        for (let s = 0; s < nSlots; s++) {
          const b = at(after, s);
          if (b) cnf.clause(heldBy ? [-b, heldBy] : [-b]);
          const a = at(before, s);
          if (a) heldBy = cnf.or(heldBy ? [heldBy, a] : [a]);
        }
      }
    });
    solver.setTerminate(() => opts.timer() >= opts.deadline || (opts.interrupt?.() ?? false));
    const status = solver.solve({ assumptions: [...selectors.values()] });
    if (status === 'unsatisfiable') return opts.blame ? { ...impossible, needs: rulesNeeded(solver, selectors) } : impossible;
    if (status !== 'satisfiable') return unknown;
    const slots = new Int32Array(problem.meetings.length).fill(-1);
    for (const [key, v] of x) if (solver.value(v)) slots[Math.floor(key / nSlots)] = key % nSlots;
    return { status: 'found', slots };
  } finally {
    solver.dispose();
  }
}

/**
 * The rules whose selectors the last proof needed, made smaller by asking again without each in
 * turn (CaDiCaL's failed assumptions are a core, not the smallest one) until the deadline.
 */
function rulesNeeded(solver: Cadical, selectors: ReadonlyMap<RuleFamily, number>): RulesNeeded {
  let needed = [...selectors.values()].filter((selector) => solver.failed(selector));
  for (const selector of [...needed]) {
    if (!needed.includes(selector)) continue;
    const without = needed.filter((s) => s !== selector);
    if (solver.solve({ assumptions: without }) === 'unsatisfiable') needed = without.filter((s) => solver.failed(s));
  }
  const kept = new Set(needed);
  const participants = [...selectors].flatMap(([rules, selector]) => (typeof rules === 'number' && kept.has(selector) ? [rules] : []));
  return { participants, tables: kept.has(selectors.get('tables') ?? 0), order: kept.has(selectors.get('order') ?? 0) };
}

/** No idle slot between two busy ones of the same run: busy[s] and not busy[s+1] means nothing later. */
function forbidGaps(cnf: Cnf, busy: readonly number[], run: readonly number[]): void {
  const n = busy.length;
  // later[s]: busy at s or after, within s's run.
  const later = new Array<number>(n + 1).fill(0);
  for (let s = n - 1; s >= 0; s--) {
    const next = s + 1 < n && run[s + 1] === run[s] ? later[s + 1]! : 0;
    later[s] = busy[s] && next ? cnf.or([busy[s]!, next]) : busy[s] || next;
  }
  for (let s = 0; s + 2 < n; s++) {
    if (!busy[s] || !later[s + 2] || run[s] !== run[s + 2]) continue;
    cnf.clause(busy[s + 1] ? [-busy[s]!, busy[s + 1]!, -later[s + 2]!] : [-busy[s]!, -later[s + 2]!]);
  }
}

/**
 * One literal per slot where a break of this participant can end, true exactly when one does
 * (busy here, idle just before, busy earlier in the run): their number is its breaks. Only the
 * "true when" half is needed for the count to bound the breaks, but with the other half the
 * solver cannot spend the budget on breaks that do not exist: on Girona's forum-13crafb it found
 * the optimum (6 breaks) in 6.5 s instead of 25–28 s, and forum-14's (2) in 5–6 s instead of 8–13 s.
 * Not everywhere: on some of the paper's variants the same question took longer (ticf-14crafa with
 * forbidden slots, 2 breaks: 28.5 s instead of 8 s); over the 120, as many are proven within 10 s.
 */
function breakIndicators(cnf: Cnf, busy: readonly number[], run: readonly number[]): number[] {
  const indicators: number[] = [];
  // earlier[s]: busy at s or before, within s's run.
  const earlier: number[] = [];
  for (let s = 0; s < busy.length; s++) {
    const before = s > 0 && run[s - 1] === run[s] ? earlier[s - 1]! : 0;
    earlier[s] = busy[s] && before ? cnf.or([busy[s]!, before]) : busy[s] || before;
    if (s < 2 || !busy[s] || run[s - 2] !== run[s] || !earlier[s - 2]) continue;
    const ends = cnf.newVar();
    cnf.clause(busy[s - 1] ? [-busy[s]!, busy[s - 1]!, -earlier[s - 2]!, ends] : [-busy[s]!, -earlier[s - 2]!, ends]);
    cnf.clause([-ends, busy[s]!]);
    if (busy[s - 1]) cnf.clause([-ends, -busy[s - 1]!]);
    cnf.clause([-ends, earlier[s - 2]!]);
    indicators.push(ends);
  }
  return indicators;
}
