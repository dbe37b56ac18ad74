import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './context';
import { activityFixture } from './fixtures/activity';

/*
 * Every dashboard figure links to the list it counts: each list, filtered the way the link
 * filters it, holds exactly the rows the figure counts. On top of the hand-counted activity
 * fixture (see fixtures/activity.ts), rows at the edges of the year:
 * - a closed declaration of B at 00:30 on 1 January 2026 in Paris (31 Dec 2025 23:30 UTC): in 2026;
 * - a declaration of A at 00:30 on 1 January 2027 in Paris (31 Dec 2026 23:30 UTC): not in 2026;
 * - an archived firm E (7 employees) that declared in 2026: mobilised in 2026;
 * - a meeting event on 31 December 2025 with one meeting held between A and D: not in 2026;
 * - a synergy proposed in 2025, implemented, its impacts counted in 2026: in the 2026 impacts;
 *   a synergy back in study whose impact row says 2026: not counted (not implemented).
 * So 2026 counts 4 declarations, 4 firms (A, B, C, E) with 1,107 employees, 1 meeting held
 * out of 2 requested, and the impacts of 2 synergies.
 */

let t: TestContext;
let fixture: Awaited<ReturnType<typeof activityFixture>>;
let facilitator: TestUser;
let slug: string;
const ids = { edge: '', late: '', archived: '', event2025: '', impact2026: '', inStudy: '' };

beforeAll(async () => {
  t = await createTestContext();
  fixture = await activityFixture(t);
  facilitator = await t.newUser('facilitator', { zoneId: fixture.zoneId });
  const sql = t.ctx.db.$client;
  const zoneId = fixture.zoneId;
  slug = (await sql<{ slug: string }[]>`select slug from zones where id = ${zoneId}`)[0]!.slug;

  const declare = async (org: string, title: string, at: string, status = 'active') =>
    (
      await sql<{ id: string }[]>`insert into declarations (organisation_id, zone_id, kind, title, category_code, quantity, unit, frequency, status, created_at)
      values (${org}, ${zoneId}, 'offer', ${title}, 'materials.wood', 1, 't', 'yearly', ${status}, ${at}) returning id`
    )[0]!.id;
  ids.edge = await declare(fixture.firmB.id, 'Petit-lait du Nouvel An', '2025-12-31T23:30:00Z', 'closed');
  ids.late = await declare(fixture.firmA.id, 'Copeaux de 2027', '2026-12-31T23:30:00Z');
  const firmE = await t.newOrganisation(zoneId, { name: 'Tournerie disparue' });
  ids.archived = firmE.id;
  await sql`update organisations set headcount = 7, archived = true where id = ${firmE.id}`;
  await declare(firmE.id, 'Chutes de hêtre', '2026-04-01T09:00:00Z');

  const [event] = await sql<{ id: string }[]>`insert into meeting_events (zone_id, name, date, sessions, tables)
    values (${zoneId}, 'Rencontres de fin 2025', '2025-12-31', '[]'::jsonb, '[]'::jsonb) returning id`;
  ids.event2025 = event!.id;
  const [a, d] = [fixture.firmA.id, fixture.firmD.id].sort();
  await sql`insert into meeting_participants (event_id, organisation_id) values (${event!.id}, ${a!}), (${event!.id}, ${d!})`;
  const [request] = await sql<{ id: string }[]>`insert into meeting_requests (event_id, organisation_a, organisation_b, priority_a)
    values (${event!.id}, ${a!}, ${d!}, 1) returning id`;
  await sql`insert into meetings (event_id, request_id, organisation_ids, slot_id, table_id, status)
    values (${event!.id}, ${request!.id}, ${[a!, d!]}, 's1', 't1', 'done')`;

  const synergy = async (title: string, status: string, at: string) =>
    (
      await sql<{ id: string }[]>`insert into synergies (zone_id, kind, origin, status, title, created_at)
      values (${zoneId}, 'substitution', 'engine', ${status}, ${title}, ${at}) returning id`
    )[0]!.id;
  ids.impact2026 = await synergy('Sciure livrée en 2026', 'implemented', '2025-11-02T09:00:00Z');
  ids.inStudy = await synergy('Chaleur revenue à l’étude', 'in_study', '2024-05-02T09:00:00Z');
  await sql`insert into synergy_impacts (synergy_id, quantity, unit, per_year, year, tonnes, euros_saved, co2e_kg, km_avoided, factor_code, computed_at)
    values (${ids.impact2026}, 2, 't', true, 2026, 2, 200, 100, 20, 'materials.wood', '2026-02-10T10:00:00Z'),
           (${ids.inStudy}, 9, 't', true, 2026, 9, 900, 500, 90, 'materials.wood', '2026-02-10T10:00:00Z')`;
});
afterAll(() => t.close());

const dashboard = async (year = 2026) => {
  const res = await t.call(facilitator, 'GET', `/zones/${slug}/dashboards?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Every item of a cursor-paged list, two by two: the filter holds across pages. */
async function allPages<T>(user: TestUser, url: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.call(user, 'GET', `${url}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function expectProblem(user: TestUser, url: string, status: number) {
  const res = await t.call(user, 'GET', url);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return res.json() as { code: string; errors?: { path: string }[] };
}

describe('the lists behind the dashboard figures', () => {
  it('declarations: those of the zone created in the Paris year, closed ones included', async () => {
    const d = await dashboard();
    expect(d.funnel.declarations).toBe(4);
    const listed = await allPages<{ id: string; title: string }>(facilitator, `/declarations?zoneId=${fixture.zoneId}&year=2026`);
    expect(listed).toHaveLength(d.funnel.declarations);
    const titles = listed.map((r) => r.title);
    expect(titles).toContain('Petit-lait du Nouvel An');
    expect(titles).not.toContain('Copeaux de 2027');
    expect(titles).not.toContain('Sciure de 2025');
    const in2027 = await allPages<{ id: string }>(facilitator, `/declarations?zoneId=${fixture.zoneId}&year=2027`);
    expect(in2027.map((r) => r.id)).toEqual([ids.late]);
    expect(in2027).toHaveLength((await dashboard(2027)).funnel.declarations);
  });

  it('firms mobilised and their employees: the same firms, archived ones included', async () => {
    const d = await dashboard();
    expect(d.firms).toEqual({ mobilised: 4, employees: 1107 });
    const firms = await allPages<{ id: string; name: string; headcount: number | null; archived: boolean }>(
      facilitator,
      `/organisations?zoneId=${fixture.zoneId}&mobilisedIn=2026`,
    );
    expect(firms).toHaveLength(d.firms.mobilised);
    expect(firms.reduce((n, f) => n + (f.headcount ?? 0), 0)).toBe(d.firms.employees);
    expect(firms.map((f) => f.id).sort()).toEqual([fixture.firmA.id, fixture.firmB.id, fixture.firmC.id, ids.archived].sort());
    expect(firms.find((f) => f.id === ids.archived)?.archived).toBe(true);
    // D took part only at the 2025 event: mobilised in 2025, not in 2026.
    const in2025 = await allPages<{ id: string }>(facilitator, `/organisations?zoneId=${fixture.zoneId}&mobilisedIn=2025`);
    expect(in2025.map((f) => f.id)).toContain(fixture.firmD.id);
    expect(in2025).toHaveLength((await dashboard(2025)).firms.mobilised);
    // Without the filter the console keeps hiding archived firms.
    const current = await allPages<{ id: string }>(facilitator, `/organisations?zoneId=${fixture.zoneId}`);
    expect(current.map((f) => f.id)).not.toContain(ids.archived);
  });

  it('meetings held: the zone events of the year, with their meetings requested and held', async () => {
    const d = await dashboard();
    expect(d.meetings).toEqual({ requested: 2, held: 1 });
    const res = await t.call(facilitator, 'GET', `/meeting-events?zoneId=${fixture.zoneId}&year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const events = res.json() as { id: string; meetingsRequested: number; meetingsHeld: number }[];
    expect(events.map((e) => e.id)).not.toContain(ids.event2025);
    expect(events.reduce((n, e) => n + e.meetingsHeld, 0)).toBe(d.meetings.held);
    expect(events.reduce((n, e) => n + e.meetingsRequested, 0)).toBe(d.meetings.requested);
    const in2025 = (await t.call(facilitator, 'GET', `/meeting-events?zoneId=${fixture.zoneId}&year=2025`)).json() as typeof events;
    expect(in2025.map((e) => e.id)).toEqual([ids.event2025]);
    expect(in2025[0]!.meetingsHeld).toBe((await dashboard(2025)).meetings.held);
    const all = (await t.call(facilitator, 'GET', `/meeting-events?zoneId=${fixture.zoneId}`)).json() as typeof events;
    expect(all).toHaveLength(2);
  });

  it('impacts: implemented synergies whose impacts count in the year, whenever proposed', async () => {
    const d = await dashboard();
    expect(d.impactTotals).toEqual({ synergies: 2, tonnes: 14.5, euros: 1700, co2eKg: 900, km: 140 });
    const listed = await allPages<{ id: string }>(facilitator, `/synergies?zoneId=${fixture.zoneId}&impactYear=2026`);
    expect(listed).toHaveLength(d.impactTotals.synergies);
    expect(listed.map((s) => s.id).sort()).toEqual([fixture.implemented, ids.impact2026].sort());
    const in2025 = await allPages<{ id: string }>(facilitator, `/synergies?zoneId=${fixture.zoneId}&impactYear=2025`);
    expect(in2025).toHaveLength((await dashboard(2025)).impactTotals.synergies);
    // The board's table of impacts per year counts them the same way.
    const totals = (await t.call(facilitator, 'GET', `/zones/${fixture.zoneId}/impacts`)).json();
    expect(totals.years).toEqual([
      { year: 2025, synergies: 1, tonnes: 3, eurosSaved: 100, co2eKg: 50, kmAvoided: 10 },
      {
        year: 2026,
        synergies: d.impactTotals.synergies,
        tonnes: d.impactTotals.tonnes,
        eurosSaved: d.impactTotals.euros,
        co2eKg: d.impactTotals.co2eKg,
        kmAvoided: d.impactTotals.km,
      },
    ]);
  });

  it('refuses bad filter values with a problem, and they change nothing', async () => {
    const before = await dashboard();
    const zone = fixture.zoneId;
    for (const url of [
      `/declarations?zoneId=${zone}&year=deux-mille`,
      `/declarations?zoneId=${zone}&year=1850`,
      `/organisations?zoneId=${zone}&mobilisedIn=2026.5`,
      `/meeting-events?zoneId=${zone}&year=3000`,
      `/synergies?zoneId=${zone}&impactYear=vingt`,
    ]) {
      expect((await expectProblem(facilitator, url, 400)).code).toBe('validation_failed');
    }
    const noZone = await expectProblem(facilitator, '/organisations?mobilisedIn=2026', 400);
    expect(noZone.errors?.map((e) => e.path).join(' ')).toContain('zoneId');
    // Who took part is the facilitators' figure, as the dashboard is.
    const member = await t.newUser('member', { organisationId: fixture.firmA.id });
    expect((await expectProblem(member, `/organisations?zoneId=${zone}&mobilisedIn=2026`, 403)).code).toBe('forbidden');
    expect(await dashboard()).toEqual(before);
  });
});
