import { readFile } from 'node:fs/promises';
import { ZoneExchange } from '@synergies/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ZONE_FILE } from '../src/seed';
import { createTestContext, randomSiret, type TestContext, type TestUser } from './context';

let t: TestContext;
let admin: TestUser;
let demo: ReturnType<typeof ZoneExchange.parse>;
let demoInput: unknown;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.newUser('admin');
  demoInput = JSON.parse(await readFile(DEMO_ZONE_FILE, 'utf8'));
  demo = ZoneExchange.parse(demoInput);
});
afterAll(() => t.close());

const counts = async () => {
  const [row] = await t.ctx.db.$client<{ o: number; s: number; d: number }[]>`
    select (select count(*)::int from organisations) as o, (select count(*)::int from sites) as s, (select count(*)::int from declarations) as d`;
  return row!;
};

describe('zone exchange format', () => {
  it('imports the demo zone, then re-imports it as a no-op', async () => {
    const first = await t.call(admin, 'POST', '/zones/import', demoInput);
    expect(first.statusCode).toBe(200);
    const totalSites = demo.organisations.reduce((n, o) => n + o.sites.length, 0);
    const totalDeclarations = demo.organisations.reduce((n, o) => n + o.declarations.length, 0);
    expect(first.json()).toMatchObject({
      zoneId: demo.zone.id,
      organisations: { created: demo.organisations.length, updated: 0, unchanged: 0 },
      sites: { created: totalSites },
      declarations: { created: totalDeclarations },
    });
    expect(demo.organisations.length).toBeGreaterThanOrEqual(30);
    expect(totalDeclarations).toBeGreaterThanOrEqual(150);

    const again = await t.call(admin, 'POST', '/zones/import', demoInput);
    expect(again.json()).toMatchObject({
      organisations: { created: 0, updated: 0, unchanged: demo.organisations.length },
      sites: { created: 0, updated: 0, unchanged: totalSites },
      declarations: { created: 0, updated: 0, unchanged: totalDeclarations },
    });
    const [row] = await t.ctx.db.$client<{ version: number }[]>`select max(version) as version from declarations`;
    expect(row!.version).toBe(1);
  });

  it('exports what it imported (same document, modulo the export time)', async () => {
    const res = await t.call(admin, 'GET', `/zones/${demo.zone.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('zone-lons-perrigny.json');
    const exported = ZoneExchange.parse(res.json());
    const sortDeep = (doc: typeof demo) => ({
      ...doc,
      exportedAt: undefined,
      organisations: [...doc.organisations]
        .sort((a, b) => a.siret.localeCompare(b.siret))
        .map((o) => ({
          ...o,
          sites: [...o.sites].sort((a, b) => a.id!.localeCompare(b.id!)),
          declarations: [...o.declarations].sort((a, b) => a.id!.localeCompare(b.id!)).map((d) => ({ ...d, wasteCode: d.wasteCode?.replace('*', '') ?? null })),
        })),
    });
    expect(sortDeep(exported)).toEqual(sortDeep(demo));
  });

  it('updates what changed and reports it', async () => {
    const changed = structuredClone(demoInput) as { organisations: { name: string; declarations: { title: string }[] }[] };
    changed.organisations[0]!.name = 'Nom modifié par import';
    changed.organisations[1]!.declarations[0]!.title = 'Titre modifié par import';
    const res = await t.call(admin, 'POST', '/zones/import', changed);
    expect(res.json()).toMatchObject({ organisations: { updated: 1 }, declarations: { updated: 1 } });
    // Restore for the next tests.
    await t.call(admin, 'POST', '/zones/import', demoInput);
  });

  it('rejects a document whose SIRET belongs to another zone, changing nothing', async () => {
    const before = await counts();
    const doc = structuredClone(demoInput) as {
      zone: { id: string; slug: string };
      organisations: { id: string; sites: { id: string }[]; declarations: { id: string; siteId: string | null }[] }[];
    };
    doc.zone = { ...doc.zone, id: '0b6a7f0e-7a0e-4f4e-9a55-0c8d3f1e2a10', slug: 'autre-zone' };
    doc.organisations = doc.organisations.slice(0, 1).map((o) => ({ ...o, sites: [], declarations: [] }));
    const res = await t.call(admin, 'POST', '/zones/import', doc);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_rejected', errors: [{ path: 'organisations.0.siret' }] });
    expect(await counts()).toEqual(before);
    expect(await t.ctx.db.$client`select 1 from zones where slug = 'autre-zone'`).toHaveLength(0);
  });

  it('rejects an invalid document with the paths of its errors', async () => {
    const before = await counts();
    const res = await t.call(admin, 'POST', '/zones/import', {
      format: 'synergies.zone/v1',
      zone: { id: '5a1f8c2e-2b7d-4c55-8e0b-1d5b3c9e7f21', slug: 'zone-x', name: 'Zone X' },
      organisations: [{ id: '7c3e1d2b-9a8f-4e6d-b5c4-a3b2c1d0e9f8', name: 'Bad', siret: '11111111111112', declarations: [{ id: 'nope' }] }],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.organisations.0.siret', 'body.organisations.0.declarations.0.id']));
    expect(await counts()).toEqual(before);
  });

  it('lets only the zone’s facilitators export and import', async () => {
    const member = await t.newUser('member');
    expect((await t.call(member, 'GET', `/zones/${demo.zone.id}/export`)).statusCode).toBe(403);
    expect((await t.call(member, 'POST', '/zones/import', demoInput)).statusCode).toBe(403);
    const facilitator = await t.newUser('facilitator', { zoneId: demo.zone.id });
    expect((await t.call(facilitator, 'GET', `/zones/${demo.zone.id}/export`)).statusCode).toBe(200);
    const newZone = {
      format: 'synergies.zone/v1',
      zone: { id: 'e0c1b2a3-d4e5-4f60-8a7b-9c8d7e6f5a4b', slug: 'nouvelle', name: 'Nouvelle' },
      organisations: [],
    };
    expect((await t.call(facilitator, 'POST', '/zones/import', newZone)).statusCode).toBe(403);
  });

  it('indexes imported declarations for search', async () => {
    await t.ctx.searchRelay.drain();
    const facilitator = await t.newUser('facilitator', { zoneId: demo.zone.id });
    const res = await t.call(facilitator, 'GET', `/search/declarations?zoneId=${demo.zone.id}&q=glassine&limit=50`);
    expect(res.json().total).toBeGreaterThanOrEqual(5);
  });

  it('keeps stable ids when an organisation registered by SIRET arrives with another id', async () => {
    const zoneId = await t.newZone({ slug: 'zone-stable' });
    const siret = randomSiret();
    const existing = await t.newOrganisation(zoneId, { siret });
    const res = await t.call(admin, 'POST', '/zones/import', {
      format: 'synergies.zone/v1',
      zone: { id: zoneId, slug: 'zone-stable', name: 'Zone de test' },
      organisations: [
        {
          id: 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d',
          name: 'Même SIRET',
          siret,
          declarations: [{ id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', kind: 'offer', title: 'Chutes', categoryCode: 'materials.wood' }],
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.ctx.db.$client<
      { organisation_id: string }[]
    >`select organisation_id from declarations where id = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e'`;
    expect(row!.organisation_id).toBe(existing.id);
  });
  it('imports a document without any ids, and re-imports it without duplicates', async () => {
    const doc = {
      format: 'synergies.zone/v1',
      zone: { slug: `sans-id-${Date.now().toString(36)}`, name: 'Zone sans identifiants' },
      organisations: [
        {
          name: 'Menuiserie de Montmorot',
          siret: randomSiret(),
          sites: [{ name: 'Atelier', city: 'Montmorot', latitude: 46.68, longitude: 5.51 }],
          declarations: [
            { kind: 'offer', title: 'Chutes de chêne', categoryCode: 'materials.wood' },
            { kind: 'need', title: 'Sciure pour litière', categoryCode: 'materials.wood' },
          ],
        },
        {
          name: 'Imprimerie de Chille',
          siret: randomSiret(),
          declarations: [{ kind: 'offer', title: 'Papier glassine', categoryCode: 'materials.paper.glassine' }],
        },
      ],
    };
    const first = await t.call(admin, 'POST', '/zones/import', doc);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ organisations: { created: 2 }, sites: { created: 1 }, declarations: { created: 3 } });
    const again = await t.call(admin, 'POST', '/zones/import', doc);
    expect(again.json()).toMatchObject({
      zoneId: first.json().zoneId,
      organisations: { created: 0, unchanged: 2 },
      sites: { created: 0, unchanged: 1 },
      declarations: { created: 0, updated: 0, unchanged: 3 },
    });
    const [row] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from declarations where zone_id = ${first.json().zoneId}`;
    expect(row!.n).toBe(3);
  });
});
