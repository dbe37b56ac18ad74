import type { EventInput } from '../../server/src/core/scheduler/index';

/** Seeded generator of oversubscribed events (more requests than slots x tables can hold). */
export interface GeneratorOptions {
  firms: number;
  requests: number;
  slots: number;
  tables: number;
  maxMeetings: number;
  seed: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateEvent(o: GeneratorOptions): EventInput {
  const random = rng(o.seed);
  const half = Math.ceil(o.slots / 2);
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const sessions = [
    { id: 'morning', slots: Array.from({ length: half }, (_, i) => ({ id: `s${i + 1}`, start: clock(540 + 20 * i), durationMinutes: 20 })) },
    { id: 'afternoon', slots: Array.from({ length: o.slots - half }, (_, i) => ({ id: `s${half + i + 1}`, start: clock(840 + 20 * i), durationMinutes: 20 })) },
  ];
  const slotIds = sessions.flatMap((s) => s.slots.map((x) => x.id));
  const participants = Array.from({ length: o.firms }, (_, i) => ({
    id: `f${i + 1}`,
    name: `Firm ${i + 1}`,
    representatives: random() < 0.1 ? 2 : 1,
    maxMeetings: o.maxMeetings,
    unavailableSlots: random() < 0.2 ? [slotIds[Math.floor(random() * slotIds.length)]!] : [],
  }));
  // Popularity is skewed, as synergy leads concentrate on a few large emitters.
  const popularity = participants.map(() => Math.pow(random(), 2) + 0.05);
  const total = popularity.reduce((a, b) => a + b, 0);
  const pickFirm = () => {
    let r = random() * total;
    for (let i = 0; i < popularity.length; i++) if ((r -= popularity[i]!) <= 0) return i;
    return popularity.length - 1;
  };
  const seen = new Set<string>();
  const requests: EventInput['requests'] = [];
  while (requests.length < o.requests) {
    const a = Math.floor(random() * o.firms);
    const b = pickFirm();
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const mutual = random() < 0.2;
    const fa = `f${a + 1}`;
    const fb = `f${b + 1}`;
    requests.push({
      id: `r${requests.length + 1}`,
      participants: [fa, fb],
      requestedBy: mutual ? [fa, fb] : [fa],
      priority: { [fa]: 1 + Math.floor(random() * 3), ...(mutual ? { [fb]: 1 + Math.floor(random() * 3) } : {}) },
      synergyIds: [`syn-${requests.length + 1}`],
      ...(random() < 0.05 ? { session: random() < 0.5 ? 'morning' : 'afternoon' } : {}),
    });
  }
  return {
    name: `Generated ${o.firms} firms / ${o.requests} requests`,
    date: '2026-03-12',
    timeZone: 'Europe/Paris',
    sessions,
    tables: Array.from({ length: o.tables }, (_, i) => ({ id: `T${i + 1}`, name: `Table ${i + 1}` })),
    participants,
    requests,
  };
}
