import type { Problem } from '../problem';
import type { Cnf } from './cnf';

// How the tables' capacity is counted in the SAT questions (fewBreaks.ts): each slot's meetings at
// most its tables, and its busy participants at most the seats of those tables.

/** Above this, the per-slot table counters alone (meetings x tables) make the model too large to be worth it. */
export const MAX_TABLE_COUNTER_VARIABLES = 1_000_000;

/**
 * The meetings in groups of which at most one can be held in a slot: those of a participant with
 * one representative (participants with the most meetings first), and the others alone. A slot's
 * tables are then counted over groups instead of meetings, a counter several times smaller: on
 * Girona's forum-14 (302 meetings in 49 groups) CaDiCaL found the optimum in 8.1 s instead of 18.4 s.
 */
export function exclusiveGroups(problem: Problem, meetings: readonly number[]): number[][] {
  const left = new Set(meetings);
  const groups: number[][] = [];
  const byMeetings = [...problem.meetingsOf.keys()].sort((a, b) => problem.meetingsOf[b]!.length - problem.meetingsOf[a]!.length);
  for (const p of byMeetings) {
    if (problem.reps[p] !== 1) continue;
    const group = problem.meetingsOf[p]!.filter((m) => left.delete(m));
    if (group.length > 0) groups.push(group);
  }
  for (const m of left) groups.push([m]);
  return groups;
}

/** At most `k` of the meetings held in one slot (`literal` gives each one's literal there, if any). */
export function capSlot(cnf: Cnf, groups: readonly number[][], literal: (m: number) => number | undefined, k: number): void {
  const inSlot = groups.map((g) => g.flatMap((m) => literal(m) ?? [])).filter((l) => l.length > 0);
  if (inSlot.length > k)
    cnf.atMost(
      inSlot.map((l) => cnf.or(l)),
      k,
    );
}

/**
 * At most `seats` participants busy in each slot: redundant, as each of the slot's meetings seats
 * its participants at one table, but CaDiCaL does not learn this count from the tables' own, which
 * count meetings. It is an implied constraint of Bofill et al.'s MaxSAT model (JAIR 2022): alone,
 * Girona's forum-13crafb at 5 breaks proven impossible in 4.0–4.6 s instead of 9.8–10.3 s, and
 * ticf-13crafb's schedule at 3 found in 16.6 s instead of 29.6 s (stable mode). Left out where its
 * counters would outgrow the tables' own limit.
 */
export function capBusyBySeats(cnf: Cnf, busyInSlot: readonly number[][], seats: number): void {
  const busyPerSlot = busyInSlot.map((busy) => busy.length);
  if (counterVariables(busyPerSlot, seats) > MAX_TABLE_COUNTER_VARIABLES) return;
  for (const busy of busyInSlot) cnf.atMost(busy, seats);
}

/** Participants that the tables seat in one slot: a table per meeting, the largest meeting at each. */
export function seatsPerSlot(problem: Problem, meetings: readonly number[]): number {
  return problem.nTables * meetings.reduce((most, m) => Math.max(most, problem.meetings[m]!.parts.length), 2);
}

/** Auxiliary variables of the sequential counters that cap each slot at the number of tables. */
export function tableCounterSize(problem: Problem, groups: readonly number[][]): number {
  const perSlot = new Array<number>(problem.nSlots).fill(0);
  for (const group of groups) {
    const slots = new Set(group.flatMap((m) => problem.meetings[m]!.allowed));
    for (const s of slots) perSlot[s]!++;
  }
  return counterVariables(perSlot, problem.nTables);
}

/** Auxiliary variables of the sequential counters (Cnf.atMost) that cap each of these numbers of literals at `k`. */
function counterVariables(literalsPerSlot: readonly number[], k: number): number {
  return literalsPerSlot.reduce((sum, n) => sum + (n > k ? n * k : 0), 0);
}
