import { SchedulingError } from './errors';
import type { Problem } from './problem';
import { participantCapacity } from './heuristic/greedySelection';
import { blockingParticipants } from './rules/eligibility';
import { findPrecedenceCycle } from './rules/precedence';

/**
 * Hard constraints no schedule can satisfy, detected before solving and thrown with the
 * constraint that blocks: a precedence cycle, a fixed meeting on a slot its participants cannot
 * attend or that collides with other fixed meetings, too many fixed meetings for the tables.
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
        throw new SchedulingError('infeasible_fixed_meeting', `Participant ${ids.participants[p]} has more fixed meetings at slot ${slot} than representatives`, {
          request,
          slot,
          participant: ids.participants[p]!,
        });
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
      throw new SchedulingError('precedence_unsatisfiable', `Request ${ids.requests[a]} must precede ${ids.requests[b]}, but their fixed slots do not allow it`, {
        requests: [ids.requests[a]!, ids.requests[b]!],
      });
    }
  }
  if (mustScheduleAll) {
    const i = meetings.findIndex((m) => m.allowed.length === 0);
    if (i >= 0) {
      throw new SchedulingError('participant_unavailable', `Request ${ids.requests[i]} has no slot where all its participants are available`, {
        request: ids.requests[i]!,
      });
    }
    for (let p = 0; p < problem.nParticipants; p++) {
      const demand = problem.meetingsOf[p]!.length;
      const capacity = participantCapacity(problem, p);
      if (demand > capacity) {
        throw new SchedulingError('participant_capacity_exceeded', `Participant ${ids.participants[p]} has ${demand} requests but room for ${capacity} meetings`, {
          participant: ids.participants[p]!,
          requests: demand,
          capacity,
        });
      }
    }
    if (meetings.length > problem.nTables * nSlots) {
      throw new SchedulingError('table_capacity_exceeded', `${meetings.length} requests for ${problem.nTables} tables x ${nSlots} slots`, {
        requests: meetings.length,
        capacity: problem.nTables * nSlots,
      });
    }
  }
}
