import { countBreaks } from '../rules/breaks';

export interface BusyPattern {
  slots: number[];
  breaks: number;
}

/**
 * All ways a participant with n meetings can be busy over the day (n slots among the possible
 * ones) with at most maxBreaks breaks, or null beyond `limit` patterns. Choosing one pattern per
 * participant describes its busy slots exactly, which gives the MILP a much tighter relaxation than
 * per-slot gap variables on short days (the convex hull of each participant's busy vector).
 */
export function enumeratePatterns(
  n: number,
  possible: readonly boolean[],
  sessionOfSlot: readonly number[],
  maxBreaks: number,
  limit: number,
): BusyPattern[] | null {
  const nSlots = possible.length;
  const suffixPossible = new Int32Array(nSlots + 1);
  for (let s = nSlots - 1; s >= 0; s--) suffixPossible[s] = suffixPossible[s + 1]! + (possible[s] ? 1 : 0);
  const out: BusyPattern[] = [];
  const chosen: number[] = [];
  let overflow = false;
  const visit = (s: number, breaks: number, last: number) => {
    if (overflow) return;
    if (chosen.length === n) {
      if (out.length >= limit) {
        overflow = true;
        return;
      }
      out.push({ slots: [...chosen], breaks });
      return;
    }
    if (s >= nSlots || suffixPossible[s]! < n - chosen.length) return;
    if (possible[s]) {
      const added = last >= 0 && s > last + 1 && sessionOfSlot[last] === sessionOfSlot[s] ? 1 : 0;
      if (breaks + added <= maxBreaks) {
        chosen.push(s);
        visit(s + 1, breaks + added, s);
        chosen.pop();
      }
    }
    visit(s + 1, breaks, last);
  };
  visit(0, 0, -1);
  return overflow ? null : out;
}

/** Same break count as the rule, for a pattern (kept here to make the link explicit in tests). */
export function patternBreaks(slots: readonly number[], sessionOfSlot: readonly number[]): number {
  return countBreaks(slots, sessionOfSlot);
}
