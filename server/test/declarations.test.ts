import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type Scenario } from './context';

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

const pallets = {
  title: 'Palettes bois 80x120 non standard',
  description: 'Palettes perdues, une vingtaine par semaine',
  categoryCode: 'materials.wood',
  wasteCode: '15 01 03',
  quantity: 20,
  unit: 'pallet',
  frequency: 'weekly',
} as const;

async function countDeclarations() {
  const [row] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from declarations`;
  return row!.n;
}

describe('declarations', () => {
  it('lets a member declare an offer for their own firm, with defaults filled', async () => {
    const res = await t.call(s.memberA, 'POST', '/declarations', { kind: 'offer', ...pallets, siteId: s.firmA.siteId });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      organisationId: s.firmA.id,
      organisationName: 'Plasturgie du Revermont',
      zoneId: s.zoneId,
      kind: 'offer',
      wasteCode: '15 01 03',
      hazardous: false,
      status: 'active',
      visibility: 'zone',
      priceMode: 'free',
      version: 1,
      photos: [],
    });
    const fetched = await t.call(s.memberB, 'GET', `/declarations/${body.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json().title).toBe(pallets.title);
  });

  it('gets a time-ordered id (UUID version 7): a later row sorts after, and its first 48 bits are its millisecond', async () => {
    const before = Date.now();
    const first = await t.declare(s.memberA, { title: 'Chutes de bois' });
    const second = await t.declare(s.memberA, { title: 'Sciure' });
    const after = Date.now();
    for (const { id } of [first, second]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(after);
    }
    expect(second.id > first.id).toBe(true);
  });

  it('derives the hazard flag from a hazardous waste code', async () => {
    const d = await t.declare(s.memberA, { title: 'Huiles moteur usagées', categoryCode: 'materials.chemicals', wasteCode: '130205' });
    expect(d.wasteCode).toBe('13 02 05');
    expect(d.hazardous).toBe(true);
  });

  it('edits with the current version and refuses a stale one, changing nothing', async () => {
    const d = await t.declare(s.memberA, { title: 'Chutes de film PE' });
    const ok = await t.call(s.memberA, 'PATCH', `/declarations/${d.id}`, { version: d.version, quantity: 12, unit: 't', frequency: 'yearly' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ quantity: 12, unit: 't', frequency: 'yearly', version: 2 });

    const stale = await t.call(s.memberA, 'PATCH', `/declarations/${d.id}`, { version: 1, title: 'Écrasé ?' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ status: 409, code: 'version_conflict' });
    const after = await t.call(s.memberA, 'GET', `/declarations/${d.id}`);
    expect(after.json()).toMatchObject({ title: 'Chutes de film PE', version: 2 });
  });

  it('refuses a member of another firm and leaves the declaration as it was', async () => {
    const d = await t.declare(s.memberA, { title: 'Cartons double cannelure' });
    const res = await t.call(s.memberB, 'PATCH', `/declarations/${d.id}`, { version: d.version, title: 'Pris !' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await t.call(s.memberA, 'GET', `/declarations/${d.id}`)).json()).toMatchObject({ title: 'Cartons double cannelure', version: 1 });

    const forOther = await t.call(s.memberB, 'POST', '/declarations', {
      kind: 'need',
      title: 'Au nom d’un autre',
      categoryCode: 'materials.wood',
      organisationId: s.firmA.id,
    });
    expect(forOther.statusCode).toBe(403);
  });

  it('lets the zone facilitator edit and close any firm’s declaration', async () => {
    const d = await t.declare(s.memberA, { title: 'Sciure de hêtre' });
    const res = await t.call(s.facilitator, 'PATCH', `/declarations/${d.id}`, { version: d.version, status: 'closed' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('closed');
    // Closed declarations disappear for other firms, stay visible to their own.
    expect((await t.call(s.memberB, 'GET', `/declarations/${d.id}`)).statusCode).toBe(404);
    expect((await t.call(s.memberA, 'GET', `/declarations/${d.id}`)).statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await t.call(null, 'GET', '/declarations');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('pages through a list with a cursor, newest first', async () => {
    const firm = await t.newOrganisation(s.zoneId);
    const member = await t.newUser('member', { organisationId: firm.id });
    for (let i = 0; i < 5; i++) {
      await t.declare(member, { title: `Lot numéro ${i}` });
      t.clock.advance(1000);
    }
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call(member, 'GET', `/declarations?organisationId=${firm.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: { title: string }[]; nextCursor: string | null };
      titles.push(...page.items.map((d) => d.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toHaveLength(5);
    expect(new Set(titles).size).toBe(5);
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    const before = await countDeclarations();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { cookie: s.memberA.cookie, 'content-type': 'application/json' },
      payload: '{"kind": "offer", "title": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_json' });
    expect(await countDeclarations()).toBe(before);
  });

  it('wrong types → 400 with the fields named', async () => {
    const before = await countDeclarations();
    const res = await t.call(s.memberA, 'POST', '/declarations', { kind: 'gift', title: 42, categoryCode: 'materials.wood', quantity: -3 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.title', 'body.quantity']));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
    expect(await countDeclarations()).toBe(before);
  });

  it('an availability window ending before it starts → 400', async () => {
    const res = await t.call(s.memberA, 'POST', '/declarations', {
      kind: 'offer',
      title: 'Fenêtre inversée',
      categoryCode: 'materials.wood',
      availableFrom: '2026-12-01',
      availableUntil: '2026-11-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.availableUntil');
  });

  it('an unknown waste code or a site of another firm → 422', async () => {
    const before = await countDeclarations();
    const res = await t.call(s.memberA, 'POST', '/declarations', {
      kind: 'offer',
      title: 'Code inventé',
      categoryCode: 'materials.wood',
      wasteCode: '99 99 99',
      siteId: s.firmB.siteId,
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.siteId', 'body.wasteCode']);
    expect(await countDeclarations()).toBe(before);
  });

  it('unknown and malformed ids → 404 not found', async () => {
    const unknown = await t.call(s.memberA, 'GET', '/declarations/4b6f5c1e-8a51-4c43-9d0e-6d0f8a3f2b11');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
    const patch = await t.call(s.memberA, 'PATCH', '/declarations/4b6f5c1e-8a51-4c43-9d0e-6d0f8a3f2b11', { version: 1, title: 'x y z' });
    expect(patch.statusCode).toBe(404);
    const malformed = await t.call(s.memberA, 'GET', '/declarations/not-a-uuid');
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json()).toMatchObject({ code: 'not_found', detail: expect.stringMatching(/Introuvable/) });
    const before = await countDeclarations();
    expect((await t.call(s.memberA, 'PATCH', '/declarations/12345', { version: 1, title: 'Palettes' })).statusCode).toBe(404);
    expect(await countDeclarations()).toBe(before);
  });

  it('an invalid cursor → 400', async () => {
    const res = await t.call(s.memberA, 'GET', '/declarations?cursor=garbage');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });
});
