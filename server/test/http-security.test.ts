import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type Scenario } from './context';

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

/** What an auto-submitted <form enctype="text/plain"> on another port of the host sends. */
const crossSiteForm = (cookie: string) => ({
  cookie,
  'content-type': 'text/plain',
  origin: 'http://synergies.test:8080',
  'sec-fetch-site': 'same-site',
  'sec-fetch-mode': 'navigate',
});

describe('forms from another origin', () => {
  it('cannot reserve an offer nor mark notifications read', async () => {
    const offer = await t.declare(s.memberA, { kind: 'offer', title: 'Palettes 80x120 à donner' });
    const asked = await t.call(s.memberB, 'POST', `/declarations/${offer.id}/requests`, { message: 'Nous les prenons volontiers.' });
    expect(asked.statusCode).toBe(201);
    const synergyId = asked.json().id as string;
    const unread = async () => (await t.ctx.db.$client`select 1 from notifications where user_id = ${s.memberA.id} and read_at is null`).length;
    const before = await unread();
    expect(before).toBeGreaterThan(0);

    const reserve = await t.app.inject({
      method: 'POST',
      url: `/api/v1/synergies/${synergyId}/reserve`,
      headers: crossSiteForm(s.memberA.cookie),
      payload: 'a=b',
    });
    expect(reserve.statusCode).toBe(403);
    expect(reserve.json().code).toBe('cross_site_request');
    const read = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: crossSiteForm(s.memberA.cookie), payload: 'a=b' });
    expect(read.statusCode).toBe(403);

    // Without Fetch Metadata (older browsers), the Origin alone decides.
    const { 'sec-fetch-site': _s, 'sec-fetch-mode': _m, ...originOnly } = crossSiteForm(s.memberA.cookie);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: originOnly, payload: 'a=b' })).statusCode).toBe(403);
    // A text/plain body from our own origin is still refused: the route reads no such body.
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: { cookie: s.memberA.cookie, 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' },
      payload: '{}',
    });
    expect(sameOrigin.statusCode).toBe(415);
    expect(sameOrigin.json().code).toBe('unsupported_media_type');

    expect(await unread()).toBe(before);
    const [declaration] = await t.ctx.db.$client<{ status: string }[]>`select status from declarations where id = ${offer.id}`;
    expect(declaration!.status).toBe('active');

    // The app's own requests still work.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: { cookie: s.memberA.cookie, origin: 'http://synergies.test', 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBe(204);
    expect(await unread()).toBe(0);
  });

  it('refuses a JSON body sent as a form type to a JSON route', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { cookie: s.memberA.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'title=x',
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('headers', () => {
  it('sends CSP with frame-ancestors, nosniff and a referrer policy; no HSTS without TLS', async () => {
    for (const url of ['/api/v1/health', '/api/docs/static/index.html', '/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS behind TLS', async () => {
    const tls = await createTestContext({ PUBLIC_URL: 'https://synergies.example.fr' });
    try {
      const res = await tls.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await tls.close();
    }
  });
});

describe('profiles', () => {
  it('refuses javascript: and other non-web website addresses, accepts https', async () => {
    const org = await t.call(s.facilitator, 'GET', `/organisations/${s.firmA.id}`);
    const version = org.json().version as number;
    for (const website of [
      'javascript:alert(document.cookie)',
      'JavaScript://%0Aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example.fr',
    ]) {
      const res = await t.call(s.facilitator, 'PATCH', `/organisations/${s.firmA.id}`, { website, version });
      expect(res.statusCode).toBe(400);
    }
    const [row] = await t.ctx.db.$client<{ website: string | null; version: number }[]>`select website, version from organisations where id = ${s.firmA.id}`;
    expect(row).toEqual({ website: null, version });
    const ok = await t.call(s.facilitator, 'PATCH', `/organisations/${s.firmA.id}`, { website: 'https://www.plasturgie.fr', version });
    expect(ok.statusCode).toBe(200);
  });
});
