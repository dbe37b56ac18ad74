import type { Problem } from './problem';

/**
 * Table assignment, slot by slot (tables in one slot do not interact with other slots except
 * through table changes): a host's meeting goes to its reserved table, other meetings try to stay
 * at the table one of their participants just left, then any free table they may use; an
 * augmenting-path matching resolves the rest. Meetings that still find no table are returned.
 */
export function assignTables(problem: Problem, slotOf: Int32Array, tableHost: readonly number[]): { tableOf: Int32Array; unplaced: number[] } {
  const tableOf = new Int32Array(slotOf.length).fill(-1);
  const lastTable = new Int32Array(problem.nParticipants).fill(-1);
  const unplaced: number[] = [];
  const bySlot: number[][] = Array.from({ length: problem.nSlots }, () => []);
  slotOf.forEach((s, m) => s >= 0 && bySlot[s]!.push(m));
  const usable = (m: number, t: number) => tableHost[t]! < 0 || problem.meetings[m]!.parts.includes(tableHost[t]!);

  for (let s = 0; s < problem.nSlots; s++) {
    const meetings = bySlot[s]!;
    const owner = new Int32Array(tableHost.length).fill(-1);
    const take = (m: number, t: number) => {
      owner[t] = m;
      tableOf[m] = t;
    };
    // Hosts first, at their reserved table.
    for (const m of meetings) {
      const t = hostTables(problem, m, tableHost).find((t) => owner[t] === -1);
      if (t !== undefined) take(m, t);
    }
    // Then as many meetings as possible at a table one of their participants just left
    // (maximum matching on those "stay" edges, by augmenting paths).
    const stay = (m: number, t: number) => usable(m, t) && problem.meetings[m]!.parts.some((p) => lastTable[p] === t);
    for (const m of meetings) if (tableOf[m] === -1) augment(m, new Uint8Array(tableHost.length), owner, tableOf, stay);
    // The rest anywhere they may sit; augmenting may move earlier ones to other usable tables.
    for (const m of meetings) {
      if (tableOf[m] !== -1) continue;
      if (!augment(m, new Uint8Array(tableHost.length), owner, tableOf, usable)) unplaced.push(m);
    }
    for (const m of meetings) {
      const t = tableOf[m]!;
      if (t >= 0) for (const p of problem.meetings[m]!.parts) lastTable[p] = t;
    }
  }
  return { tableOf, unplaced };
}

function hostTables(problem: Problem, m: number, tableHost: readonly number[]): number[] {
  const parts = problem.meetings[m]!.parts;
  const out: number[] = [];
  tableHost.forEach((h, t) => h >= 0 && parts.includes(h) && out.push(t));
  return out;
}

function augment(m: number, seen: Uint8Array, owner: Int32Array, tableOf: Int32Array, usable: (m: number, t: number) => boolean): boolean {
  for (let t = 0; t < owner.length; t++) {
    if (seen[t] || !usable(m, t)) continue;
    seen[t] = 1;
    const other = owner[t]!;
    if (other === -1 || augment(other, seen, owner, tableOf, usable)) {
      owner[t] = m;
      tableOf[m] = t;
      return true;
    }
  }
  return false;
}

/** Table changes: consecutive meetings of a participant at different tables. */
export function countTableChanges(problem: Problem, slotOf: Int32Array, tableOf: Int32Array): number {
  let changes = 0;
  for (const mine of problem.meetingsOf) {
    const held = mine.filter((m) => slotOf[m]! >= 0 && tableOf[m]! >= 0).sort((a, b) => slotOf[a]! - slotOf[b]!);
    for (let i = 1; i < held.length; i++) if (tableOf[held[i]!] !== tableOf[held[i - 1]!]) changes++;
  }
  return changes;
}

/**
 * Local improvement of table changes: a meeting moves to the table a participant sits at just
 * before or after it (swapping with the meeting there when that one may use the freed table),
 * whenever this lowers the changes of the participants involved. Slots stay as they are.
 */
export function improveTableChanges(problem: Problem, slotOf: Int32Array, tableOf: Int32Array, maxPasses = 5): void {
  const order = problem.meetingsOf.map((mine) => mine.filter((m) => slotOf[m]! >= 0 && tableOf[m]! >= 0).sort((a, b) => slotOf[a]! - slotOf[b]!));
  const position = new Map<string, number>(); // `${p}:${m}` -> index in order[p]
  order.forEach((list, p) => list.forEach((m, i) => position.set(`${p}:${m}`, i)));
  const occupant = new Map<string, number>(); // `${slot}:${table}` -> meeting
  slotOf.forEach((s, m) => s >= 0 && tableOf[m]! >= 0 && occupant.set(`${s}:${tableOf[m]}`, m));
  const usable = (m: number, t: number) => problem.tableHost[t]! < 0 || problem.meetings[m]!.parts.includes(problem.tableHost[t]!);
  // Changes around meeting m for its participants if it sat at table t.
  const local = (m: number, t: number) => {
    let changes = 0;
    for (const p of problem.meetings[m]!.parts) {
      const list = order[p]!;
      const i = position.get(`${p}:${m}`)!;
      if (i > 0 && tableOf[list[i - 1]!] !== t) changes++;
      if (i + 1 < list.length && tableOf[list[i + 1]!] !== t) changes++;
    }
    return changes;
  };
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let m = 0; m < slotOf.length; m++) {
      const s = slotOf[m]!;
      const here = tableOf[m]!;
      if (s < 0 || here < 0) continue;
      const targets = new Set<number>();
      for (const p of problem.meetings[m]!.parts) {
        const list = order[p]!;
        const i = position.get(`${p}:${m}`)!;
        if (i > 0) targets.add(tableOf[list[i - 1]!]!);
        if (i + 1 < list.length) targets.add(tableOf[list[i + 1]!]!);
      }
      for (const t of targets) {
        if (t === here || !usable(m, t)) continue;
        const other = occupant.get(`${s}:${t}`);
        if (other !== undefined && !usable(other, here)) continue;
        const before = local(m, here) + (other !== undefined ? local(other, t) : 0);
        tableOf[m] = t;
        if (other !== undefined) tableOf[other] = here;
        const after = local(m, t) + (other !== undefined ? local(other, here) : 0);
        if (after < before) {
          occupant.set(`${s}:${t}`, m);
          if (other !== undefined) occupant.set(`${s}:${here}`, other);
          else occupant.delete(`${s}:${here}`);
          improved = true;
          break;
        }
        tableOf[m] = here;
        if (other !== undefined) tableOf[other] = t;
      }
    }
    if (!improved) return;
  }
}
