import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchedule, parseDzn, solveSchedule, type SchedulingEvent } from '../../server/src/core/scheduler/index';
import { dznFilesIn, GIRONA_DIR, gironaInstances, runInstance } from './girona';
import { makeVariant, VARIANT_KINDS, type VariantKind } from './variants';

const original = (name: string) => readFileSync(join(GIRONA_DIR, `${name}.original.dzn`), 'utf8');
const variant = (name: string, kind: VariantKind) => parseDzn(makeVariant(name, original(name), kind), `${name}.${kind}`);
const forbiddenPairs = (event: SchedulingEvent) => event.participants.flatMap((p) => p.unavailableSlots.map((s) => `${p.id}@${s}`)).sort();
const arcs = (event: SchedulingEvent) => event.requests.reduce((n, r) => n + r.after.length, 0);
const fixedCount = (event: SchedulingEvent) => event.requests.filter((r) => r.fixedSlot !== undefined).length;

describe('section 7.4 variants', () => {
  const names = gironaInstances();

  // Counts read from the manifest of the official files (b2b.zip), one per kind and family.
  it('has the official files’ numbers of forbidden pairs, fixed meetings and precedence arcs', () => {
    const official: [string, VariantKind, { forbidden: number; fixed: number; arcs: number }][] = [
      ['forumt-14crafd', 'forb0003', { forbidden: 1, fixed: 0, arcs: 0 }],
      ['forum-13crafc', 'forb0007', { forbidden: 10, fixed: 0, arcs: 0 }],
      ['tic-12crafc', 'forb0007', { forbidden: 2, fixed: 0, arcs: 0 }],
      ['forum-13', 'fixed020-Forb', { forbidden: 22, fixed: 30, arcs: 0 }],
      ['tic-13crafb', 'fixed040-Forb', { forbidden: 0, fixed: 73, arcs: 0 }],
      ['forum-14', 'prec15', { forbidden: 116, fixed: 0, arcs: 53 }],
      ['forum-14', 'prec25', { forbidden: 116, fixed: 0, arcs: 126 }],
      ['tic-13', 'prec15', { forbidden: 0, fixed: 0, arcs: 35 }],
      ['forum-13crafb', 'prec25', { forbidden: 26, fixed: 0, arcs: 71 }],
    ];
    for (const [name, kind, counts] of official) {
      const event = variant(name, kind);
      expect({ forbidden: forbiddenPairs(event).length, fixed: fixedCount(event), arcs: arcs(event) }, `${name}.${kind}`).toEqual(counts);
    }
  });

  it('draws new forbidden slots in place of the original’s, and keeps the original’s for the other kinds', () => {
    for (const name of names) {
      const base = parseDzn(original(name), name);
      const slots = base.sessions.reduce((n, s) => n + s.slots.length, 0);
      for (const kind of VARIANT_KINDS) {
        const pairs = forbiddenPairs(variant(name, kind));
        if (kind === 'forb0003' || kind === 'forb0007') {
          const alpha = kind === 'forb0003' ? 0.003 : 0.007;
          expect(pairs.length, `${name}.${kind}`).toBe(Math.max(1, Math.floor(alpha * base.participants.length * slots)));
        } else expect(pairs, `${name}.${kind}`).toEqual(forbiddenPairs(base));
      }
    }
  });

  it('fixes floor(β × meetings) meetings, each in its session, where both firms may meet, never two of a firm at once', () => {
    for (const name of names) {
      for (const kind of ['fixed020-Forb', 'fixed040-Forb'] as const) {
        const event = variant(name, kind);
        const unavailable = new Map(event.participants.map((p) => [p.id, new Set(p.unavailableSlots)]));
        const sessionOf = new Map(event.sessions.flatMap((s) => s.slots.map((slot) => [slot.id, s.id])));
        const taken = new Set<string>();
        for (const r of event.requests.filter((x) => x.fixedSlot !== undefined)) {
          if (r.session) expect(sessionOf.get(r.fixedSlot!)).toBe(r.session);
          for (const p of r.participants) {
            expect(unavailable.get(p)!.has(r.fixedSlot!), `${name}.${kind}: ${p} fixed in a forbidden slot`).toBe(false);
            expect(taken.has(`${p}@${r.fixedSlot}`), `${name}.${kind}: ${p} fixed twice in ${r.fixedSlot}`).toBe(false);
            taken.add(`${p}@${r.fixedSlot}`);
          }
        }
        expect(fixedCount(event), `${name}.${kind}`).toBe(Math.floor((kind === 'fixed020-Forb' ? 0.2 : 0.4) * event.requests.length));
      }
    }
  });

  it('gives each firm floor(γ × its meetings) predecessors among its own meetings, without a cycle', () => {
    for (const name of names) {
      for (const kind of ['prec15', 'prec25'] as const) {
        const event = variant(name, kind);
        const share = kind === 'prec15' ? 0.15 : 0.25;
        const meetingsOf = new Map<string, number>();
        for (const r of event.requests) for (const p of r.participants) meetingsOf.set(p, (meetingsOf.get(p) ?? 0) + 1);
        expect(arcs(event), `${name}.${kind}`).toBe([...meetingsOf.values()].reduce((n, d) => n + Math.floor(share * d), 0));
        const byId = new Map(event.requests.map((r) => [r.id, r]));
        for (const r of event.requests) {
          for (const before of r.after) expect(byId.get(before)!.participants.some((p) => r.participants.includes(p))).toBe(true);
        }
        // Kahn's order: every meeting is placed once all its predecessors are.
        const placed = new Set<string>();
        for (let progress = true; progress;) {
          progress = false;
          for (const r of event.requests) {
            if (!placed.has(r.id) && r.after.every((b) => placed.has(b))) {
              placed.add(r.id);
              progress = true;
            }
          }
        }
        expect(placed.size, `${name}.${kind} has a cycle`).toBe(event.requests.length);
      }
    }
  });

  it('is the same text for the same instance and kind', () => {
    expect(makeVariant('tic-12', original('tic-12'), 'prec25')).toBe(makeVariant('tic-12', original('tic-12'), 'prec25'));
  });

  // Small variants solved end to end, each answer checked apart from the solver.
  for (const [name, kind] of [
    ['tic-12', 'fixed040-Forb'],
    ['tic-13', 'forb0003'],
    ['tic-12', 'prec25'],
  ] as const) {
    it(`${name}.${kind}: a schedule that passes the independent check, or a proof that none exists`, async () => {
      const event = variant(name, kind);
      const result = await solveSchedule(event, { timeLimitSeconds: 10, fairness: 2 });
      if (result.status !== 'scheduled') {
        expect(result.failure.proven, result.failure.message).toBe(true);
        return;
      }
      const check = checkSchedule(event, result, 2);
      expect(check.violations).toEqual([]);
      expect(result.unscheduled).toEqual([]);
      expect(check.maxBreakDifference).toBeLessThanOrEqual(2);
      expect(check.totalBreaks).toBeGreaterThanOrEqual(result.stats.breaksLowerBound);
    }, 60_000);
  }
});

describe('a folder of .dzn files (run.ts dir)', () => {
  it('reads every .dzn file in name order, and a paper-style file with precedences is solved and checked', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dzn-'));
    writeFileSync(join(folder, 'b.prec25.dzn'), makeVariant('tic-12', original('tic-12'), 'prec25'));
    writeFileSync(join(folder, 'a.dzn'), original('tic-12'));
    writeFileSync(join(folder, 'notes.txt'), 'not an instance');
    const files = dznFilesIn(folder);
    expect(files.map((f) => f.name)).toEqual(['a', 'b.prec25']);
    const row = await runInstance(files[1]!.name, files[1]!.text, 10);
    expect(row).toMatchObject({ instance: 'b.prec25', status: 'scheduled', allScheduled: true, checked: true, fairnessHeld: true });
    expect(row.breaks).toBeGreaterThanOrEqual(row.lowerBound!);
  }, 60_000);
});
