import type { Problem } from '../problem';
import { ModelBuilder } from './builder';
import { worthRunning } from './budget';
import { enumeratePatterns } from './patterns';

/** Per participant, above this many busy patterns the gap formulation is used instead. */
const MAX_PATTERNS_PER_PARTICIPANT = 4000;

/** What the break-minimising model is built from. */
export interface SlotModelInput {
  problem: Problem;
  /** Meetings that must all be held. */
  meetings: readonly number[];
  fairness: number;
  /** Meetings pinned to one slot (large-neighbourhood search frees only the others). */
  pinned?: ReadonlyMap<number, number>;
  /** Cap on every participant's breaks (e.g. 0 to ask "is a schedule without breaks possible?"). */
  breakCap?: number;
  /** Seconds to the hard deadline: a model too large to answer by then is not built further. */
  secondsLeft?: () => number;
  /** All or nothing: no other way to an answer, so the model is built whatever its size. */
  onlyWayToAnswer?: boolean;
}

export interface SlotModel {
  builder: ModelBuilder;
  /** The column of meeting m in slot s, under the key m * nSlots + s. */
  x: Map<number, number>;
  /** How each auxiliary column follows from x, in creation order, to complete a warm start. */
  derive: Map<number, (v: Float64Array) => number>;
}

/**
 * Break-minimising slot assignment as a MILP: x[m,s] = meeting m in slot s; busy[p,s] (the sum of
 * x for single-representative firms); gap[p,s] >= busy[p,s] - busy[p,s+1] + later[p,s+2] - 1 marks a
 * break starting after s, where later[p,t] >= busy[p,t'] for t' >= t in the same session. Breaks are
 * minimised, so gap and later settle at their exact values; fairness caps every participant's
 * breaks at min + d, with the exact min when no participant is structurally at zero breaks.
 * Null when the model is too large to answer in the time left (`secondsLeft`).
 */
export function buildSlotModel(input: SlotModelInput): SlotModel | null {
  const { problem } = input;
  const fairness = Math.min(input.fairness, input.breakCap ?? Infinity);
  const { nSlots, breakRunOfSlot: sessionOfSlot } = problem;
  const b = new ModelBuilder();
  const x = new Map<number, number>();
  const held = new Set(input.meetings);
  const derive = new Map<number, (v: Float64Array) => number>();
  for (const m of input.meetings) {
    const pin = input.pinned?.get(m);
    const cols = (pin === undefined ? problem.meetings[m]!.allowed : [pin]).map((s) => {
      const v = b.addBinary();
      x.set(m * nSlots + s, v);
      return [v, 1] as const;
    });
    b.addRow(cols, 1, 1);
  }
  // Precedence a -> b (a strictly earlier): b held by slot t only if a was held before t.
  for (const [a, bm] of problem.precedences) {
    if (!held.has(a) || !held.has(bm)) continue;
    const byT: [number, number][] = [];
    const before: [number, number][] = [];
    for (let t = 0; t < nSlots; t++) {
      const xa = x.get(a * nSlots + (t - 1));
      if (t > 0 && xa !== undefined) before.push([xa, -1]);
      const xb = x.get(bm * nSlots + t);
      if (xb !== undefined) byT.push([xb, 1]);
      if (xb !== undefined) b.addRow([...byT, ...before], -Infinity, 0);
    }
  }
  const slotTerms = Array.from({ length: nSlots }, () => [] as [number, number][]);
  const noHostTerms = Array.from({ length: nSlots }, () => [] as [number, number][]);
  for (const [key, v] of x) {
    const m = Math.floor(key / nSlots);
    const s = key % nSlots;
    slotTerms[s]!.push([v, 1]);
    if (!problem.meetings[m]!.hasHost) noHostTerms[s]!.push([v, 1]);
  }
  for (let s = 0; s < nSlots; s++) {
    if (slotTerms[s]!.length > problem.nTables) b.addRow(slotTerms[s]!, 0, problem.nTables);
    if (noHostTerms[s]!.length > problem.unreservedTables) b.addRow(noHostTerms[s]!, 0, problem.unreservedTables);
  }
  // busy[p][s]: a column, or null when p can never meet at s.
  const breakTerms: [number, number][][] = [];
  const meetingCount = (p: number) => problem.meetingsOf[p]!.filter((m) => held.has(m)).length;
  // With a participant at zero breaks (at most one meeting), fairness is just breaks <= d, which
  // lower-bounded gap columns honour; otherwise the gap columns are pinned to exact values.
  const anyZero = Array.from({ length: problem.nParticipants }, (_, p) => meetingCount(p) <= 1).some(Boolean);
  for (let p = 0; p < problem.nParticipants; p++) {
    if (input.secondsLeft && !worthRunning(b.numNonzeros, input.secondsLeft(), input.onlyWayToAnswer)) return null;
    const mine = problem.meetingsOf[p]!.filter((m) => held.has(m));
    const busy: (number | null)[] = [];
    for (let s = 0; s < nSlots; s++) {
      const terms = mine.flatMap((m) => (x.has(m * nSlots + s) ? [[x.get(m * nSlots + s)!, 1] as [number, number]] : []));
      if (terms.length === 0) {
        busy.push(null);
        continue;
      }
      const reps = problem.reps[p]!;
      if (reps === 1 && terms.length === 1) {
        busy.push(terms[0]![0]);
        continue;
      }
      const y = b.addBinary();
      busy.push(y);
      derive.set(y, (v) => (terms.some(([c]) => v[c]! > 0.5) ? 1 : 0));
      if (reps === 1) b.addRow([...terms, [y, -1]], 0, 0);
      else {
        for (const [v] of terms)
          b.addRow(
            [
              [y, 1],
              [v, -1],
            ],
            0,
            Infinity,
          );
        b.addRow([...terms, [y, -1]], 0, Infinity);
        b.addRow(terms, 0, reps);
      }
    }
    if (mine.length <= 1) {
      breakTerms.push([]);
      continue;
    }
    const patterns =
      problem.reps[p] === 1
        ? enumeratePatterns(
            mine.length,
            busy.map((c) => c !== null),
            sessionOfSlot,
            anyZero ? fairness : Math.min(nSlots, input.breakCap ?? nSlots),
            MAX_PATTERNS_PER_PARTICIPANT,
          )
        : null;
    breakTerms.push(patterns ? addPatternColumns(b, busy, patterns, derive) : addGapColumns(b, busy, sessionOfSlot, derive, !anyZero));
  }
  const breakExpr = breakTerms;
  if (anyZero) {
    for (const terms of breakExpr) if (terms.reduce((sum, [, c]) => sum + c, 0) > fairness) b.addRow(terms, 0, fairness);
  } else {
    // Every participant may have breaks: keep max - min <= d with a "min" column.
    const low = b.addVar(0, 0, nSlots, false);
    derive.set(low, (v) => Math.min(...breakExpr.map((t) => t.reduce((sum, [col, c]) => sum + c * v[col]!, 0))));
    for (const terms of breakExpr) {
      b.addRow([...terms, [low, -1]], 0, fairness);
    }
  }
  if (input.breakCap !== undefined && !anyZero) {
    for (const terms of breakExpr) if (terms.length > 0) b.addRow(terms, 0, input.breakCap);
  }
  for (const terms of breakExpr) for (const [v, c] of terms) b.cost[v] = c;
  return { builder: b, x, derive };
}

/**
 * One weight per busy pattern (sum 1), linked slot by slot to the participant's busy column.
 * Weights may stay continuous: an integral busy vector is a single pattern.
 */
function addPatternColumns(
  b: ModelBuilder,
  busy: (number | null)[],
  patterns: readonly { slots: number[]; breaks: number }[],
  derive: Map<number, (v: Float64Array) => number>,
): [number, number][] {
  const link = busy.map((c) => (c === null ? null : ([[c, 1]] as [number, number][])));
  const pick: [number, number][] = [];
  const terms: [number, number][] = [];
  for (const pattern of patterns) {
    const w = b.addVar(0, 0, 1, false);
    const inPattern = new Set(pattern.slots);
    derive.set(w, (v) => (busy.every((c, s) => c === null || v[c]! > 0.5 === inPattern.has(s)) ? 1 : 0));
    pick.push([w, 1]);
    for (const s of pattern.slots) link[s]!.push([w, -1]);
    if (pattern.breaks > 0) terms.push([w, pattern.breaks]);
  }
  b.addRow(pick, 1, 1);
  for (const row of link) if (row) b.addRow(row, 0, 0);
  return terms;
}

/**
 * gap[s] >= busy[s] - busy[s+1] + later[s+2] - 1 where later[t] >= busy[t'] for t' >= t in the
 * same session. Returns the gap columns (their sum is the participant's break count).
 */
function addGapColumns(
  b: ModelBuilder,
  busy: (number | null)[],
  sessionOfSlot: readonly number[],
  derive: Map<number, (v: Float64Array) => number>,
  exact: boolean,
): [number, number][] {
  const n = busy.length;
  const later: (number | null)[] = new Array(n + 1).fill(null);
  for (let t = n - 1; t >= 0; t--) {
    const sameSessionNext = t + 1 < n && sessionOfSlot[t + 1] === sessionOfSlot[t] ? later[t + 1]! : null;
    const own = busy[t]!;
    if (own === null && sameSessionNext === null) continue;
    if (own !== null && sameSessionNext === null) {
      later[t] = own;
      continue;
    }
    if (own === null) {
      later[t] = sameSessionNext;
      continue;
    }
    const v = b.addVar(0, 0, 1, false);
    b.addRow(
      [
        [v, 1],
        [own, -1],
      ],
      0,
      Infinity,
    );
    const next = sameSessionNext!;
    b.addRow(
      [
        [v, 1],
        [next, -1],
      ],
      0,
      Infinity,
    );
    derive.set(v, (vals) => Math.max(vals[own]!, vals[next]!));
    if (exact)
      b.addRow(
        [
          [v, 1],
          [own, -1],
          [next, -1],
        ],
        -Infinity,
        0,
      );
    later[t] = v;
  }
  const gaps: [number, number][] = [];
  for (let s = 0; s + 2 < n; s++) {
    const here = busy[s];
    const laterCol = later[s + 2];
    if (here === null || here === undefined || laterCol === null || laterCol === undefined) continue;
    if (sessionOfSlot[s] !== sessionOfSlot[s + 2]) continue;
    const next = busy[s + 1];
    const g = b.addVar(0, 0, 1, false);
    const terms: [number, number][] = [
      [g, 1],
      [here, -1],
      [laterCol, -1],
    ];
    if (next !== null && next !== undefined) terms.push([next, 1]);
    b.addRow(terms, -1, Infinity);
    if (exact) {
      b.addRow(
        [
          [g, 1],
          [here, -1],
        ],
        -Infinity,
        0,
      );
      b.addRow(
        [
          [g, 1],
          [laterCol, -1],
        ],
        -Infinity,
        0,
      );
      if (next != null)
        b.addRow(
          [
            [g, 1],
            [next, 1],
          ],
          -Infinity,
          1,
        );
    }
    derive.set(g, (v) => Math.max(0, v[here]! - (next != null ? v[next]! : 0) + v[laterCol]! - 1));
    gaps.push([g, 1]);
  }
  return gaps;
}
