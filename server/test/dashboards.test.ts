import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './context';
import { activityFixture } from './fixtures/activity';

let t: TestContext;
let fixture: Awaited<ReturnType<typeof activityFixture>>;
let facilitator: TestUser;
let slug: string;

beforeAll(async () => {
  t = await createTestContext();
  fixture = await activityFixture(t);
  facilitator = await t.newUser('facilitator', { zoneId: fixture.zoneId });
  slug = (await t.ctx.db.$client<{ slug: string }[]>`select slug from zones where id = ${fixture.zoneId}`)[0]!.slug;
});
afterAll(() => t.close());

describe('zone dashboards', () => {
  it('counts the year as counted by hand', async () => {
    const res = await t.call(facilitator, 'GET', `/zones/${slug}/dashboards?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.funnel).toEqual({ declarations: 2, proposals: 5, underDiscussion: 4, inStudy: 3, implemented: 1 });
    expect(d.synergiesByCategory).toEqual([
      { category: 'materials', kind: 'substitution', count: 3 },
      { category: 'energy', kind: 'mutualisation', count: 1 },
      { category: 'other', kind: 'sharing', count: 1 },
    ]);
    expect(d.meetings).toEqual({ requested: 2, held: 1 });
    expect(d.impactsByMonth).toEqual([{ month: 5, tonnes: 12.5, euros: 1500, co2eKg: 800, km: 120 }]);
    expect(d.impactTotals).toEqual({ synergies: 1, tonnes: 12.5, euros: 1500, co2eKg: 800, km: 120 });
    expect(d.firms).toEqual({ mobilised: 3, employees: 1100 });
  });

  it('links each funnel figure to a list of exactly that many synergies', async () => {
    const d = (await t.call(facilitator, 'GET', `/zones/${slug}/dashboards?year=2026`)).json();
    const listed = async (query: string) =>
      (await t.call(facilitator, 'GET', `/synergies?zoneId=${fixture.zoneId}&year=2026&limit=100${query}`)).json().items.length;
    expect(await listed('')).toBe(d.funnel.proposals);
    expect(await listed('&reached=under_discussion')).toBe(d.funnel.underDiscussion);
    expect(await listed('&reached=in_study')).toBe(d.funnel.inStudy);
    expect(await listed('&reached=implemented')).toBe(d.funnel.implemented);
    expect((await t.call(facilitator, 'GET', `/synergies?zoneId=${fixture.zoneId}&year=2025&reached=implemented`)).json().items).toHaveLength(1);
    expect((await t.call(facilitator, 'GET', `/synergies?zoneId=${fixture.zoneId}&reached=signed`)).statusCode).toBe(400);
    expect((await t.call(facilitator, 'GET', `/synergies?zoneId=${fixture.zoneId}&year=1850`)).statusCode).toBe(400);
  });

  it('keeps years apart', async () => {
    const d = (await t.call(facilitator, 'GET', `/zones/${slug}/dashboards?year=2025`)).json();
    expect(d.funnel).toEqual({ declarations: 1, proposals: 1, underDiscussion: 1, inStudy: 1, implemented: 1 });
    expect(d.impactTotals).toMatchObject({ synergies: 1, tonnes: 3 });
    expect(d.meetings).toEqual({ requested: 0, held: 0 });
    expect(d.firms).toEqual({ mobilised: 2, employees: 100 });
  });

  it('answers 400 to a bad year and 403 to a firm member', async () => {
    expect((await t.call(facilitator, 'GET', `/zones/${slug}/dashboards?year=deux-mille`)).statusCode).toBe(400);
    const member = await t.newUser('member', { organisationId: fixture.firmA.id });
    expect((await t.call(member, 'GET', `/zones/${slug}/dashboards?year=2026`)).statusCode).toBe(403);
  });
});
