import { boundingBox } from '@synergies/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockingKeys } from '../src/core/matching';
import * as repo from '../src/modules/matching/repository';
import { MatchingService } from '../src/modules/matching/service';
import { createTestContext, type TestContext } from './context';

vi.setConfig({ testTimeout: 60_000 });

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** A declaration written straight to PostgreSQL: committed, and not yet in the search index. */
async function declaration(
  organisationId: string,
  zoneId: string,
  fields: { title: string; kind?: 'offer' | 'need'; categoryCode?: string; wasteCode?: string | null; status?: string; visibility?: string },
) {
  const [row] = await t.ctx.db.$client<{ id: string }[]>`
    insert into declarations (organisation_id, zone_id, kind, title, category_code, waste_code, status, visibility)
    values (${organisationId}, ${zoneId}, ${fields.kind ?? 'offer'}, ${fields.title}, ${fields.categoryCode ?? 'materials.wood'},
            ${fields.wasteCode ?? null}, ${fields.status ?? 'active'}, ${fields.visibility ?? 'zone'})
    returning id`;
  return row!.id;
}

describe('candidates of an incremental match, from PostgreSQL', () => {
  it('are the declarations sharing a blocking key in the zone, and those open to all within reach', async () => {
    const lons = await t.newZone();
    const dole = await t.newZone();
    const paris = await t.newZone();
    const [a, b] = [await t.newOrganisation(lons), await t.newOrganisation(lons)];
    // About 45 km north of Perrigny, and about 330 km away.
    const near = await t.newOrganisation(dole, { latitude: 47.09, longitude: 5.49 });
    const far = await t.newOrganisation(paris, { latitude: 48.85, longitude: 2.35 });

    const subject = await declaration(a.id, lons, { kind: 'need', title: 'Recherche palettes', wasteCode: '15 01 03' });
    const expected = [
      await declaration(b.id, lons, { title: 'Palettes bois', wasteCode: '15 01 03' }),
      // Another category, but the same waste sub-chapter (15 01: packaging).
      await declaration(b.id, lons, { title: 'Cartons', categoryCode: 'materials.paper', wasteCode: '15 01 01' }),
      await declaration(near.id, dole, { title: 'Palettes ouvertes à tous', visibility: 'all' }),
    ];
    const excluded = [
      await declaration(b.id, lons, { title: 'Films plastiques', categoryCode: 'materials.plastics' }),
      await declaration(b.id, lons, { title: 'Palettes déjà données', status: 'closed' }),
      await declaration(near.id, dole, { title: 'Palettes de la zone voisine seulement' }),
      await declaration(far.id, paris, { title: 'Palettes trop loin', visibility: 'all' }),
    ];

    const matching = new MatchingService(t.ctx);
    const [named] = await repo.matchDeclarationsById(t.ctx.db.$client, [subject]);
    const keys = blockingKeys(named!, await matching.knowledgeBase());
    // In a transaction, as a matching reads them; the plan settings it makes for them do not outlive the query.
    const { found, planMode, parallelWorkers } = await t.ctx.db.$client.begin(async (tx) => ({
      found: await repo.keyedCandidates(tx, named!, keys, boundingBox(named!.location!, 50)),
      planMode: (await tx<{ plan_cache_mode: string }[]>`show plan_cache_mode`)[0]!.plan_cache_mode,
      parallelWorkers: (await tx<{ max_parallel_workers_per_gather: string }[]>`show max_parallel_workers_per_gather`)[0]!.max_parallel_workers_per_gather,
    }));
    expect(planMode).toBe('auto');
    expect(parallelWorkers).toBe(
      (await t.ctx.db.$client<{ setting: string }[]>`select reset_val as setting from pg_settings where name = 'max_parallel_workers_per_gather'`)[0]!.setting,
    );
    expect(found.map((c) => c.id).sort()).toEqual([...expected].sort());
    expect(found.map((c) => c.id)).not.toContain(subject);
    for (const id of excluded) expect(found.map((c) => c.id)).not.toContain(id);
    // Rows come whole: the firm's name and place, as the engine and the proposals' titles need.
    const open = found.find((c) => c.id === expected[2]);
    expect(open).toMatchObject({ zoneId: dole, organisationId: near.id, location: { lat: 47.09, lng: 5.49 } });
    expect(open!.organisationName).toMatch(/^Entreprise/);

    // Without a place, a declaration meets its own zone only.
    const zoneOnly = await t.ctx.db.$client.begin((tx) => repo.keyedCandidates(tx, named!, keys, null));
    expect(zoneOnly.map((c) => c.id).sort()).toEqual(expected.slice(0, 2).sort());

    // And the match proposes the pair of the same waste code, though nothing of it was indexed yet.
    expect(await matching.rematchDeclaration(subject)).toBeGreaterThanOrEqual(1);
    const linked = await t.ctx.db.$client<{ declaration_id: string }[]>`
      select other.declaration_id from synergy_declarations mine join synergy_declarations other on other.synergy_id = mine.synergy_id
      where mine.declaration_id = ${subject} and other.declaration_id <> ${subject}`;
    expect(linked.map((r) => r.declaration_id)).toContain(expected[0]);
  });
});

describe('the newest candidates first', () => {
  it('keeps the 300 most recent of a key shared by more, whatever plan PostgreSQL keeps for the query', async () => {
    const zone = await t.newZone();
    const [a, b] = [await t.newOrganisation(zone), await t.newOrganisation(zone)];
    const subject = await declaration(a.id, zone, { kind: 'need', title: 'Recherche palettes' });
    // 320 offers of the key, one a minute apart; and the zone's other declarations, of other keys.
    await t.ctx.db.$client`
      insert into declarations (organisation_id, zone_id, kind, title, category_code, created_at)
      select ${b.id}, ${zone}, 'offer', 'Palettes ' || i, 'materials.wood', now() - make_interval(mins => i) from generate_series(1, 320) i`;
    await t.ctx.db.$client`
      insert into declarations (organisation_id, zone_id, kind, title, category_code)
      select ${b.id}, ${zone}, 'offer', 'Films ' || i, 'materials.plastics' from generate_series(1, 50) i`;
    const matching = new MatchingService(t.ctx);
    const [named] = await repo.matchDeclarationsById(t.ctx.db.$client, [subject]);
    const keys = blockingKeys(named!, await matching.knowledgeBase());
    // More calls than PostgreSQL's five before it weighs a plan made without the values.
    for (let call = 0; call < 8; call++) {
      const found = await t.ctx.db.$client.begin((tx) => repo.keyedCandidates(tx, named!, keys, null));
      expect(found).toHaveLength(300);
      expect(new Set(found.map((c) => c.title))).toEqual(new Set(Array.from({ length: 300 }, (_, i) => `Palettes ${i + 1}`)));
    }
  });
});
