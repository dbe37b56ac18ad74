/**
 * The paper's section 7.4 variants of the 20 Girona instances, generated here with a seed: 6 per
 * instance, 120 in all. The official files (b2b.zip of the University of Girona's LAI group) are
 * not in the repository; each kind below follows what their published manifest shows of them
 * (names, and per file the number of forbidden pairs, fixed meetings and precedence arcs):
 *   forb0003, forb0007            forbidden slots: floor(α × participants × slots) (at least one)
 *                                 (participant, slot) pairs drawn at random, α = 0.3 % / 0.7 %,
 *                                 in place of the original's own (forumt-14crafd.forb0003 has
 *                                 1 pair where the original has 14);
 *   fixed020-Forb, fixed040-Forb  the original's forbidden slots kept ("Forb") and floor(β × meetings)
 *                                 meetings fixed, β = 20 % / 40 %, each to a random slot of its
 *                                 session that both participants may use and that no other fixed
 *                                 meeting of theirs takes;
 *   prec15, prec25                the original's forbidden slots kept, and for each participant with
 *                                 d meetings, floor(γ × d) of them (γ = 15 % / 25 %) get a
 *                                 predecessor among its other meetings; a random rank over all
 *                                 meetings orients every arc, so the graph stays acyclic. These
 *                                 counts give exactly the official files' arc totals (53 and 126
 *                                 on forum-14, 35 and 75 on tic-13).
 * Fields as in the paper's MiniZinc files: `forbidden[p]` a set of slots (with the dummy 0),
 * `fixed[m]` a slot or 0, `precedences[m]` the set of meetings that must be held BEFORE m.
 * Usage: tsx bench/scheduler/variants.ts --write <dir>   (writes the 120 .dzn files)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom as rng } from '@synergies/shared';
import { parseDzn } from '../../server/src/core/scheduler/index';
import { GIRONA_DIR, gironaInstances, type DznFile } from './girona';

export const VARIANT_KINDS = ['forb0003', 'forb0007', 'fixed020-Forb', 'fixed040-Forb', 'prec15', 'prec25'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Instance {
  nBusiness: number;
  nSlots: number;
  nMorning: number;
  meetings: { a: number; b: number; session: number }[];
  /** The original's forbidden slots, per participant (index p - 1). */
  forbidden: Set<number>[];
}

function readInstance(text: string): Instance {
  const event = parseDzn(text);
  const nSlots = event.sessions.reduce((n, s) => n + s.slots.length, 0);
  const nMorning = event.sessions.find((s) => s.id === 'morning')?.slots.length ?? 0;
  const meetings = event.requests.map((r) => ({
    a: Number(r.participants[0]),
    b: Number(r.participants[1]),
    session: r.session === 'morning' ? 1 : r.session === 'afternoon' ? 2 : 3,
  }));
  const forbidden = event.participants.map((p) => new Set(p.unavailableSlots.map(Number)));
  return { nBusiness: event.participants.length, nSlots, nMorning, meetings, forbidden };
}

function drawForbidden(inst: Instance, alpha: number, random: () => number): Set<number>[] {
  const forbidden = Array.from({ length: inst.nBusiness }, () => new Set<number>());
  const pairs = Math.max(1, Math.floor((alpha / 100) * inst.nBusiness * inst.nSlots));
  let drawn = 0;
  while (drawn < pairs) {
    const p = Math.floor(random() * inst.nBusiness);
    const s = 1 + Math.floor(random() * inst.nSlots);
    if (forbidden[p]!.has(s)) continue;
    forbidden[p]!.add(s);
    drawn++;
  }
  return forbidden;
}

function drawFixed(inst: Instance, beta: number, forbidden: Set<number>[], random: () => number): number[] {
  const fixed = inst.meetings.map(() => 0);
  const taken = Array.from({ length: inst.nBusiness }, () => new Set<number>());
  const order = shuffled(inst.meetings.length, random);
  const target = Math.floor((beta / 100) * inst.meetings.length);
  let count = 0;
  for (const m of order) {
    if (count >= target) break;
    const { a, b, session } = inst.meetings[m]!;
    const slots: number[] = [];
    for (let s = 1; s <= inst.nSlots; s++) {
      const inSession = session === 3 || (session === 1 ? s <= inst.nMorning : s > inst.nMorning);
      if (inSession && !forbidden[a - 1]!.has(s) && !forbidden[b - 1]!.has(s) && !taken[a - 1]!.has(s) && !taken[b - 1]!.has(s)) slots.push(s);
    }
    if (slots.length === 0) continue;
    const s = slots[Math.floor(random() * slots.length)]!;
    fixed[m] = s;
    taken[a - 1]!.add(s);
    taken[b - 1]!.add(s);
    count++;
  }
  return fixed;
}

function drawPrecedences(inst: Instance, percent: number, random: () => number): Set<number>[] {
  const preds = inst.meetings.map(() => new Set<number>());
  // A random rank per meeting: a predecessor always has a lower rank, so no cycle can appear.
  const rank = inst.meetings.map(() => random());
  const byParticipant = new Map<number, number[]>();
  inst.meetings.forEach(({ a, b }, m) => {
    for (const p of [a, b]) (byParticipant.get(p) ?? byParticipant.set(p, []).get(p)!).push(m);
  });
  for (const p of [...byParticipant.keys()].sort((x, y) => x - y)) {
    const mine = byParticipant.get(p)!;
    const wanted = Math.floor((percent / 100) * mine.length);
    const targets = shuffled(mine.length, random)
      .map((i) => mine[i]!)
      .filter((m) => mine.some((o) => rank[o]! < rank[m]!));
    for (const m of targets.slice(0, wanted)) {
      const earlier = mine.filter((o) => rank[o]! < rank[m]!);
      preds[m]!.add(earlier[Math.floor(random() * earlier.length)]! + 1);
    }
  }
  return preds;
}

const setArray = (sets: Set<number>[], withDummy: boolean) =>
  `[${sets.map((s) => `{${(withDummy ? [0, ...[...s].sort((x, y) => x - y)] : [...s].sort((x, y) => x - y)).join(',')}}`).join(',\n')}]`;

function replaceField(text: string, name: string, value: string): string {
  const re = new RegExp(`(^|\\n)\\s*${name}\\s*=[^;]*;`);
  const line = `\n${name} = ${value};`;
  return re.test(text) ? text.replace(re, line) : `${text.trimEnd()}\n${line.trim()}\n`;
}

/** One variant of an original instance's text, deterministic for (instance name, kind). */
export function makeVariant(name: string, original: string, kind: VariantKind): string {
  const inst = readInstance(original);
  const random = rng(seedOf(`${name}.${kind}`));
  let forbidden = inst.forbidden;
  let fixed = inst.meetings.map(() => 0);
  let preds = inst.meetings.map(() => new Set<number>());
  if (kind === 'forb0003' || kind === 'forb0007') forbidden = drawForbidden(inst, kind === 'forb0003' ? 0.3 : 0.7, random);
  if (kind === 'fixed020-Forb' || kind === 'fixed040-Forb') fixed = drawFixed(inst, kind === 'fixed020-Forb' ? 20 : 40, forbidden, random);
  if (kind === 'prec15' || kind === 'prec25') preds = drawPrecedences(inst, kind === 'prec15' ? 15 : 25, random);
  let text = `% ${name}.${kind}: generated by bench/scheduler/variants.ts (paper section 7.4)\n${original}`;
  text = replaceField(text, 'forbidden', setArray(forbidden, true));
  text = replaceField(text, 'fixed', `[${fixed.join(',')}]`);
  text = replaceField(text, 'precedences', setArray(preds, false));
  return text;
}

export function allVariants(): DznFile[] {
  return gironaInstances().flatMap((name) => {
    const original = readFileSync(join(GIRONA_DIR, `${name}.original.dzn`), 'utf8');
    return VARIANT_KINDS.map((kind) => ({ name: `${name}.${kind}`, text: makeVariant(name, original, kind) }));
  });
}

if (process.argv[1]?.endsWith('variants.ts') && process.argv[2] === '--write') {
  const dir = process.argv[3] ?? 'variants';
  mkdirSync(dir, { recursive: true });
  const all = allVariants();
  for (const v of all) writeFileSync(join(dir, `${v.name}.dzn`), v.text);
  console.log(`${all.length} variants written to ${dir}`);
}
