import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, randomSiret, type TestContext, type Scenario } from './context';

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

const countOrganisations = async () => (await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from organisations`)[0]!.n;

describe('zones', () => {
  it('lets an admin create a zone and invite its facilitator; others get 403', async () => {
    const admin = await t.newUser('admin');
    const res = await t.call(admin, 'POST', '/zones', { slug: 'bresse-haute-seille', name: 'CC Bresse Haute Seille', region: 'Jura' });
    expect(res.statusCode).toBe(201);
    const zone = res.json();
    expect(zone).toMatchObject({ slug: 'bresse-haute-seille', version: 1 });
    expect((await t.call(admin, 'POST', '/zones', { slug: 'bresse-haute-seille', name: 'Doublon' })).statusCode).toBe(409);
    expect((await t.call(s.facilitator, 'POST', '/zones', { slug: 'autre-zone', name: 'Autre' })).statusCode).toBe(403);

    const invite = await t.call(admin, 'POST', `/zones/${zone.id}/facilitators`, { email: 'anim@example.fr', displayName: 'Anim' });
    expect(invite.statusCode).toBe(201);
    const list = await t.call(admin, 'GET', `/zones/${zone.id}/facilitators`);
    expect(list.json()).toEqual([expect.objectContaining({ email: 'anim@example.fr', activated: false })]);
  });

  it('refuses a bad slug with the field named', async () => {
    const admin = await t.newUser('admin');
    const res = await t.call(admin, 'POST', '/zones', { slug: 'Pas Bon!', name: 'Zone' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.slug');
  });
});

describe('organisations', () => {
  it('lets the facilitator add a firm with a valid SIRET', async () => {
    const siret = randomSiret();
    const res = await t.call(s.facilitator, 'POST', '/organisations', {
      zoneId: s.zoneId,
      name: 'Lunetterie du Jura',
      siret: `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6)}`,
      nafCode: '32.50b',
      headcount: 48,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ siret, nafCode: '32.50B', headcount: 48, sites: [], version: 1 });
  });

  it('refuses an invalid SIRET, a duplicate SIRET and a member, changing nothing', async () => {
    const before = await countOrganisations();
    const invalid = await t.call(s.facilitator, 'POST', '/organisations', { zoneId: s.zoneId, name: 'Mauvais SIRET', siret: '12345678901234' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0]).toMatchObject({ path: 'body.siret' });

    const siret = randomSiret();
    expect((await t.call(s.facilitator, 'POST', '/organisations', { zoneId: s.zoneId, name: 'Première', siret })).statusCode).toBe(201);
    const dup = await t.call(s.facilitator, 'POST', '/organisations', { zoneId: s.zoneId, name: 'Seconde', siret });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('siret_taken');

    const byMember = await t.call(s.memberA, 'POST', '/organisations', { zoneId: s.zoneId, name: 'Par un membre', siret: randomSiret() });
    expect(byMember.statusCode).toBe(403);
    expect(await countOrganisations()).toBe(before + 1);
  });

  it('hides contact details from other firms and shows them to the facilitator', async () => {
    const org = await t.call(s.facilitator, 'PATCH', `/organisations/${s.firmA.id}`, {
      version: 1,
      email: 'contact@plasturgie.example.fr',
      phone: '03 84 00 00 00',
    });
    expect(org.statusCode).toBe(200);
    expect((await t.call(s.memberB, 'GET', `/organisations/${s.firmA.id}`)).json()).toMatchObject({ email: null, phone: null });
    expect((await t.call(s.memberA, 'GET', `/organisations/${s.firmA.id}`)).json()).toMatchObject({ email: 'contact@plasturgie.example.fr' });
    const stale = await t.call(s.facilitator, 'PATCH', `/organisations/${s.firmA.id}`, { version: 1, name: 'Écrasement' });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps firms of other zones out of sight', async () => {
    const otherZone = await t.newZone();
    const outsider = await t.newOrganisation(otherZone);
    expect((await t.call(s.memberA, 'GET', `/organisations/${outsider.id}`)).statusCode).toBe(404);
    expect((await t.call(s.memberA, 'GET', `/organisations?zoneId=${otherZone}`)).statusCode).toBe(403);
    const mine = await t.call(s.memberA, 'GET', '/organisations?limit=100');
    expect(mine.json().items.map((o: { id: string }) => o.id)).not.toContain(outsider.id);
  });

  it('manages sites, for the firm’s members too', async () => {
    const created = await t.call(s.memberA, 'POST', `/organisations/${s.firmA.id}/sites`, {
      name: 'Entrepôt',
      city: 'Montmorot',
      latitude: 46.68,
      longitude: 5.52,
    });
    expect(created.statusCode).toBe(201);
    const site = created.json();
    expect((await t.call(s.memberB, 'PATCH', `/sites/${site.id}`, { name: 'Volé' })).statusCode).toBe(403);
    expect((await t.call(s.memberA, 'PATCH', `/sites/${site.id}`, { latitude: 123 })).statusCode).toBe(400);
    expect((await t.call(s.memberA, 'PATCH', `/sites/${site.id}`, { name: 'Entrepôt nord' })).json().name).toBe('Entrepôt nord');
    expect((await t.call(s.memberA, 'DELETE', `/sites/${site.id}`)).statusCode).toBe(204);
    expect((await t.call(s.memberA, 'DELETE', `/sites/${site.id}`)).statusCode).toBe(404);
  });

  it('lists members for the facilitator and the firm only', async () => {
    const res = await t.call(s.facilitator, 'GET', `/organisations/${s.firmA.id}/members`);
    expect(res.json().map((m: { email: string }) => m.email)).toContain(s.memberA.email);
    expect((await t.call(s.memberB, 'GET', `/organisations/${s.firmA.id}/members`)).statusCode).toBe(403);
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI document describing the routes and the problem shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/declarations', '/api/v1/search/declarations', '/api/v1/zones/import']));
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it('answers unknown API routes with a problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
