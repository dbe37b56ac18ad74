/**
 * The paper's section 7.4 variants of the 20 Girona instances, generated here with a seed (the
 * original variant files are not in the repository): 6 per instance, 120 in all.
 *   forb03, forb07  forbidden slots: α = 0.3 % / 0.7 % of the (participant, slot) pairs, drawn at
 *                   random (at least one), each written into that participant's `forbidden` set;
 *   fix20, fix40    fixed meetings on top of the forb03 forbidden slots: β = 20 % / 40 % of the
 *                   meetings, each fixed to a random slot of its session where both participants
 *                   are allowed and that no other fixed meeting of theirs already takes;
 *   prec15, prec25  precedences: 15 % / 25 % of the meetings get one predecessor, a meeting sharing
 *                   a participant, drawn so that the precedence graph stays acyclic.
 * Fields as in the paper's MiniZinc files: `forbidden[p]` a set of slots (with the dummy 0),
 * `fixed[m]` a slot or 0, `precedences[m]` the set of meetings that must be held BEFORE m.
 * Usage: tsx bench/scheduler/variants.ts --write <dir>   (writes the 120 .dzn files)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDzn } from '../../server/src/core/scheduler/index';
import { GIRONA_DIR, gironaInstances } from './girona';

export const VARIANT_KINDS = ['forb03', 'forb07', 'fix20', 'fix40', 'prec15', 'prec25'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  return { nBusiness: event.participants.length, nSlots, nMorning, meetings };
}

function drawForbidden(inst: Instance, alpha: number, random: () => number): Set<number>[] {
  const forbidden = Array.from({ length: inst.nBusiness }, () => new Set<number>());
  const pairs = Math.max(1, Math.round((alpha / 100) * inst.nBusiness * inst.nSlots));
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
  const target = Math.round((beta / 100) * inst.meetings.length);
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
  const order = shuffled(inst.meetings.length, random);
  const target = Math.round((percent / 100) * inst.meetings.length);
  let count = 0;
  for (const m of order) {
    if (count >= target) break;
    const { a, b } = inst.meetings[m]!;
    const candidates = [...(byParticipant.get(a) ?? []), ...(byParticipant.get(b) ?? [])].filter((o) => o !== m && rank[o]! < rank[m]!);
    if (candidates.length === 0) continue;
    preds[m]!.add(candidates[Math.floor(random() * candidates.length)]! + 1);
    count++;
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
  const none = inst.meetings.map(() => 0);
  const noPrec = inst.meetings.map(() => new Set<number>());
  let forbidden = Array.from({ length: inst.nBusiness }, () => new Set<number>());
  let fixed = none;
  let preds = noPrec;
  if (kind === 'forb03' || kind === 'forb07') forbidden = drawForbidden(inst, kind === 'forb03' ? 0.3 : 0.7, random);
  if (kind === 'fix20' || kind === 'fix40') {
    forbidden = drawForbidden(inst, 0.3, rng(seedOf(`${name}.forb03`)));
    fixed = drawFixed(inst, kind === 'fix20' ? 20 : 40, forbidden, random);
  }
  if (kind === 'prec15' || kind === 'prec25') preds = drawPrecedences(inst, kind === 'prec15' ? 15 : 25, random);
  let text = `% ${name}.${kind}: generated by bench/scheduler/variants.ts (paper section 7.4)\n${original}`;
  text = replaceField(text, 'forbidden', setArray(forbidden, true));
  text = replaceField(text, 'fixed', `[${fixed.join(',')}]`);
  text = replaceField(text, 'precedences', setArray(preds, false));
  return text;
}

export function allVariants(): { name: string; text: string }[] {
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
