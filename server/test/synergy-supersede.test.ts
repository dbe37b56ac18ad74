import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supersedeSmallerGroups } from '../src/modules/synergies/proposal-repository';
import { createTestContext, type Scenario, type TestContext } from './context';

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

const NOW = '2026-11-30T10:00:00.000Z';

/** Declarations written straight to the table: no matching job runs behind this test's back. */
async function declarations(n: number): Promise<string[]> {
  const sql = t.ctx.db.$client;
  const rows = await sql<{ id: string }[]>`
    insert into declarations ${sql(
      Array.from({ length: n }, (_, i) => ({
        organisation_id: i % 2 ? s.firmA.id : s.firmB.id,
        zone_id: s.zoneId,
        kind: 'need',
        title: `Palettes ${i}`,
        category_code: 'materials.wood',
        unit: 'unit',
        frequency: 'monthly',
      })),
    )} returning id`;
  return rows.map((r) => r.id);
}

async function group(declarationIds: string[], status = 'proposed'): Promise<string> {
  const sql = t.ctx.db.$client;
  const [row] = await sql<{ id: string }[]>`
    insert into synergies (zone_id, kind, origin, status, title) values (${s.zoneId}, 'mutualisation', 'engine', ${status}, 'Groupe') returning id`;
  await sql`insert into synergy_declarations ${sql(declarationIds.map((d) => ({ synergy_id: row!.id, declaration_id: d })))}`;
  return row!.id;
}

const statusOf = async (id: string) =>
  (await t.ctx.db.$client<{ status: string; drop_reason: string | null }[]>`select status, drop_reason from synergies where id = ${id}`)[0]!;

describe('a new group supersedes the open groups it contains', () => {
  it('retires exactly the groups whose declarations it all holds, and names its successor', async () => {
    const [a, b, c, d, e] = await declarations(5);
    const inside = await group([a!, b!]);
    const sameSize = await group([a!, b!, c!]);
    const overlapping = await group([c!, e!]);
    const alreadyStudied = await group([b!, c!], 'in_study');
    const larger = await group([a!, b!, c!, d!]);

    // Firm A had accepted the smaller group; nobody has answered the larger one yet.
    const sql = t.ctx.db.$client;
    const accepted = new Date('2026-11-29T09:00:00Z');
    await sql`insert into synergy_parties (synergy_id, organisation_id, role, accepted_at) values
      (${inside}, ${s.firmA.id}, 'member', ${accepted.toISOString()}::timestamptz), (${inside}, ${s.firmB.id}, 'member', null),
      (${larger}, ${s.firmA.id}, 'member', null), (${larger}, ${s.firmB.id}, 'member', null)`;

    const replaced = await sql.begin((tx) => supersedeSmallerGroups(tx, [larger], 'retired: superseded by', NOW));

    expect(replaced).toBe(2);
    expect(await statusOf(inside)).toEqual({ status: 'dropped', drop_reason: `retired: superseded by: ${larger}` });
    expect(await statusOf(sameSize)).toEqual({ status: 'dropped', drop_reason: `retired: superseded by: ${larger}` });
    expect(await statusOf(overlapping)).toMatchObject({ status: 'proposed' });
    expect(await statusOf(alreadyStudied)).toMatchObject({ status: 'in_study' });
    expect(await statusOf(larger)).toMatchObject({ status: 'proposed' });
    const events = await t.ctx.db.$client<{ synergy_id: string; from_status: string; note: string }[]>`
      select synergy_id, from_status, note from synergy_events where type = 'superseded' and synergy_id in (${inside}, ${sameSize}) order by synergy_id`;
    expect(events).toHaveLength(2);
    expect(events.every((ev) => ev.from_status === 'proposed' && ev.note === larger)).toBe(true);
    // The acceptance carries over to the larger group, and only it.
    const parties = await sql<{ organisation_id: string; accepted_at: string | null }[]>`
      select organisation_id, accepted_at::text from synergy_parties where synergy_id = ${larger}`;
    expect(new Date(parties.find((p) => p.organisation_id === s.firmA.id)!.accepted_at!)).toEqual(accepted);
    expect(parties.find((p) => p.organisation_id === s.firmB.id)?.accepted_at).toBeNull();
  });
});
