import { checkSchedule } from './check';
import { SchedulingError } from './errors';
import type { SchedulingEvent } from './event-format';
import { anneal } from './heuristic/anneal';
import { constructSchedule } from './heuristic/construct';
import { participantCapacity } from './heuristic/greedySelection';
import type { SlotState } from './heuristic/state';
import { prepareSolverThread, raiseBoundOnThread } from './milp/on-thread';
import { selectRequests } from './milp/selection';
import { solveSlotMilp } from './milp/slotModel';
import { preflight } from './preflight';
import { searchFewestBreaksInBackground, type BackgroundBreakBound, type BreakBound } from './sat/background';
import { explainInfeasibility, holdEveryMeetingFairly } from './sat/everyMeeting';
import { scheduleWithoutBreaks } from './sat/fewBreaks';
import { compileEvent, type Problem } from './problem';
import { buildResult } from './result';
import { assignTables, improveTableChanges } from './tables';
import type { SchedulingFailure, ScheduleResult, SolveMethod, SolveOptions, UnscheduledReason } from './types';

/** Above this many x[meeting, slot] columns the break MILP is skipped (local search only). */
const MAX_SLOT_MILP_COLUMNS = 12_000;
/** Share of the time left that the SAT solver may take to look for a schedule without breaks. */
const SAT_SHARE = 0.5;
/** From this many columns, the SAT solver gets threads of its own (smaller events are answered before a thread starts). */
const SAT_THREAD_MIN_COLUMNS = 500;
/** Length of one local-search run of the portfolio. */
const RUN_MS = 2000;

/**
 * Schedules an event. Lexicographic objective: (1) total weight held, then max-min meetings of
 * requesters, when requests exceed capacity; (2) fewest breaks under the fairness bound; (3) fewest
 * table changes. A local search gives a schedule fast; HiGHS then improves it and proves bounds
 * within the time budget. `stats.optimal` is true only when every level is proven.
 */
export async function solveSchedule(event: SchedulingEvent, options: SolveOptions): Promise<ScheduleResult> {
  const result = await solveUnchecked(event, options);
  return guardResult(event, result, options.fairness ?? 2);
}

/**
 * The last gate: a schedule that fails the independent check is never returned. Fairness is a hard
 * rule when every request must be held (the paper's problem); otherwise it is reported in the stats.
 */
export function guardResult(event: SchedulingEvent, result: ScheduleResult, fairness: number): ScheduleResult {
  if (result.status !== 'scheduled') return result;
  const check = checkSchedule(event, result, event.mustScheduleAll ? fairness : Infinity);
  if (check.totalBreaks !== result.stats.totalBreaks) {
    check.violations.push({ code: 'break_count', message: `Breaks recounted ${check.totalBreaks}, solver said ${result.stats.totalBreaks}` });
  }
  if (check.violations.length === 0) return result;
  return {
    status: 'infeasible',
    failure: {
      code: 'schedule_check_failed',
      message: `The schedule found breaks a rule, so it is not returned: ${check.violations
        .slice(0, 3)
        .map((v) => v.message)
        .join('; ')}`,
      details: { violations: check.violations.slice(0, 20).map((v) => `${v.code}: ${v.message}`) },
      proven: false,
    },
  };
}

async function solveUnchecked(event: SchedulingEvent, options: SolveOptions): Promise<ScheduleResult> {
  const timer = options.timer ?? (() => performance.now());
  const started = timer();
  // Keep a margin for table assignment and the result, so the whole call fits the budget.
  const deadline = started + options.timeLimitSeconds * 1000 * 0.97 - 150;
  let problem: Problem;
  try {
    problem = compileEvent(event);
    preflight(problem, event.mustScheduleAll);
  } catch (error) {
    if (error instanceof SchedulingError) return { status: 'infeasible', failure: error.toFailure() };
    throw error;
  }
  const eligible = problem.meetings.flatMap((m, i) => (m.allowed.length > 0 ? [i] : []));
  const columns = eligible.reduce((sum, m) => sum + problem.meetings[m]!.allowed.length, 0);
  const milpAllowed = !options.heuristicOnly && columns <= MAX_SLOT_MILP_COLUMNS;
  // Started before the local search, which holds the event loop, and loaded while it runs (HiGHS takes a few tenths of a second).
  if (!options.heuristicOnly) await prepareSolverThread();
  // Every request held is the only answer: the fewest-breaks question is known from the start,
  // and the SAT solver takes it on, on two threads, for the whole budget.
  const background =
    event.mustScheduleAll && milpAllowed && columns >= SAT_THREAD_MIN_COLUMNS
      ? await searchFewestBreaksInBackground(problem, eligible, options.fairness ?? 2, Math.max(0, deadline - timer()))
      : null;
  // Their question's LP relaxation on the HiGHS thread, which hands its bound straight to them.
  const relaxation = new AbortController();
  if (background) {
    const input = { problem, meetings: eligible, fairness: options.fairness ?? 2 };
    void raiseBoundOnThread(input, background.sharedBound, (deadline - timer()) / 2, relaxation.signal).then(() => background.boundRaised());
  }
  try {
    return await solveCompiled(event, problem, options, { timer, started, deadline, eligible, milpAllowed, background });
  } finally {
    relaxation.abort();
    await background?.stop();
  }
}

async function solveCompiled(
  event: SchedulingEvent,
  problem: Problem,
  options: SolveOptions,
  ctx: {
    timer: () => number;
    started: number;
    deadline: number;
    eligible: number[];
    milpAllowed: boolean;
    background: BackgroundBreakBound | null;
  },
): Promise<ScheduleResult> {
  const { timer, started, deadline, eligible, milpAllowed, background } = ctx;
  const fairness = options.fairness ?? 2;
  const seed = options.seed ?? 1;
  const remaining = () => Math.max(0, (deadline - timer()) / 1000);
  const eligibleWeight = eligible.reduce((sum, m) => sum + problem.meetings[m]!.weight, 0);
  const totalWeight = problem.meetings.reduce((sum, m) => sum + m.weight, 0);
  const ineligibleWeight = totalWeight - eligibleWeight;

  // Level 0: can everything be held? The local search tries, spending at most 40 % of the budget,
  // unless capacities show at once that it cannot.
  let state = constructSchedule(problem, eligible);
  // The threads' question is this level's too (every eligible meeting, fairly): their answer ends the search.
  const settledByThread = background ? (bestBreaks: number) => background.settles(bestBreaks) : undefined;
  const annealFor = (s: SlotState, candidates: readonly number[], share: number) =>
    anneal(s, { candidates, fairness, deadline: timer() + remaining() * 1000 * share, timer, seed, targetBreaks: 0, settledElsewhere: settledByThread });
  if (!obviouslyOversubscribed(problem, eligible)) {
    const deadline = timer() + remaining() * 400;
    state = portfolio(problem, eligible, state, { fairness, timer, seed, deadline, maxRuns: 1, settledElsewhere: settledByThread });
  }
  let method: SolveMethod = 'heuristic';
  if (background?.settles(Infinity)) {
    // The threads found an optimal schedule while the search ran.
    const { slots } = await background.waitUntil((bound) => bound.done, remaining() * 1000);
    if (slots) {
      state.restore(slots);
      method = 'sat';
    }
  }
  let allHeld = state.unscheduledWeight <= ineligibleWeight + 1e-9;
  let weightProven = allHeld;
  let weightBound = eligibleWeight;
  let minMeetingsProven = allHeld;

  const fair = () => state.breakSpread() <= fairness;
  // A schedule holding every request fairly, from a solver that answers feasibility, not breaks:
  // the local search takes it on from there.
  const takeWholeSchedule = (slots: Int32Array, by: SolveMethod) => {
    state.restore(slots);
    allHeld = true;
    method = by;
    weightProven = minMeetingsProven = true;
    annealFor(state, eligible, 0.3);
  };
  if ((!allHeld || !fair()) && event.mustScheduleAll && milpAllowed) {
    // Girona semantics: all requests or nothing, under the fairness bound. The SAT solver is asked
    // first, with half the time left, starting from the local search's best; then the MILP (below).
    const sat = await holdEveryMeetingFairly(problem, eligible, fairness, {
      timer,
      deadline: timer() + remaining() * 1000 * SAT_SHARE,
      explainBy: deadline,
      startFrom: state.snapshot(),
    });
    if (sat.status === 'infeasible') return infeasible(sat.code, sat.message, true, sat.details);
    if (sat.status === 'found') takeWholeSchedule(sat.slots, 'sat');
  }
  if ((!allHeld || !fair()) && event.mustScheduleAll) {
    // Ask the MILP for a full schedule; when it proves there is none, ask again without fairness to
    // say which rule blocks, and CaDiCaL which firms.
    if (milpAllowed) {
      const r = await solveSlotMilp({ problem, meetings: eligible, fairness, timeLimitSeconds: remaining(), secondsLeft: remaining, onlyWayToAnswer: true });
      if (r.slots) takeWholeSchedule(r.slots, 'milp');
      else if (r.infeasible) {
        const loose =
          remaining() > 0.3
            ? await solveSlotMilp({
                problem,
                meetings: eligible,
                fairness: problem.nSlots,
                timeLimitSeconds: remaining(),
                secondsLeft: remaining,
                onlyWayToAnswer: true,
              })
            : null;
        const blocks = loose?.slots ? 'fairness' : loose?.infeasible ? 'requests' : 'requests under fairness';
        // CaDiCaL could not decide within its share, but it may still name what the MILP's proof needs.
        const why = await explainInfeasibility(problem, eligible, { fairness, blocks, provenBy: 'the MILP' }, { timer, deadline });
        return infeasible(why.code, why.message, true, why.details);
      }
    }
    if ((!allHeld || !fair()) && background) {
      // The threads ask the same question: until the deadline, a schedule from them is still an answer.
      const { slots } = await background.waitUntil((bound) => bound.slots !== null, remaining() * 1000);
      if (slots) takeWholeSchedule(slots, 'sat');
    }
    if (!allHeld || !fair())
      return infeasible(
        'unknown_within_time_limit',
        'Unknown within the time limit: no schedule holding every request under the fairness bound was found, and none was proven impossible',
        false,
      );
  }

  if (!allHeld) {
    // Level 1: choose requests on the aggregated MILP, then place them.
    const selection = options.heuristicOnly ? null : await selectRequests(problem, remaining() * 0.5, remaining);
    const candidates = selection && selection.chosen.length > 0 ? selection.chosen : eligible;
    const placed = constructSchedule(problem, candidates);
    annealFor(placed, candidates, 0.5);
    insertGreedily(placed, eligible);
    // The selection decides (it also honours minimum meetings); without one, keep the better.
    if (selection || placed.unscheduledWeight <= state.unscheduledWeight) state = placed;
    if (selection) {
      method = 'milp';
      weightBound = selection.weightBound;
      const heldWeight = totalWeight - state.unscheduledWeight;
      weightProven = selection.weightOptimal && heldWeight >= selection.weightBound - 1e-6;
      minMeetingsProven = weightProven && selection.minMeetingsOptimal && holdsExactly(state, selection.chosen);
    }
  }

  // Level 2: fewer breaks on the held meetings, proven by the MILP when the model is small enough.
  const held = eligible.filter((m) => state.slotOf[m]! >= 0);
  let breaksLowerBound = state.totalBreaks === 0 ? 0 : -Infinity;
  // The threads' question was asked of every eligible meeting: their answer holds when all are held.
  const thread = background && held.length === eligible.length ? background : null;
  // The search stops once the threads have an optimal schedule or have proven the search's best optimal.
  const settledElsewhere = thread ? (bestBreaks: number) => thread.settles(Math.min(bestBreaks, state.totalBreaks)) : undefined;
  // A SAT answer: a proven lower bound, and a schedule at that bound when one was found.
  const takeSat = ({ lowerBound, slots }: Pick<BreakBound, 'lowerBound' | 'slots'>) => {
    breaksLowerBound = Math.max(breaksLowerBound, lowerBound);
    if (!slots || state.totalBreaks <= lowerBound) return;
    const before = state.snapshot();
    const breaksBefore = state.totalBreaks;
    state.restore(slots);
    if (state.totalBreaks < breaksBefore && state.breakSpread() <= fairness) method = 'sat';
    else state.restore(before);
  };
  if (thread) takeSat(thread.latest());
  else if (state.totalBreaks > 0 && milpAllowed && remaining() > 0.2) {
    // Is a schedule without any break possible? Asked of the SAT solver first: it answers in
    // seconds where the MILP below needs more, and a proof of "no" gives the lower bound 1.
    const zero = await scheduleWithoutBreaks(problem, held, { timer, deadline: timer() + remaining() * 1000 * SAT_SHARE });
    takeSat({ lowerBound: zero.status === 'impossible' ? 1 : 0, slots: zero.slots });
  }
  // With the threads on, the two cores are theirs but for the break MILP below, whose bound proves
  // tic-13crafc and forumt-14crafe where the threads climb from 0 too slowly. The MILP's question
  // without breaks (the threads ask it) and the local search after the MILP are left out: on the
  // 120 variants within 10 s, 98 solved instead of 92, Girona unchanged.
  if (!thread && state.totalBreaks > 0 && breaksLowerBound < 1 && milpAllowed && remaining() > 0.2) {
    method = 'milp';
    // Is a schedule without any break possible? This small model often answers at once, and when
    // the search is at one break it settles optimality alone, so it then gets all the time left.
    const share = state.totalBreaks === 1 ? 0.6 : 0.2;
    const zero = await solveSlotMilp({
      problem,
      meetings: held,
      fairness,
      breakCap: 0,
      timeLimitSeconds: Math.min(state.totalBreaks === 1 ? Infinity : 1.5, remaining() * share),
      secondsLeft: remaining,
    });
    if (zero.slots) {
      state.restore(zero.slots);
      breaksLowerBound = 0;
    } else if (zero.infeasible) breaksLowerBound = 1;
    else if (state.totalBreaks === 1) {
      // Undecided at one break: more local-search runs may still find a schedule without breaks.
      const more = portfolio(problem, held, constructSchedule(problem, held), {
        fairness,
        timer,
        seed: seed + 1,
        deadline: timer() + remaining() * 1000,
        shortRunsOnly: true,
        settledElsewhere,
      });
      if (more.totalBreaks < state.totalBreaks && isFullyHeld(more, held)) state = more;
    }
  }
  if (state.totalBreaks > Math.max(0, breaksLowerBound) && milpAllowed && remaining() > 0.2) {
    // Stopped as soon as the threads settle the question: the answer is then theirs, at once.
    const settled = thread?.whenSettled(() => state.totalBreaks);
    const r = await solveSlotMilp({
      problem,
      meetings: held,
      fairness,
      timeLimitSeconds: remaining(),
      secondsLeft: remaining,
      start: state.snapshot(),
      signal: settled?.signal,
    });
    settled?.release();
    if (r.slots) {
      const before = state.snapshot();
      const breaksBefore = state.totalBreaks;
      const wasFair = state.breakSpread() <= fairness;
      state.restore(r.slots);
      // The MILP's schedule is fair by construction: keep it unless the previous one was fair and better.
      if (wasFair && (state.totalBreaks > breaksBefore || state.breakSpread() > fairness)) state.restore(before);
    }
    breaksLowerBound = Math.max(breaksLowerBound, r.lowerBound);
  }
  if (!thread && state.totalBreaks > Math.max(0, breaksLowerBound) && milpAllowed && remaining() > 0.5) {
    // Time left, as the MILP was too large to answer within it: more local search, which continues
    // from the schedule in hand (never worse) before fresh runs. (Beyond MAX_SLOT_MILP_COLUMNS the
    // search already had its share and no MILP was planned, so the answer comes at once as before.)
    const wasFair = fair();
    const more = portfolio(problem, held, state, { fairness, timer, seed: seed + 2, deadline: timer() + remaining() * 1000, settledElsewhere });
    if (more !== state && more.totalBreaks < state.totalBreaks && isFullyHeld(more, held) && (more.breakSpread() <= fairness || !wasFair)) state = more;
  }
  // The threads stop at the same deadline: what they find or prove by then still counts.
  if (thread && state.totalBreaks > Math.max(0, breaksLowerBound)) {
    takeSat(await thread.waitUntil((bound) => bound.lowerBound >= state.totalBreaks, remaining() * 1000));
  }
  const breaksProven = state.totalBreaks <= Math.max(0, breaksLowerBound);

  // Level 3: tables, slot by slot.
  const { tableOf, unplaced } = assignTables(problem, state.slotOf, problem.tableHost);
  improveTableChanges(problem, state.slotOf, tableOf);
  const reasons = new Map<number, UnscheduledReason>();
  for (const m of unplaced) reasons.set(m, 'table_capacity_exceeded');
  if (event.mustScheduleAll && unplaced.length > 0) {
    return infeasible(
      'unknown_within_time_limit',
      `Unknown within the time limit: no table for ${unplaced.length} meeting(s) given the reserved tables`,
      false,
    );
  }
  return buildResult(
    event,
    problem,
    { slotOf: state.slotOf, tableOf, reasons },
    {
      optimal: weightProven && minMeetingsProven && breaksProven && unplaced.length === 0,
      priorityUpperBound: weightBound,
      breaksLowerBound: Math.max(0, breaksLowerBound),
      method,
      seconds: (timer() - started) / 1000,
      fairness,
    },
  );
}

function infeasible(
  code: 'not_all_requests_fit' | 'fairness_unsatisfiable' | 'unknown_within_time_limit',
  message: string,
  proven: boolean,
  details: SchedulingFailure['details'] = {},
): ScheduleResult {
  return { status: 'infeasible', failure: { code, message, details, proven } };
}

/**
 * Independent local-search runs with different seeds until the share of the budget is spent or a
 * run reaches zero breaks with everything held; returns the best (fewest unscheduled, then breaks).
 */
function portfolio(
  problem: Problem,
  candidates: readonly number[],
  first: SlotState,
  opts: {
    fairness: number;
    timer: () => number;
    seed: number;
    deadline: number;
    maxRuns?: number;
    shortRunsOnly?: boolean;
    settledElsewhere?: (bestBreaks: number) => boolean;
  },
): SlotState {
  const better = (a: SlotState, b: SlotState) =>
    a.unscheduledWeight < b.unscheduledWeight - 1e-9 || (a.unscheduledWeight <= b.unscheduledWeight + 1e-9 && a.totalBreaks < b.totalBreaks);
  let best = first;
  for (let run = 0; ; run++) {
    const state = run === 0 ? first : constructSchedule(problem, candidates);
    // The first run may use the whole share (some instances need it to converge); later runs are
    // short, as on tight instances a fresh run either finds the optimum within a second or two or stalls.
    const deadline = run === 0 && !opts.shortRunsOnly ? opts.deadline : Math.min(opts.deadline, opts.timer() + RUN_MS);
    // Runs alternate hard tables and overfillable tables (strategic oscillation): neither wins everywhere.
    const tableSlack = (run + (opts.shortRunsOnly ? 1 : 0)) % 2 === 0 ? 0 : 2;
    anneal(state, {
      candidates,
      fairness: opts.fairness,
      deadline,
      timer: opts.timer,
      seed: opts.seed + 7919 * run,
      targetBreaks: 0,
      maxFruitlessRestarts: 4,
      tableSlack,
      settledElsewhere: opts.settledElsewhere,
    });
    if (better(state, best)) best = state;
    const bestBreaks = isFullyHeld(best, candidates) && best.breakSpread() <= opts.fairness ? best.totalBreaks : Infinity;
    if (bestBreaks === 0 || opts.timer() >= opts.deadline - 50 || run + 1 >= (opts.maxRuns ?? Infinity) || opts.settledElsewhere?.(bestBreaks)) return best;
  }
}

function isFullyHeld(state: SlotState, candidates: readonly number[]): boolean {
  return candidates.every((m) => state.slotOf[m]! >= 0);
}

/** Some participant, or the event's tables x slots, cannot take every eligible request. */
function obviouslyOversubscribed(problem: Problem, eligible: readonly number[]): boolean {
  if (eligible.length > problem.nTables * problem.nSlots) return true;
  const demand = new Int32Array(problem.nParticipants);
  for (const m of eligible) for (const p of problem.meetings[m]!.parts) demand[p]!++;
  return demand.some((d, p) => d > participantCapacity(problem, p));
}

function holdsExactly(state: SlotState, chosen: readonly number[]): boolean {
  return chosen.every((m) => state.slotOf[m]! >= 0);
}

/** Adds requests left out by the selection wherever they still fit, by weight. */
function insertGreedily(state: SlotState, eligible: readonly number[]): void {
  const { problem } = state;
  const rest = eligible.filter((m) => state.slotOf[m]! < 0).sort((a, b) => problem.meetings[b]!.weight - problem.meetings[a]!.weight);
  for (const m of rest) {
    const s = problem.meetings[m]!.allowed.find((slot) => state.fits(m, slot));
    if (s !== undefined) state.place(m, s);
  }
}
