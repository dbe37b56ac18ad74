import { schema } from '@synergies/db';
import type { Frequency, Unit } from '@synergies/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Db, RawSql, RawTransaction } from '../../infra/db';
import { declarationSiteJoin, mainSiteJoin } from '../../infra/locations';
import type { BlockingKeys, KnowledgeCase, MatchDeclaration, MatchOrganisation } from '../../core/matching';

interface DeclarationRow {
  id: string;
  organisation_id: string;
  zone_id: string;
  kind: 'offer' | 'need';
  title: string;
  description: string;
  category_code: string;
  waste_code: string | null;
  quantity: number | null;
  unit: Unit;
  frequency: Frequency;
  available_from: string | null;
  available_until: string | null;
  hazardous: boolean;
  status: 'active' | 'reserved' | 'closed';
  latitude: number | null;
  longitude: number | null;
  naf_code: string | null;
  organisation_name: string;
}

/** A declaration as the engine sees it, with its firm's name for proposal titles. */
export type NamedMatchDeclaration = MatchDeclaration & { organisationName: string };

/** The engine's view of the declarations `d` read from `from` (the table, or a query of its rows). */
const SELECT = (sql: RawSql, from = sql`declarations`) => sql`
  select d.id, d.organisation_id, d.zone_id, d.kind, d.title, d.description, d.category_code, d.waste_code,
         d.quantity, d.unit, d.frequency, d.available_from::text, d.available_until::text, d.hazardous, d.status,
         s.latitude, s.longitude, o.naf_code, o.name as organisation_name
  from ${from} d
  join organisations o on o.id = d.organisation_id
  ${declarationSiteJoin(sql)}`;

function toMatch(r: DeclarationRow): NamedMatchDeclaration {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    zoneId: r.zone_id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    categoryCode: r.category_code,
    wasteCode: r.waste_code,
    quantity: r.quantity,
    unit: r.unit,
    frequency: r.frequency,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    hazardous: r.hazardous,
    status: r.status,
    location: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lng: r.longitude } : null,
    organisationNaf: r.naf_code,
    organisationName: r.organisation_name,
  };
}

export async function matchDeclarationsById(sql: RawSql, ids: string[]): Promise<NamedMatchDeclaration[]> {
  if (ids.length === 0) return [];
  return (await sql<DeclarationRow[]>`${SELECT(sql)} where d.id = any(${ids}::uuid[])`).map(toMatch);
}

/** Active declarations of a zone, or of every zone when `zoneId` is null. */
export async function activeDeclarations(sql: RawSql, zoneId: string | null): Promise<NamedMatchDeclaration[]> {
  const rows = zoneId
    ? await sql<DeclarationRow[]>`${SELECT(sql)} where d.zone_id = ${zoneId} and d.status = 'active'`
    : await sql<DeclarationRow[]>`${SELECT(sql)} where d.status = 'active'`;
  return rows.map(toMatch);
}

export async function organisationsOf(sql: RawSql, zoneId: string | null): Promise<MatchOrganisation[]> {
  const rows = await sql<{ id: string; zone_id: string; naf_code: string | null; name: string; latitude: number | null; longitude: number | null }[]>`
    select o.id, o.zone_id, o.naf_code, o.name, s.latitude, s.longitude
    from organisations o
    ${mainSiteJoin(sql, 'o.id')}
    where not o.archived and (${zoneId}::uuid is null or o.zone_id = ${zoneId})`;
  return rows.map((r) => ({
    id: r.id,
    zoneId: r.zone_id,
    nafCode: r.naf_code,
    name: r.name,
    location: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lng: r.longitude } : null,
  }));
}

/** Facilitator-validated implemented substitutions with a waste code: the platform's own documented cases. */
export async function validatedCases(sql: RawSql): Promise<KnowledgeCase[]> {
  const rows = await sql<{ id: string; waste_code: string; title: string; giver_naf: string; taker_naf: string }[]>`
    select s.id, d.waste_code, d.title, og.naf_code as giver_naf, ot.naf_code as taker_naf
    from synergies s
    join synergy_parties g on g.synergy_id = s.id and g.role = 'giver'
    join synergy_parties t on t.synergy_id = s.id and t.role = 'taker'
    join declarations d on d.id = g.declaration_id
    join organisations og on og.id = g.organisation_id
    join organisations ot on ot.id = t.organisation_id
    where s.validated_at is not null and s.status in ('in_study', 'implemented')
      and d.waste_code is not null and og.naf_code is not null and ot.naf_code is not null`;
  return rows.map((r) => ({
    id: `validated:${r.id}`,
    source: 'validated' as const,
    providerNace: [r.giver_naf.replace(/\D/g, '')],
    receiverNace: [r.taker_naf.replace(/\D/g, '')],
    ewcCode: r.waste_code,
    ewcCodes: [r.waste_code],
    approximate: false,
    hazardous: false,
    wasteDescription: r.title,
    status: 'validated',
    reference: 'Synergie validée sur la plateforme',
  }));
}

/** At most this many per reach, the newest first: a broad category can share its keys with thousands of declarations. */
const CANDIDATE_LIMIT = 300;

/**
 * The active declarations that share a blocking key with the subject: those of its zone, and
 * those open to every zone whose place lies in `reach` (none without one). From PostgreSQL,
 * the source of truth: a declaration is a candidate from its commit, not from its indexing.
 */
export async function keyedCandidates(
  sql: RawTransaction,
  subject: { id: string; zoneId: string },
  keys: BlockingKeys,
  reach: { south: number; north: number; west: number; east: number } | null,
): Promise<NamedMatchDeclaration[]> {
  // One branch per kind of key, each a scan of the index of that key: under the generic plan
  // kept per connection, keys joined by "or" scanned the zone's every active declaration (2,700
  // rows, 8 ms at national scale). A branch leaves out the rows an earlier branch found.
  // Waste codes are stored as "15 01 03": the sub-chapter is their first five characters.
  const byKey = (scope: ReturnType<typeof sql>) => sql`
    select d.* from declarations d where ${scope} and d.status = 'active' and d.category_code = any(${keys.categoryCodes}::text[])
    union all
    select d.* from declarations d where ${scope} and d.status = 'active' and d.waste_code is not null
      and d.waste_code = any(${keys.wasteCodes}::text[]) and d.category_code <> all(${keys.categoryCodes}::text[])
    union all
    select d.* from declarations d where ${scope} and d.status = 'active' and d.waste_code is not null
      and left(d.waste_code, 5) = any(${keys.wasteSubChapters}::text[])
      and d.category_code <> all(${keys.categoryCodes}::text[]) and d.waste_code <> all(${keys.wasteCodes}::text[])`;
  const openToAllNearby = reach
    ? sql`union all
      (select d.* from (${byKey(sql`d.visibility = 'all' and d.zone_id <> ${subject.zoneId}`)}) d ${declarationSiteJoin(sql)}
       where s.latitude between ${reach.south} and ${reach.north} and s.longitude between ${reach.west} and ${reach.east}
       order by d.created_at desc limit ${CANDIDATE_LIMIT})`
    : sql``;
  // Whole rows as the key indexes find them, then the firms and sites of the kept ones only.
  // The plan made once per connection serves every subject (a plan made for the keys took 4.5
  // ms to make each time), and without parallel workers, whose start alone cost 10 ms.
  const [, , rows] = await Promise.all([
    sql`set local plan_cache_mode = force_generic_plan`,
    sql`set local max_parallel_workers_per_gather = 0`,
    sql<DeclarationRow[]>`
      with keyed as (
        (select d.* from (${byKey(sql`d.zone_id = ${subject.zoneId}`)}) d where d.id <> ${subject.id}
         order by d.created_at desc limit ${CANDIDATE_LIMIT})
        ${openToAllNearby})
      ${SELECT(sql, sql`keyed`)}`,
    sql`set local plan_cache_mode to default`,
    sql`set local max_parallel_workers_per_gather to default`,
  ]);
  return rows.map(toMatch);
}

export async function organisationNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: schema.organisations.id, name: schema.organisations.name }).from(schema.organisations).where(inArray(schema.organisations.id, ids));
}

/**
 * No wait for the disk in this transaction: proposals are derived data, and the job's
 * completion, committed durably afterwards, flushes them with it; a crash before that
 * re-runs the job. Raw SQL: a setting, not a query drizzle models.
 */
export async function skipDurableCommit(tx: RawSql): Promise<void> {
  await tx`set local synchronous_commit = off`;
}

const runs = schema.matchRuns;
export type MatchRunRow = typeof runs.$inferSelect;

export async function insertMatchRun(db: Db | postgres.TransactionSql, zoneId: string | null, requestedBy: string | null): Promise<string> {
  // A spreadsheet import writes on a postgres.js transaction: the run joins it either way.
  if (typeof db === 'function') {
    const [row] = await db<{ id: string }[]>`insert into match_runs (zone_id, requested_by) values (${zoneId}, ${requestedBy}) returning id`;
    return row!.id;
  }
  const [row] = await db.insert(runs).values({ zoneId, requestedBy }).returning({ id: runs.id });
  return row!.id;
}

export async function findMatchRun(db: Db, id: string): Promise<MatchRunRow | undefined> {
  const [row] = await db.select().from(runs).where(eq(runs.id, id));
  return row;
}

export async function updateMatchRun(
  db: Db,
  id: string,
  values: Partial<Pick<MatchRunRow, 'status' | 'total' | 'done' | 'proposals' | 'updated' | 'retired' | 'error'>>,
): Promise<void> {
  await db.update(runs).set(values).where(eq(runs.id, id));
}

/** The run's end: done counts every declaration. */
export async function finishMatchRun(db: Db, id: string, outcome: { created: number; updated: number; retired: number } | { error: string }): Promise<void> {
  const values =
    'error' in outcome
      ? { status: 'failed' as const, error: outcome.error }
      : { status: 'done' as const, done: sql`${runs.total}`, proposals: outcome.created, updated: outcome.updated, retired: outcome.retired };
  await db
    .update(runs)
    .set({ ...values, finishedAt: sql`now()` })
    .where(eq(runs.id, id));
}
