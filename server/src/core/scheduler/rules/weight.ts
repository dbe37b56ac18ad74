/**
 * A request's weight is the sum of the priorities of the sides that asked for it (default 1 each),
 * so a mutual request outweighs a one-sided one of the same priority.
 */
export function requestWeight(requestedBy: readonly string[], priority: Readonly<Record<string, number>>): number {
  let weight = 0;
  for (const side of new Set(requestedBy)) weight += priority[side] ?? 1;
  return weight;
}
