import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSearchIndexes } from '../src/infra/search/rebuild';
import { meiliErrorCode } from '../src/infra/search/http-client';
import { ensureIndexes, searchIndexes } from '../src/infra/search/indexes';
import { markAllForReindex } from '../src/infra/search/outbox';
import { SearchOutboxRelay } from '../src/infra/search/outbox-relay';
import { createTestContext, type TestContext, type Scenario } from './context';

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
  await t.declare(s.memberA, { title: 'Palettes bois 80x120 non standard', wasteCode: '15 01 03', siteId: s.firmA.siteId });
  await t.declare(s.memberA, { title: 'Rouleaux de papier glassine (support d’étiquettes)', categoryCode: 'materials.paper.glassine', siteId: s.firmA.siteId });
  await t.declare(s.memberB, { kind: 'need', title: 'Recherche big bags propres', categoryCode: 'logistics.packaging', siteId: s.firmB.siteId });
  await t.declare(s.memberB, { title: 'Lactosérum pour alimentation animale', categoryCode: 'materials.organic', priceMode: 'sale', priceAmount: 5 });
  await t.ctx.searchRelay.drain();
});
afterAll(() => t.close());

async function search(query: string, user = s.memberB) {
  const res = await t.call(user, 'GET', `/search/declarations?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    hits: { id: string; title: string; distanceKm: number | null; highlight: { title: string } }[];
    total: number;
    totalPages: number;
    facets: Record<string, Record<string, number>>;
  };
}

describe('marketplace search', () => {
  it('finds a declaration despite a misspelling, with the match highlighted', async () => {
    const r = await search('q=palete');
    expect(r.hits[0]?.title).toBe('Palettes bois 80x120 non standard');
    expect(r.hits[0]?.highlight.title).toContain('<mark>');
  });

  it('understands the field’s synonyms', async () => {
    expect((await search('q=europalette')).hits.map((h) => h.title)).toContain('Palettes bois 80x120 non standard');
    expect((await search('q=papier%20silicon%C3%A9')).hits.map((h) => h.title)).toContain('Rouleaux de papier glassine (support d’étiquettes)');
  });

  it('filters by kind, category family and price mode, with facets', async () => {
    const needs = await search('kind=need');
    expect(needs.hits.map((h) => h.title)).toEqual(['Recherche big bags propres']);
    const materials = await search('categoryCode=materials.paper');
    expect(materials.hits.map((h) => h.title)).toEqual(['Rouleaux de papier glassine (support d’étiquettes)']);
    const sale = await search('priceMode=sale');
    expect(sale.hits.map((h) => h.title)).toEqual(['Lactosérum pour alimentation animale']);
    expect(needs.facets.kind).toEqual({ need: 1 });
  });

  it('sorts by distance and filters by radius', async () => {
    // From firm B's site (46.6901, 5.5503): firm A is about 3.5 km away.
    const near = await search('lat=46.6901&lng=5.5503');
    const pallets = near.hits.find((h) => h.title.startsWith('Palettes'))!;
    expect(pallets.distanceKm).toBeGreaterThan(2);
    expect(pallets.distanceKm).toBeLessThan(5);
    expect(near.hits[0]!.distanceKm).toBeLessThanOrEqual(near.hits[near.hits.length - 1]!.distanceKm!);
    const within1km = await search('lat=46.6901&lng=5.5503&radiusKm=1');
    expect(within1km.hits.map((h) => h.title)).not.toContain('Palettes bois 80x120 non standard');
  });

  it('keeps a radius exact, with its total and facets, and pages nearest first', async () => {
    const from = 'lat=46.6901&lng=5.5503';
    const pallets = (await search(from)).hits.find((h) => h.title.startsWith('Palettes'))!;
    // Just inside and just outside the firm A site's distance: the map cells alone would keep both.
    const inside = await search(`${from}&radiusKm=${pallets.distanceKm! + 0.2}`);
    const outside = await search(`${from}&radiusKm=${pallets.distanceKm! - 0.2}`);
    expect(inside.hits.map((h) => h.id)).toContain(pallets.id);
    expect(outside.hits.map((h) => h.id)).not.toContain(pallets.id);
    for (const r of [inside, outside]) {
      expect(r.total).toBe(r.hits.length);
      expect(r.hits.every((h) => h.distanceKm !== null && h.distanceKm <= pallets.distanceKm! + 0.2)).toBe(true);
      const kinds = Object.values(r.facets.kind ?? {}).reduce((a, b) => a + b, 0);
      expect(kinds).toBe(r.hits.length);
    }
    const all = await search(`${from}&limit=50`);
    const second = await search(`${from}&limit=1&page=2`);
    expect(second.hits.map((h) => h.id)).toEqual([all.hits[1]!.id]);
    expect(second.total).toBe(all.total);
    expect(second.totalPages).toBe(all.total);
  });

  it('drops closed declarations and respects zone visibility', async () => {
    const d = await t.declare(s.memberA, { title: 'Fûts métalliques 200 L vides' });
    await t.ctx.searchRelay.drain();
    expect((await search('q=f%C3%BBts')).total).toBe(1);
    await t.call(s.memberA, 'PATCH', `/declarations/${d.id}`, { version: d.version, status: 'closed' });
    await t.ctx.searchRelay.drain();
    expect((await search('q=f%C3%BBts')).total).toBe(0);

    const otherZone = await t.newZone();
    const outsiderFirm = await t.newOrganisation(otherZone);
    const outsider = await t.newUser('member', { organisationId: outsiderFirm.id });
    await t.declare(outsider, { title: 'Chutes de contreplaqué zone voisine' });
    await t.declare(outsider, { title: 'Chutes de médium toutes zones', visibility: 'all' });
    await t.ctx.searchRelay.drain();
    const titles = (await search('q=chutes')).hits.map((h) => h.title);
    expect(titles).toContain('Chutes de médium toutes zones');
    expect(titles).not.toContain('Chutes de contreplaqué zone voisine');
    expect((await t.call(s.memberB, 'GET', `/search/declarations?zoneId=${otherZone}`)).statusCode).toBe(403);
  });

  it('searches organisations of the user’s zones', async () => {
    const res = await t.call(s.memberA, 'GET', '/search/organisations?q=fromagerie');
    expect(res.json().map((o: { name: string }) => o.name)).toEqual(['Fromagerie des Coteaux']);
  });

  it('rejects out-of-range parameters', async () => {
    expect((await t.call(s.memberB, 'GET', '/search/declarations?lat=200&lng=5')).statusCode).toBe(400);
    expect((await t.call(s.memberB, 'GET', '/search/declarations?limit=500')).statusCode).toBe(400);
  });
});

describe('PostgreSQL stays the truth', () => {
  it('accepts writes while Meilisearch is unreachable and indexes them once it is back', async () => {
    const unreachable = new SearchOutboxRelay(t.ctx.db.$client, searchIndexes('http://127.0.0.1:9', 'x', 'nowhere_'), { warn: () => undefined });
    // Stop the real relay so that only the broken one tries.
    await t.ctx.searchRelay.stop();
    const d = await t.declare(s.memberA, { title: 'Copeaux d’aluminium 6060' });
    await expect(unreachable.relayBatch()).rejects.toThrow();
    const pending = await t.ctx.db.$client`select 1 from search_outbox where entity_id = ${d.id}`;
    expect(pending.length).toBeGreaterThan(0);

    await t.ctx.searchRelay.drain();
    expect(await t.ctx.db.$client`select 1 from search_outbox`).toHaveLength(0);
    expect((await search('q=aluminium')).hits.map((h) => h.id)).toContain(d.id);
  });

  it('drains rows that another pass holds: waits for them instead of skipping them', async () => {
    await t.ctx.searchRelay.stop();
    const d = await t.declare(s.memberA, { title: 'Bidons PEHD 30 L' });
    const sql = t.ctx.db.$client;
    // Another instance's pass: the rows locked, Meilisearch not yet told.
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = sql.begin(async (tx) => {
      await tx`select id from search_outbox for update`;
      locked();
      await released;
    });
    await isLocked;
    let drained = false;
    const draining = t.ctx.searchRelay.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(drained).toBe(false);
    release();
    await Promise.all([holder, draining]);
    expect(await sql`select 1 from search_outbox`).toHaveLength(0);
    expect((await search('q=bidons')).hits.map((h) => h.id)).toContain(d.id);
  });

  it('reads Meilisearch errors through its HTTP client, code included', async () => {
    const error = await t.ctx.search.client
      .index(`${t.ctx.search.declarations}_missing`)
      .getStats()
      .catch((e: unknown) => e);
    expect(meiliErrorCode(error)).toBe('index_not_found');
  });

  it('re-sends documents shaped by an earlier version once the settings change', async () => {
    await t.ctx.search.client.index(t.ctx.search.declarations).updateFilterableAttributes(['zoneId', 'status', '_geo']).waitTask();
    expect(await ensureIndexes(t.ctx.search)).toEqual(['declaration']);
    expect(await ensureIndexes(t.ctx.search)).toEqual([]);
    await markAllForReindex(t.ctx.db, 'declaration');
    const [queued] = await t.ctx.db.$client<{ n: number }[]>`select count(distinct entity_id)::int as n from search_outbox where entity = 'declaration'`;
    const [all] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from declarations`;
    expect(queued!.n).toBe(all!.n);
    await t.ctx.searchRelay.drain();
    expect(await t.ctx.db.$client`select 1 from search_outbox`).toHaveLength(0);
    expect((await search('lat=46.6901&lng=5.5503&radiusKm=10')).total).toBeGreaterThan(0);
  });

  it('rebuilds the indexes from scratch', async () => {
    const before = await search('q=palettes');
    await t.ctx.search.client.index(t.ctx.search.declarations).deleteAllDocuments().waitTask();
    expect((await search('q=palettes')).total).toBe(0);
    const counts = await rebuildSearchIndexes(t.ctx.db.$client, t.ctx.search);
    const [row] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from declarations`;
    expect(counts.declarations).toBe(row!.n);
    const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();
    expect(ids(await search('q=palettes'))).toEqual(ids(before));
  });
});
