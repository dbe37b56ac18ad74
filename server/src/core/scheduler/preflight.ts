import { SchedulingError } from './errors';
import type { Problem } from './problem';
import { participantCapacity } from './heuristic/greedySelection';
import { blockingParticipants } from './rules/eligibility';
import { findPrecedenceCycle, orderWindows } from './rules/precedence';

/**
 * Meetings of participant p that cannot all get distinct slots (p's representatives per slot), by
 * a maximum bipartite matching: empty when p's requests fit its slots. Returns one witness set: the
 * meetings left unmatched after the matching (the facilitator's hint of where room is missing).
 */
export function unmatchedMeetings(problem: Problem, p: number): number[] {
  const mine = problem.meetingsOf[p]!;
  const reps = problem.reps[p]!;
  const owners: number[][] = Array.from({ length: problem.nSlots }, () => []);
  const augment = (m: number, seen: Uint8Array): boolean => {
    for (const s of problem.meetings[m]!.allowed) {
      if (seen[s]) continue;
      seen[s] = 1;
      const here = owners[s]!;
      if (here.length < reps) {
        here.push(m);
        return true;
      }
      for (let i = 0; i < here.length; i++) {
        if (augment(here[i]!, seen)) {
          here[i] = m;
          return true;
        }
      }
    }
    return false;
  };
  return mine.filter((m) => !augment(m, new Uint8Array(problem.nSlots)));
}

/**
 * Hard constraints no schedule can satisfy, detected before solving and thrown with the
 * constraint that blocks: a precedence cycle, a fixed meeting on a slot its participants cannot
 * attend or that collides with other fixed meetings, too many fixed meetings for the tables, and,
 * when every request must be held, a firm whose requests cannot all fit or an order that cannot
 * be kept. In that case each request's allowed slots are also narrowed to those its order leaves
 * (rules/precedence.ts, orderWindows), for every solver after this.
 */
export function preflight(problem: Problem, mustScheduleAll: boolean): void {
  const { ids, meetings, nSlots } = problem;
  const cycle = findPrecedenceCycle(meetings.length, problem.precedences);
  if (cycle) {
    const names = cycle.map((m) => ids.requests[m]!);
    throw new SchedulingError('precedence_cycle', `Requests ${names.join(' -> ')} must each come before the next, in a cycle`, { requests: names });
  }
  const ctx = { sessionOfSlot: problem.sessionOfSlot, isUnavailable: (p: number, s: number) => problem.unavailable[p * nSlots + s] === 1 };
  const fixedLoad = new Map<number, number>();
  const fixedPerSlot = new Int32Array(nSlots);
  meetings.forEach((m, i) => {
    if (m.fixed < 0) return;
    const request = ids.requests[i]!;
    const slot = ids.slots[m.fixed]!;
    if (m.allowed.length === 0) {
      const blockers = blockingParticipants({ participants: m.parts, session: m.session, fixedSlot: m.fixed }, m.fixed, ctx).map((p) => ids.participants[p]!);
      const why = blockers.length > 0 ? `${blockers.join(', ')} unavailable` : `outside session ${ids.sessions[m.session]}`;
      throw new SchedulingError('infeasible_fixed_meeting', `Request ${request} is fixed at slot ${slot}, but ${why}`, {
        request,
        slot,
        participants: blockers,
      });
    }
    fixedPerSlot[m.fixed]!++;
    for (const p of m.parts) {
      const key = p * nSlots + m.fixed;
      const load = (fixedLoad.get(key) ?? 0) + 1;
      fixedLoad.set(key, load);
      if (load > problem.reps[p]!) {
        throw new SchedulingError(
          'infeasible_fixed_meeting',
          `Participant ${ids.participants[p]} has more fixed meetings at slot ${slot} than representatives`,
          {
            request,
            slot,
            participant: ids.participants[p]!,
          },
        );
      }
    }
    if (fixedPerSlot[m.fixed]! > problem.nTables) {
      throw new SchedulingError('table_capacity_exceeded', `More fixed meetings at slot ${slot} than tables (${problem.nTables})`, { slot, request });
    }
  });
  for (const [a, b] of problem.precedences) {
    const fa = meetings[a]!.fixed;
    const fb = meetings[b]!.fixed;
    if (fa >= 0 && fb >= 0 && fa >= fb) {
      throw new SchedulingError(
        'precedence_unsatisfiable',
        `Request ${ids.requests[a]} must precede ${ids.requests[b]}, but their fixed slots do not allow it`,
        {
          requests: [ids.requests[a]!, ids.requests[b]!],
        },
      );
    }
  }
  if (mustScheduleAll) {
    const i = meetings.findIndex((m) => m.allowed.length === 0);
    if (i >= 0) {
      throw new SchedulingError('participant_unavailable', `Request ${ids.requests[i]} has no slot where all its participants are available`, {
        request: ids.requests[i]!,
      });
    }
    if (problem.precedences.length > 0) narrowToOrder(problem);
    const name = (p: number) => problem.participantNames[p]!;
    for (let p = 0; p < problem.nParticipants; p++) {
      const demand = problem.meetingsOf[p]!.length;
      const capacity = participantCapacity(problem, p);
      if (demand > capacity) {
        const why =
          capacity === problem.maxMeetings[p]
            ? `its maximum is ${capacity} meetings`
            : `it is available in ${capacity / problem.reps[p]!} slot(s) with ${problem.reps[p]} representative(s)`;
        throw new SchedulingError(
          'participant_capacity_exceeded',
          `${name(p)} has ${demand} requests but room for ${capacity} meetings: ${why}. Add slots, a representative or lift unavailabilities.`,
          {
            participant: ids.participants[p]!,
            requests: demand,
            capacity,
          },
        );
      }
      // Each meeting needs its own slot among those its session, fixed slot and both sides allow.
      const stuck = unmatchedMeetings(problem, p);
      if (stuck.length > 0) {
        const slotSet = new Set(stuck.flatMap((m) => meetings[m]!.allowed));
        const competing = problem.meetingsOf[p]!.filter((m) => meetings[m]!.allowed.every((s) => slotSet.has(s))).length;
        const slots = [...slotSet].sort((a, b) => a - b).map((s) => ids.slots[s]!);
        throw new SchedulingError(
          'participant_capacity_exceeded',
          `${name(p)} cannot hold all its requests: ${competing} meeting(s) compete for the ${slots.length} slot(s) ${slots.join(', ')} that their sessions, fixed slots and the other firms' availability allow. Add a slot or a representative, or lift an unavailability.`,
          { participant: ids.participants[p]!, requests: stuck.map((m) => ids.requests[m]!), slots },
        );
      }
    }
    if (meetings.length > problem.nTables * nSlots) {
      throw new SchedulingError(
        'table_capacity_exceeded',
        `${meetings.length} requests for ${problem.nTables} tables x ${nSlots} slots: add tables or slots.`,
        {
          requests: meetings.length,
          capacity: problem.nTables * nSlots,
        },
      );
    }
    problem.ids.sessions.forEach((session, k) => {
      const inSession = meetings.filter((m) => m.session === k).length;
      const slotsIn = problem.sessionOfSlot.filter((x) => x === k).length;
      if (inSession > problem.nTables * slotsIn) {
        throw new SchedulingError(
          'table_capacity_exceeded',
          `${inSession} requests must be held in session ${session}, which has ${problem.nTables} tables x ${slotsIn} slots: add tables or slots to it.`,
          {
            session,
            requests: inSession,
            capacity: problem.nTables * slotsIn,
          },
        );
      }
    });
  }
}

/** Narrows allowed slots to the windows the precedences leave, or throws the conflict that proves no schedule keeps the order. */
function narrowToOrder(problem: Problem): void {
  const { ids } = problem;
  const windows = orderWindows(problem);
  if (windows.kind === 'no_slot') {
    const request = ids.requests[windows.meeting]!;
    throw new SchedulingError(
      'precedence_unsatisfiable',
      `Request ${request} has no slot left once the requests that must precede it come first and those that must follow it come after`,
      { request },
    );
  }
  if (windows.kind === 'crowded_span') {
    const { participant, from, to, meetings } = windows;
    const slots = `${ids.slots[from]} to ${ids.slots[to]}`;
    throw new SchedulingError(
      'precedence_unsatisfiable',
      `${problem.participantNames[participant]} cannot keep the required order: ${meetings.length} of its requests must fall within slots ${slots} (${to - from + 1} slots), given the requests that must come before or after them. Add a slot or a representative, or drop a precedence.`,
      { participant: ids.participants[participant]!, requests: meetings.map((m) => ids.requests[m]!), slots: [ids.slots[from]!, ids.slots[to]!] },
    );
  }
  problem.meetings.forEach((m, i) => {
    m.allowed = m.allowed.filter((s) => s >= windows.earliest[i]! && s <= windows.latest[i]!);
  });
}
