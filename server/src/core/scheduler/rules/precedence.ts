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
