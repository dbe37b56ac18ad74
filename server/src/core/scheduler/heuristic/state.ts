import type { Problem } from '../problem';
import { countBreaksInRow } from '../rules/breaks';
import { participantHasRoom, slotHasRoom } from '../rules/capacity';

/**
 * Mutable slot assignment with incremental bookkeeping (participant loads, table loads, breaks),
 * shared by the constructive heuristic and the local search.
 */
export class SlotState {
  readonly slotOf: Int32Array;
  readonly load: Int32Array;
  readonly held: Int32Array;
  readonly tableLoad: Int32Array;
  readonly noHostLoad: Int32Array;
  readonly breaks: Int32Array;
  /** breakHistogram[b] = participants with b breaks (for the fairness spread). */
  readonly breakHistogram: Int32Array;
  readonly predOf: number[][];
  readonly succOf: number[][];
  /** Meetings held in each slot, for ejection moves. */
  readonly slotMembers: number[][];
  private readonly posInSlot: Int32Array;
  private readonly capacity: { tables: number; unreservedTables: number };

  /**
   * Lets the local search overfill every slot by `slack` tables (priced in its cost), so it can
   * pass through states the tables would forbid; 0 restores the hard limit.
   */
  setTableSlack(slack: number): void {
    this.capacity.tables = this.problem.nTables + slack;
    this.capacity.unreservedTables = this.problem.unreservedTables + slack;
  }

  /** Tables missing over all slots (0 when the table limit holds). */
  tableOverflow(): number {
    let over = 0;
    for (let s = 0; s < this.problem.nSlots; s++) {
      over += Math.max(0, this.tableLoad[s]! - this.problem.nTables, this.noHostLoad[s]! - this.problem.unreservedTables);
    }
    return over;
  }
  totalBreaks = 0;
  unscheduledWeight = 0;

  constructor(readonly problem: Problem) {
    const { nSlots, nParticipants, meetings } = problem;
    this.capacity = { tables: problem.nTables, unreservedTables: problem.unreservedTables };
    this.slotOf = new Int32Array(meetings.length).fill(-1);
    this.load = new Int32Array(nParticipants * nSlots);
    this.held = new Int32Array(nParticipants);
    this.tableLoad = new Int32Array(nSlots);
    this.noHostLoad = new Int32Array(nSlots);
    this.breaks = new Int32Array(nParticipants);
    this.breakHistogram = new Int32Array(nSlots + 1);
    this.breakHistogram[0] = nParticipants;
    this.slotMembers = Array.from({ length: nSlots }, () => []);
    this.posInSlot = new Int32Array(meetings.length).fill(-1);
    this.predOf = meetings.map(() => []);
    this.succOf = meetings.map(() => []);
    for (const [a, b] of problem.precedences) {
      this.succOf[a]!.push(b);
      this.predOf[b]!.push(a);
    }
    for (const m of meetings) this.unscheduledWeight += m.weight;
  }

  /** Can meeting m (currently unscheduled) take slot s? Ignores maxMeetings when it is being moved. */
  fits(m: number, s: number, countingHeld = true): boolean {
    const p = this.problem;
    const meeting = p.meetings[m]!;
    if (!slotHasRoom(this.tableLoad[s]!, this.noHostLoad[s]!, this.capacity, meeting)) return false;
    for (const q of meeting.parts) {
      if (!participantHasRoom(this.load[q * p.nSlots + s]!, p.reps[q]!)) return false;
      if (countingHeld && this.held[q]! >= p.maxMeetings[q]!) return false;
    }
    for (const a of this.predOf[m]!) {
      const sa = this.slotOf[a]!;
      if (sa >= 0 && sa >= s) return false;
    }
    for (const b of this.succOf[m]!) {
      const sb = this.slotOf[b]!;
      if (sb >= 0 && sb <= s) return false;
    }
    return true;
  }

  place(m: number, s: number): void {
    const p = this.problem;
    const meeting = p.meetings[m]!;
    this.slotOf[m] = s;
    const members = this.slotMembers[s]!;
    this.posInSlot[m] = members.length;
    members.push(m);
    this.tableLoad[s]!++;
    if (!meeting.hasHost) this.noHostLoad[s]!++;
    this.unscheduledWeight -= meeting.weight;
    for (const q of meeting.parts) {
      this.load[q * p.nSlots + s]!++;
      this.held[q]!++;
      this.refreshBreaks(q);
    }
  }

  remove(m: number): number {
    const p = this.problem;
    const meeting = p.meetings[m]!;
    const s = this.slotOf[m]!;
    this.slotOf[m] = -1;
    const members = this.slotMembers[s]!;
    const last = members.pop()!;
    if (last !== m) {
      const pos = this.posInSlot[m]!;
      members[pos] = last;
      this.posInSlot[last] = pos;
    }
    this.tableLoad[s]!--;
    if (!meeting.hasHost) this.noHostLoad[s]!--;
    this.unscheduledWeight += meeting.weight;
    for (const q of meeting.parts) {
      this.load[q * p.nSlots + s]!--;
      this.held[q]!--;
      this.refreshBreaks(q);
    }
    return s;
  }

  private refreshBreaks(q: number): void {
    const p = this.problem;
    const b = countBreaksInRow(this.load, q * p.nSlots, p.nSlots, p.breakRunOfSlot);
    const old = this.breaks[q]!;
    if (b === old) return;
    this.breakHistogram[old]!--;
    this.breakHistogram[b]!++;
    this.breaks[q] = b;
    this.totalBreaks += b - old;
  }

  /** max - min break count over all participants. */
  breakSpread(): number {
    const h = this.breakHistogram;
    let lo = 0;
    while (lo < h.length && h[lo] === 0) lo++;
    let hi = h.length - 1;
    while (hi > 0 && h[hi] === 0) hi--;
    return lo > hi ? 0 : hi - lo;
  }

  /** Meetings of participant q in slot s. */
  meetingsAt(q: number, s: number): number[] {
    return this.problem.meetingsOf[q]!.filter((m) => this.slotOf[m] === s);
  }

  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  restore(slots: Int32Array): void {
    for (let m = 0; m < slots.length; m++) if (this.slotOf[m]! >= 0) this.remove(m);
    for (let m = 0; m < slots.length; m++) if (slots[m]! >= 0) this.place(m, slots[m]!);
  }
}
