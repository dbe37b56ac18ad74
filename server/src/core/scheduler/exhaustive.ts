import fc from 'fast-check';
import type { SchedulingEvent } from './event-format';
import { scenario } from './scenario';

/**
 * Exhaustive answer for tiny all-or-nothing events, written apart from the solver: every slot
 * assignment is tried; the best total of breaks under fairness, or null when none exists.
 */
export function bruteForce(event: SchedulingEvent, fairness: number): number | null {
  const slots = event.sessions.flatMap((s) => s.slots.map((x) => ({ id: x.id, session: s.id })));
  const sessionStarts = new Set<number>();
  let k = 0;
  for (const s of event.sessions) {
    sessionStarts.add(k);
    k += s.slots.length;
  }
  const index = new Map(event.requests.map((r, i) => [r.id, i]));
  const reps = new Map(event.participants.map((p) => [p.id, p.representatives]));
  const unavailable = new Map(event.participants.map((p) => [p.id, new Set(p.unavailableSlots)]));
  const choice = new Array<number>(event.requests.length).fill(0);
  let best: number | null = null;
  const breaksOf = (busy: number[]) => {
    const sorted = [...new Set(busy)].sort((a, b) => a - b);
    let n = 0;
    for (let i = 1; i < sorted.length; i++) {
      let lunch = false;
      for (let s = sorted[i - 1]! + 1; s <= sorted[i]!; s++) if (sessionStarts.has(s)) lunch = true;
      if (sorted[i]! > sorted[i - 1]! + 1 && (event.lunchCountsAsBreak || !lunch)) n++;
    }
    return n;
  };
  const evaluate = () => {
    const perSlot = new Array<number>(slots.length).fill(0);
    const load = new Map<string, number>();
    for (let m = 0; m < choice.length; m++) {
      const r = event.requests[m]!;
      const s = choice[m]!;
      if (r.session && slots[s]!.session !== r.session) return;
      if (r.fixedSlot && slots[s]!.id !== r.fixedSlot) return;
      for (const before of r.after) if (choice[index.get(before)!]! >= s) return;
      if (++perSlot[s]! > event.tables.length) return;
      for (const p of r.participants) {
        if (unavailable.get(p)!.has(slots[s]!.id)) return;
        const key = `${p}@${s}`;
        load.set(key, (load.get(key) ?? 0) + 1);
        if (load.get(key)! > reps.get(p)!) return;
      }
    }
    const breaks = event.participants.map((p) => breaksOf(event.requests.flatMap((r, m) => (r.participants.includes(p.id) ? [choice[m]!] : []))));
    if (Math.max(...breaks) - Math.min(...breaks) > fairness) return;
    const total = breaks.reduce((a, b) => a + b, 0);
    if (best === null || total < best) best = total;
  };
  const visit = (m: number) => {
    if (m === choice.length) return evaluate();
    for (let s = 0; s < slots.length; s++) {
      choice[m] = s;
      visit(m + 1);
    }
  };
  visit(0);
  return best;
}

/** Tiny all-or-nothing events (2–5 firms, 1–6 requests, up to two sessions): exhaustive search stays instant. */
export const arbTinyEvent = fc
  .record({
    nFirms: fc.integer({ min: 2, max: 5 }),
    slots: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
    nTables: fc.integer({ min: 1, max: 2 }),
    lunch: fc.boolean(),
    seed: fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
    nRequests: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ nFirms, slots, nTables, lunch, seed, nRequests }) => {
    let k = 0;
    const next = (n: number) => seed[k++ % seed.length]! % n;
    const slotIds = slots.flatMap((n, s) => Array.from({ length: n }, (_, i) => `${['m', 'a'][s]}${i + 1}`));
    const firms = Array.from({ length: nFirms }, (_, i) => ({ id: `f${i}`, unavailableSlots: next(4) === 0 ? [slotIds[next(slotIds.length)]!] : [] }));
    const meetings = Array.from({ length: nRequests }, (_, i) => {
      const a = next(nFirms);
      const b = (a + 1 + next(nFirms - 1)) % nFirms;
      return {
        id: `r${i}`,
        participants: [`f${a}`, `f${b}`],
        requestedBy: [`f${a}`],
        ...(slots.length > 1 && next(4) === 0 ? { session: next(2) === 0 ? 'morning' : 'afternoon' } : {}),
        ...(next(7) === 0 ? { fixedSlot: slotIds[next(slotIds.length)]! } : {}),
        ...(i > 0 && next(4) === 0 ? { after: [`r${next(i)}`] } : {}),
      };
    });
    return scenario({ firms, slots, tables: nTables, meetings, mustScheduleAll: true, lunchCountsAsBreak: lunch });
  });

/**
 * Firm a meets b in m1 and c in m3 of a one-session, three-slot day, with one table: held
 * together the two meetings leave a idle in m2, a break; a-c alone has none.
 */
export const idleBetweenTwoMeetings = (): SchedulingEvent =>
  scenario({
    firms: ['a', 'b', 'c'],
    slots: [3],
    tables: 1,
    meetings: [
      { id: 'ab', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm1' },
      { id: 'ac', participants: ['a', 'c'], requestedBy: ['a'], fixedSlot: 'm3' },
    ],
  });

/** Every assignment of the SAT inputs, as assumptions: each input's literal or its negation. */
export const everyAssignment = (inputs: readonly number[]): number[][] =>
  Array.from({ length: 2 ** inputs.length }, (_, bits) => inputs.map((lit, i) => ((bits >> i) & 1 ? lit : -lit)));
