import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './context';
import { activityFixture } from './fixtures/activity';

let t: TestContext;
let facilitator: TestUser;
let fixture: Awaited<ReturnType<typeof activityFixture>>;
let slug: string;

beforeAll(async () => {
  t = await createTestContext();
  fixture = await activityFixture(t);
  facilitator = await t.newUser('facilitator', { zoneId: fixture.zoneId });
  slug = (await t.ctx.db.$client<{ slug: string }[]>`select slug from zones where id = ${fixture.zoneId}`)[0]!.slug;
});
afterAll(() => t.close());

describe('map of flows', () => {
  it('places firms with their offers and needs, and draws each open synergy from giver to taker', async () => {
    const res = await t.call(facilitator, 'GET', `/zones/${slug}/map`);
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    expect(map.firms).toHaveLength(4);
    expect(map.firms.find((f: { id: string }) => f.id === fixture.firmA.id)).toMatchObject({
      offers: 2,
      needs: 0,
      latitude: 46.6702,
      longitude: 5.5871,
      categories: ['materials'],
    });
    // Five synergies are not dropped; each goes from A (giver) to B (taker).
    expect(map.flows).toHaveLength(5);
    const reused = map.flows.find((f: { title: string }) => f.title === 'Palettes réemployées');
    expect(reused).toMatchObject({
      kind: 'substitution',
      status: 'implemented',
      category: 'materials',
      tonnesPerYear: 10,
      coordinates: [
        [5.5871, 46.6702],
        [5.5503, 46.6901],
      ],
    });
    expect(map.outline.geometry.type).toBe('Polygon');
  });

  it('tells the web which tile source to use (none here: the plain background)', async () => {
    const res = await t.call(null, 'GET', '/map/config');
    expect(res.json()).toEqual({ mapTilesUrl: null });
  });
});
