import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, randomSiret, type TestContext, type TestUser, type Scenario } from './context';

let t: TestContext;
let s: Scenario;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
  admin = await t.newUser('admin');
});
afterAll(() => t.close());

const count = async (table: string) => (await t.ctx.db.$client.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('NUL characters', () => {
  it('in a title, a search or a message: 400, nothing written', async () => {
    const before = await count('declarations');
    const title = await t.call(s.memberA, 'POST', '/declarations', { kind: 'offer', categoryCode: 'materials.wood', title: 'Palettes\u0000' });
    expect(title.statusCode).toBe(400);
    expect(title.json().errors[0]).toMatchObject({ path: 'body.title', code: 'nul_character' });
    expect(await count('declarations')).toBe(before);

    const search = await t.call(s.memberA, 'GET', '/search/declarations?q=pal%00ettes');
    expect(search.statusCode).toBe(400);
    const list = await t.call(s.memberA, 'GET', '/organisations?q=%00');
    expect(list.statusCode).toBe(400);

    const offer = await t.declare(s.memberA, { title: 'Bobines de carton' });
    const synergies = await count('synergies');
    const message = await t.call(s.memberB, 'POST', `/declarations/${offer.id}/requests`, { message: 'Bonjour\u0000' });
    expect(message.statusCode).toBe(400);
    expect(await count('synergies')).toBe(synergies);
  });
});

describe('pagination cursors', () => {
  it('malformed cursors give 400, on every list', async () => {
    const c = (key: unknown, id: unknown = '00000000-0000-0000-0000-000000000000') => Buffer.from(JSON.stringify([key, id])).toString('base64url');
    const everywhere = ['not-base64!!', Buffer.from('{"a":1}').toString('base64url'), c('\u0000'), c('x', 'not-an-id'), c(null), c({ $gt: '' })];
    const byList: Record<string, string[]> = {
      '/declarations': [...everywhere, c('not-a-date'), c('2026-13-45T99:00:00Z')],
      '/organisations': everywhere,
      '/synergies': [...everywhere, c('not-a-number')],
    };
    for (const [path, cursors] of Object.entries(byList)) {
      for (const cursor of cursors) {
        const res = await t.call(admin, 'GET', `${path}?cursor=${encodeURIComponent(cursor)}`);
        expect(res.statusCode, `${path} ${cursor}`).toBe(400);
        expect(res.json().code).toBe('invalid_cursor');
      }
    }
  });
});

describe('zone import', () => {
  it("reusing another zone's ids is refused with 4xx and changes nothing", async () => {
    const other = await t.call(admin, 'GET', `/zones/${s.zoneId}/export`);
    expect(other.statusCode).toBe(200);
    const doc = other.json();
    const stolenOrgId = doc.organisations[0].id as string;
    const stolenSiteId = doc.organisations[0].sites[0].id as string;
    const before = { orgs: await count('organisations'), sites: await count('sites'), zones: await count('zones') };
    const attacks = [
      // A new zone whose firm carries the id of a firm of another zone (another SIRET).
      {
        zone: { id: crypto.randomUUID(), slug: `zone-${Date.now()}`, name: 'Zone pirate', description: '', region: '' },
        organisations: [{ ...doc.organisations[0], siret: randomSiret(), sites: [], declarations: [] }],
      },
      // A firm whose site id is another zone's site.
      {
        zone: { id: crypto.randomUUID(), slug: `zone2-${Date.now()}`, name: 'Zone pirate 2', description: '', region: '' },
        organisations: [
          {
            ...doc.organisations[0],
            id: crypto.randomUUID(),
            siret: randomSiret(),
            sites: [{ ...doc.organisations[0].sites[0], id: stolenSiteId }],
            declarations: [],
          },
        ],
      },
      // Another zone's id with a slug of its own that is already taken by a third zone.
      { ...doc, zone: { ...doc.zone, slug: (await t.call(admin, 'GET', `/zones/${await t.newZone()}`)).json().slug } },
    ];
    for (const attack of attacks) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/zones/import', headers: { cookie: admin.cookie }, payload: attack });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
    expect(await count('organisations')).toBe(before.orgs);
    expect(await count('sites')).toBe(before.sites);
    expect(await count('zones')).toBe(before.zones + 1); // the third zone created above for the slug
    const [org] = await t.ctx.db.$client<{ zone_id: string }[]>`select zone_id from organisations where id = ${stolenOrgId}`;
    expect(org!.zone_id).toBe(s.zoneId);
  });
});

describe('concurrent creates', () => {
  it('the same SIRET twice at once: one 201, one 409', async () => {
    const siret = randomSiret();
    const body = { zoneId: s.zoneId, name: 'Menuiserie Jurassienne', siret };
    const answers = await Promise.all([1, 2, 3].map(() => t.call(s.facilitator, 'POST', '/organisations', body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await t.ctx.db.$client`select 1 from organisations where siret = ${siret}`).length).toBe(1);
  });

  it('the same zone slug twice at once: one 201, one 409', async () => {
    const slug = `zone-course-${Date.now()}`;
    const answers = await Promise.all([1, 2, 3].map(() => t.call(admin, 'POST', '/zones', { slug, name: 'Zone en course' })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
  });
});

describe('body limits', () => {
  let base: string;
  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  /** Sends headers and the first megabyte only, then waits for the answer. */
  function sendStart(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method: 'POST', headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
      req.write(Buffer.alloc(1024 * 1024, 0x20));
      // Never sends the rest: an answer proves the body was refused before being read.
    });
  }

  it('an anonymous 82 MB zone document is refused from its length, before parsing', async () => {
    const rss = process.memoryUsage().rss;
    const res = await sendStart('/api/v1/zones/import', { 'content-type': 'application/json', 'content-length': String(82 * 1024 * 1024) });
    expect(res.status).toBe(401);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
  });

  it('an anonymous chunked body is cut at the anonymous limit', async () => {
    const res = await sendStart('/api/v1/auth/login', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    expect(res.status).toBe(413);
  });

  it('a logged-in body over the route limit is refused from its length', async () => {
    const res = await sendStart('/api/v1/declarations', {
      'content-type': 'application/json',
      'content-length': String(50 * 1024 * 1024),
      cookie: s.memberA.cookie,
    });
    expect(res.status).toBe(413);
  });
});
