import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SynergyTitleParts } from '@synergies/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchDeclaration } from '../src/core/matching';
import { buildProposal } from '../src/core/matching/proposal';
import { matchDeclarationsById } from '../src/modules/matching/repository';
import { openGroupsWithin } from '../src/modules/synergies/proposal-repository';
import { saveProposals, storedKey } from '../src/modules/synergies/proposals';
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
async function declarations(n: number, firm?: string): Promise<string[]> {
  const sql = t.ctx.db.$client;
  const rows = await sql<{ id: string }[]>`
    insert into declarations ${sql(
      Array.from({ length: n }, (_, i) => ({
        organisation_id: firm ?? (i % 2 ? s.firmA.id : s.firmB.id),
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

/** An engine pool of these declarations, titled as the engine titles one (its category is in its title parts). */
async function group(declarationIds: string[], status = 'proposed', categoryCode = 'materials.wood'): Promise<string> {
  const sql = t.ctx.db.$client;
  const parts: SynergyTitleParts = { template: 'pool', resource: 'need', categoryCode, firms: 2 };
  const [row] = await sql<{ id: string }[]>`
    insert into synergies (zone_id, kind, origin, status, title, title_parts)
    values (${s.zoneId}, 'mutualisation', 'engine', ${status}, 'Groupe', ${JSON.stringify(parts)}::jsonb) returning id`;
  await sql`insert into synergy_declarations ${sql(declarationIds.map((d) => ({ synergy_id: row!.id, declaration_id: d })))}`;
  return row!.id;
}

const statusOf = async (id: string) =>
  (await t.ctx.db.$client<{ status: string; drop_reason: string | null }[]>`select status, drop_reason from synergies where id = ${id}`)[0]!;

describe('the open groups a new group holds', () => {
  it('are exactly the open engine groups of its zone and category whose declarations it all holds, largest then oldest first', async () => {
    const [a, b, c, d, e] = await declarations(5);
    const inside = await group([a!, b!]);
    const sameSize = await group([a!, b!, c!]);
    await group([c!, e!]); // overlapping
    await group([b!, c!], 'in_study'); // moved on by the firms
    await group([a!, b!], 'dropped');
    await group([a!, c!], 'proposed', 'materials.metal'); // another category: not a group the engine would grow into this one
    const otherZone = await t.newZone();
    await t.ctx.db.$client`update synergies set zone_id = ${otherZone} where id = ${await group([a!])}`;

    const found = await t.ctx.db.$client.begin((tx) =>
      openGroupsWithin(tx, [
        { zoneId: s.zoneId, categoryCode: 'materials.wood', declarationIds: [a!, b!, c!, d!] },
        { zoneId: s.zoneId, categoryCode: 'materials.wood', declarationIds: [d!] },
      ]),
    );

    expect(found.map((w) => [w.g, w.id])).toEqual([
      [0, sameSize],
      [0, inside],
    ]);
    expect(found[0]).toMatchObject({ status: 'proposed', version: expect.any(Number) });
    expect([...found[0]!.declaration_ids].sort()).toEqual([a!, b!, c!].sort());
  });
});

describe('engine pools saved before title parts existed', () => {
  it('get them from migration 0010, so that they are found by their category', async () => {
    const [a, b] = await declarations(2);
    const old = await group([a!, b!]);
    await t.ctx.db.$client`update synergies set title_parts = null where id = ${old}`;
    await t.ctx.db.$client`insert into synergy_parties (synergy_id, organisation_id, declaration_id, role)
      values (${old}, ${s.firmA.id}, ${a!}, 'member'), (${old}, ${s.firmB.id}, ${b!}, 'member')`;

    const migration = readFileSync(new URL('../../db/migrations/0010_open_engine_groups_by_category.sql', import.meta.url), 'utf8');
    await t.ctx.db.$client.unsafe(migration.split('--> statement-breakpoint')[0]!);

    const [row] = await t.ctx.db.$client<{ title_parts: unknown }[]>`select title_parts from synergies where id = ${old}`;
    expect(row!.title_parts).toEqual({ template: 'pool', resource: 'need', categoryCode: 'materials.wood', firms: 2 } satisfies SynergyTitleParts);
    const found = await t.ctx.db.$client.begin((tx) =>
      openGroupsWithin(tx, [{ zoneId: s.zoneId, categoryCode: 'materials.wood', declarationIds: [a!, b!, randomUUID()] }]),
    );
    expect(found.map((w) => w.id)).toContain(old);
  });
});

describe('a larger group of the engine grows the open group it holds', () => {
  /** The engine's view of the declarations, as a matching reads them. */
  async function engineView(ids: string[]): Promise<Map<string, MatchDeclaration>> {
    return new Map((await matchDeclarationsById(t.ctx.db.$client, ids)).map((d) => [d.id, d]));
  }
  async function save(members: string[], at = NOW) {
    const declarations = await engineView(members);
    const proposal = buildProposal('mutualisation', [...declarations.values()], [...new Set([...declarations.values()].map((d) => d.organisationId))], 0.8, []);
    const outcome = await t.ctx.db.$client.begin((tx) => saveProposals(tx, { proposals: [proposal], declarations, orgNames: new Map(), now: new Date(at) }));
    return { outcome, key: storedKey(proposal.key) };
  }
  const groupOf = async (key: string) => (await t.ctx.db.$client<{ id: string }[]>`select id from synergies where proposal_key = ${key}`)[0]?.id;
  const partiesOf = (id: string) =>
    t.ctx.db.$client<{ organisation_id: string; accepted: boolean }[]>`
      select organisation_id, accepted_at is not null as accepted from synergy_parties where synergy_id = ${id} order by organisation_id`;
  const unread = async (userId: string) =>
    (await t.ctx.db.$client<{ n: number }[]>`select coalesce(sum(count), 0)::int as n from notifications where user_id = ${userId} and read_at is null`)[0]!.n;

  it('grows the older of two pools a firm joins, replaces the other, and tells only the firm that joined', async () => {
    const sql = t.ctx.db.$client;
    const firmC = await t.newOrganisation(s.zoneId, { name: 'Cartonnages du Jura' });
    const memberC = await t.newUser('member', { organisationId: firmC.id });
    const [a, b, c, d] = await declarations(4);
    const [e] = await declarations(1, firmC.id);
    const older = await groupOf((await save([a!, b!], '2026-11-30T08:00:00.000Z')).key);
    const other = await groupOf((await save([c!, d!], '2026-11-30T09:00:00.000Z')).key);
    // Firm A agreed to the older pool, firm B to the other.
    await sql`update synergy_parties set accepted_at = ${NOW}::timestamptz where (synergy_id = ${older!} and organisation_id = ${s.firmA.id}) or (synergy_id = ${other!} and organisation_id = ${s.firmB.id})`;
    const [before] = await sql<{ version: number }[]>`select version from synergies where id = ${older!}`;
    const unreadBefore = { a: await unread(s.memberA.id), c: await unread(memberC.id) };

    const { outcome, key } = await save([a!, b!, c!, d!, e!]);

    expect(outcome).toEqual({ created: 0, updated: 1, retired: 1 });
    expect(await groupOf(key)).toBe(older);
    const [grown] = await sql<{ status: string; version: number; n: number }[]>`
      select status, version, (select count(*)::int from synergy_declarations where synergy_id = s.id) as n from synergies s where id = ${older!}`;
    expect(grown).toEqual({ status: 'proposed', version: before!.version + 1, n: 5 });
    // Every firm once; both acceptances are there, the other pool's carried over.
    expect(await partiesOf(older!)).toEqual(
      [
        { organisation_id: s.firmA.id, accepted: true },
        { organisation_id: s.firmB.id, accepted: true },
        { organisation_id: firmC.id, accepted: false },
      ].sort((x, y) => (x.organisation_id < y.organisation_id ? -1 : 1)),
    );
    expect(await statusOf(other!)).toEqual({ status: 'dropped', drop_reason: `retired: superseded by: ${older}` });
    const events = await sql<
      { type: string; to_status: string }[]
    >`select type, to_status::text from synergy_events where synergy_id = ${older!} order by at, type`;
    expect(events.map((ev) => ev.type)).toEqual(['proposed', 'grown']);
    expect(await unread(memberC.id)).toBe(unreadBefore.c + 1);
    expect(await unread(s.memberA.id)).toBe(unreadBefore.a);
  });

  it('leaves a pool already in study as it is: the larger group is a new lead', async () => {
    const [a, b, c] = await declarations(3);
    const studied = await groupOf((await save([a!, b!])).key);
    await t.ctx.db.$client`update synergies set status = 'in_study' where id = ${studied!}`;

    const { outcome, key } = await save([a!, b!, c!]);

    expect(outcome.created).toBe(1);
    expect(await groupOf(key)).not.toBe(studied);
    expect(await statusOf(studied!)).toMatchObject({ status: 'in_study' });
  });
});
