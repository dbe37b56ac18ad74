import { createRandom, pick } from './random';
import type { SlotState } from './state';

export interface AnnealOptions {
  /** Meetings the search may hold; others stay unscheduled. */
  candidates: readonly number[];
  fairness: number;
  deadline: number;
  timer: () => number;
  seed: number;
  /** Stop as soon as the cost reaches this (e.g. a proven lower bound). */
  targetBreaks?: number;
  /** Tables a slot may be overfilled by during the search, at an adaptive price (default 0). */
  tableSlack?: number;
  /** Stop after this many restarts without improvement (default 8). */
  maxFruitlessRestarts?: number;
  /**
   * Asked now and then with the breaks of the best complete schedule so far (every candidate
   * held, fair; Infinity before one): true stops the search, as another solver has answered as well.
   */
  settledElsewhere?: (bestBreaks: number) => boolean;
}

type Op = { kind: 'place' | 'remove'; m: number; s: number };

/** Share of the moves aimed at a participant's break once every candidate is held (the rest are drawn blindly). */
const FOCUSED_SHARE = 0.5;

/**
 * Simulated annealing over slot assignments. Cost, lexicographic through weights: unscheduled
 * weight, then fairness excess, then total breaks (plus the price of overfilled tables). Moves: move a meeting to another slot, swap it
 * with the one meeting that blocks the target slot, or insert an unscheduled meeting ejecting the
 * meetings in its way. Returns the best assignment seen (the state is left holding it).
 */
export function anneal(state: SlotState, opts: AnnealOptions): void {
  const { problem } = state;
  const random = createRandom(opts.seed);
  const bigUnscheduled = problem.nParticipants * problem.nSlots + 1;
  const bigFairness = bigUnscheduled;
  // Strategic oscillation: slots may be overfilled by `tableSlack` tables at a price that rises
  // while the tables overflow and falls while they hold; only table-feasible states are kept.
  const slack = opts.tableSlack ?? 0;
  let overflowPrice = 1;
  state.setTableSlack(slack);
  const cost = () =>
    state.unscheduledWeight * bigUnscheduled +
    Math.max(0, state.breakSpread() - opts.fairness) * bigFairness +
    state.totalBreaks +
    (slack > 0 ? overflowPrice * state.tableOverflow() : 0);
  const candidateSet = new Set(opts.candidates);
  const outsideWeight = problem.meetings.reduce((sum, m, i) => sum + (candidateSet.has(i) ? 0 : m.weight), 0);
  const movable = opts.candidates.filter((m) => problem.meetings[m]!.fixed < 0 || state.slotOf[m]! < 0);
  if (movable.length === 0) return;
  const isMovable = new Set(movable);

  const allHeld = () => state.unscheduledWeight <= outsideWeight + 1e-9;
  const complete = () => allHeld() && state.breakSpread() <= opts.fairness;
  let current = cost();
  let best = current;
  let bestSlots = state.snapshot();
  let bestBreaks = complete() ? state.totalBreaks : Infinity;
  const log: Op[] = [];
  const remove = (m: number) => log.push({ kind: 'remove', m, s: state.remove(m) });
  const place = (m: number, s: number) => {
    state.place(m, s);
    log.push({ kind: 'place', m, s });
  };
  const undo = () => {
    for (let i = log.length - 1; i >= 0; i--) {
      const op = log[i]!;
      if (op.kind === 'place') state.remove(op.m);
      else state.place(op.m, op.s);
    }
    log.length = 0;
  };

  let temperature = 2;
  let iter = 0;
  let sinceImprove = 0;
  let fruitlessRestarts = 0;
  while (true) {
    if ((iter & 1023) === 0) {
      if (opts.timer() >= opts.deadline || opts.settledElsewhere?.(bestBreaks)) break;
      temperature = Math.max(0.05, temperature * 0.97);
      if (slack > 0) {
        overflowPrice = state.tableOverflow() > 0 ? Math.min(5, overflowPrice * 1.1) : Math.max(0.3, overflowPrice * 0.95);
        current = cost();
      }
      if (sinceImprove > 200_000) {
        // Restart from the best solution with a hotter temperature to escape a plateau; give up
        // after a few fruitless restarts so the MILP gets the rest of the budget.
        if (++fruitlessRestarts > (opts.maxFruitlessRestarts ?? 8)) break;
        state.restore(bestSlots);
        current = best;
        temperature = 1.5;
        sinceImprove = 0;
      }
    }
    iter++;
    sinceImprove++;
    // Aimed at breaks only once every candidate is held: before that, the blind moves insert.
    const focused = allHeld() && random() < FOCUSED_SHARE ? towardsBlock(state, isMovable, random) : null;
    const m = focused?.m ?? pick(movable, random);
    const meeting = problem.meetings[m]!;
    const target = focused?.target ?? pick(meeting.allowed, random);
    const from = state.slotOf[m]!;
    if (target === from) continue;
    log.length = 0;
    const ok = from >= 0 ? tryMove(state, m, target, from, remove, place, random) : tryInsert(state, m, target, remove, place, random);
    if (!ok) {
      undo();
      continue;
    }
    const next = cost();
    const delta = next - current;
    if (delta <= 0 || random() < Math.exp(-delta / temperature)) {
      current = next;
      if (current < best && (slack === 0 || state.tableOverflow() === 0)) {
        best = current;
        bestSlots = state.snapshot();
        sinceImprove = 0;
        fruitlessRestarts = 0;
        if (complete()) {
          bestBreaks = state.totalBreaks;
          if (opts.targetBreaks !== undefined && bestBreaks <= opts.targetBreaks) break;
        }
      }
    } else {
      undo();
    }
  }
  state.restore(bestSlots);
  state.setTableSlack(0);
}

type Remove = (m: number) => void;
type Place = (m: number, s: number) => void;

function tryMove(state: SlotState, m: number, target: number, from: number, remove: Remove, place: Place, random: () => number): boolean {
  remove(m);
  if (state.fits(m, target, false)) {
    place(m, target);
    return true;
  }
  const { problem } = state;
  const blockedByParticipant = problem.meetings[m]!.parts.some((q) => state.load[q * problem.nSlots + target]! >= problem.reps[q]!);
  place(m, from);
  if (blockedByParticipant) return kempeSwap(state, m, from, target, remove, place);
  // Only the tables are full: swap with any meeting of the target slot.
  remove(m);
  const members = state.slotMembers[target]!;
  if (members.length === 0) return false;
  const blocker = pick(members, random);
  if (problem.meetings[blocker]!.fixed >= 0 || !problem.meetings[blocker]!.allowed.includes(from)) return false;
  remove(blocker);
  if (!state.fits(m, target, false)) return false;
  place(m, target);
  if (!state.fits(blocker, from, false)) return false;
  place(blocker, from);
  return true;
}

/**
 * Kempe-chain move: the meetings of slots a and b linked to m through shared participants swap
 * slots together, which keeps every participant's load unchanged (the edge-colouring move).
 */
function kempeSwap(state: SlotState, m: number, a: number, b: number, remove: Remove, place: Place): boolean {
  const { problem } = state;
  const chain = [m];
  const seen = new Set(chain);
  for (let i = 0; i < chain.length; i++) {
    const cur = chain[i]!;
    const s = state.slotOf[cur]!;
    const other = s === a ? b : a;
    for (const q of problem.meetings[cur]!.parts) {
      for (const c of state.meetingsAt(q, other)) {
        if (seen.has(c)) continue;
        const meeting = problem.meetings[c]!;
        if (meeting.fixed >= 0 || !meeting.allowed.includes(s)) return false;
        seen.add(c);
        chain.push(c);
      }
    }
    if (chain.length > 40) return false;
  }
  const origin = chain.map((c) => state.slotOf[c]!);
  for (const c of chain) remove(c);
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
    const to = origin[i] === a ? b : a;
    if (!state.fits(c, to, false)) return false;
    place(c, to);
  }
  return true;
}

function tryInsert(state: SlotState, m: number, target: number, remove: Remove, place: Place, random: () => number): boolean {
  const { problem } = state;
  for (const q of problem.meetings[m]!.parts) {
    if (state.load[q * problem.nSlots + target]! >= problem.reps[q]!) {
      const c = pick(state.meetingsAt(q, target), random);
      if (problem.meetings[c]!.fixed >= 0) return false;
      remove(c);
    }
    if (state.held[q]! >= problem.maxMeetings[q]!) {
      const held = problem.meetingsOf[q]!.filter((c) => state.slotOf[c]! >= 0 && problem.meetings[c]!.fixed < 0);
      if (held.length === 0) return false;
      remove(pick(held, random));
    }
  }
  if (state.tableLoad[target]! >= problem.nTables || (!problem.meetings[m]!.hasHost && state.noHostLoad[target]! >= problem.unreservedTables)) {
    const members = state.slotMembers[target]!.filter((c) => problem.meetings[c]!.fixed < 0);
    if (members.length === 0) return false;
    remove(pick(members, random));
  }
  if (!state.fits(m, target, true)) return false;
  place(m, target);
  return true;
}

/**
 * A move aimed at a break: one movable meeting of a participant with a break, sent to an idle slot of
 * that participant next to one where it meets (closing the gap, or growing a block so that
 * another can shrink). Null when no participant has a break or the drawn one has no such move.
 */
export function towardsBlock(state: SlotState, movable: ReadonlySet<number>, random: () => number): { m: number; target: number } | null {
  const { problem } = state;
  const { nSlots, breakRunOfSlot: run } = problem;
  let p = -1;
  let seen = 0;
  for (let q = 0; q < problem.nParticipants; q++) if (state.breaks[q]! > 0 && random() * ++seen < 1) p = q;
  if (p < 0) return null;
  const mine = problem.meetingsOf[p]!.filter((c) => state.slotOf[c]! >= 0 && movable.has(c));
  if (mine.length === 0) return null;
  const m = pick(mine, random);
  const busy = (s: number) => state.load[p * nSlots + s]! > 0;
  const targets = problem.meetings[m]!.allowed.filter(
    (s) => !busy(s) && ((s > 0 && run[s - 1] === run[s] && busy(s - 1)) || (s + 1 < nSlots && run[s + 1] === run[s] && busy(s + 1))),
  );
  return targets.length === 0 ? null : { m, target: pick(targets, random) };
}
