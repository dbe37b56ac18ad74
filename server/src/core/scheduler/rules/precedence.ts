/**
 * Finds a cycle in "before -> after" edges over nodes 0..n-1, or null when the order is acyclic.
 * A cycle makes every schedule infeasible, so it is reported before any solving.
 */
export function findPrecedenceCycle(n: number, edges: readonly (readonly [number, number])[]): number[] | null {
  const next: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) next[a]!.push(b);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const parent = new Int32Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, i] = top;
      const succ = next[node]!;
      if (i >= succ.length) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const to = succ[i]!;
      if (state[to] === 1) {
        const cycle = [to];
        for (let v = node; v !== to; v = parent[v]!) cycle.push(v);
        return cycle.reverse();
      }
      if (state[to] === 0) {
        state[to] = 1;
        parent[to] = node;
        stack.push([to, 0]);
      }
    }
  }
  return null;
}

/** A precedence holds when either meeting is not held or the first one's slot is strictly earlier. */
export function precedenceHolds(beforeSlot: number, afterSlot: number): boolean {
  return beforeSlot < 0 || afterSlot < 0 || beforeSlot < afterSlot;
}

/** Why the order cannot be held: a request left without a slot, or a participant with too many requests for a span of slots. */
export type OrderConflict = { kind: 'no_slot'; meeting: number } | { kind: 'crowded_span'; participant: number; from: number; to: number; meetings: number[] };

export interface OrderInput {
  meetings: readonly { parts: readonly number[]; allowed: readonly number[] }[];
  meetingsOf: readonly (readonly number[])[];
  reps: readonly number[];
  precedences: readonly (readonly [number, number])[];
}

/**
 * When every request must be held, the earliest and latest slot each can take: after its
 * predecessors' earliest, before its successors' latest, and out of any span of slots that a
 * one-representative participant's other requests fill entirely (they need distinct slots, so a
 * span with as many of them as slots is full, and one with more is impossible). Repeated until
 * nothing moves. Returns each request's window, or the conflict that proves no schedule exists;
 * the paper's precedence variants fall to it (forum-14 at 25 % in milliseconds, where the SAT
 * solver needed 12 s). The order must be acyclic (findPrecedenceCycle first).
 */
export function orderWindows(input: OrderInput): { kind: 'windows'; earliest: number[]; latest: number[] } | OrderConflict {
  const earliest = input.meetings.map((m) => m.allowed[0] ?? Infinity);
  const latest = input.meetings.map((m) => m.allowed.at(-1) ?? -Infinity);
  for (let changed = true; changed;) {
    changed = false;
    for (const [before, after] of input.precedences) {
      if (earliest[after]! <= earliest[before]!) [earliest[after], changed] = [earliest[before]! + 1, true];
      if (latest[before]! >= latest[after]!) [latest[before], changed] = [latest[after]! - 1, true];
    }
    const empty = earliest.findIndex((e, m) => e > latest[m]!);
    if (empty >= 0) return { kind: 'no_slot', meeting: empty };
    for (const [participant, mine] of input.meetingsOf.entries()) {
      if (input.reps[participant] !== 1) continue;
      for (const from of new Set(mine.map((m) => earliest[m]!))) {
        for (const to of new Set(mine.map((m) => latest[m]!))) {
          if (to < from) continue;
          const inside = mine.filter((m) => earliest[m]! >= from && latest[m]! <= to);
          if (inside.length > to - from + 1) return { kind: 'crowded_span', participant, from, to, meetings: inside };
          if (inside.length < to - from + 1) continue;
          const full = new Set(inside);
          for (const m of mine) {
            if (full.has(m)) continue;
            if (earliest[m]! >= from && earliest[m]! <= to) [earliest[m], changed] = [to + 1, true];
            if (latest[m]! >= from && latest[m]! <= to) [latest[m], changed] = [from - 1, true];
            if (earliest[m]! > latest[m]!) return { kind: 'no_slot', meeting: m };
          }
        }
      }
    }
  }
  return { kind: 'windows', earliest, latest };
}
