import { schema } from '@synergies/db';
import { PIPELINE_STAGES, type SynergyStatus } from '@synergies/shared';
import { and, asc, desc, eq, exists, gte, inArray, isNotNull, isNull, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { rawSql, type Db } from '../../infra/db';
import { mainSiteJoin } from '../../infra/locations';
import { inParisYear } from '../../infra/periods';
import { impactsCountedIn, stageReached } from '../dashboards/repository';

const s = schema.synergies;
const p = schema.synergyParties;
const sd = schema.synergyDeclarations;
const o = schema.organisations;
const d = schema.declarations;
const u = schema.users;

export type SynergyRow = typeof s.$inferSelect;
export type SynergyInsert = typeof s.$inferInsert;
export type PartyInsert = typeof p.$inferInsert;

/** No id matches it: an empty `any()` without a special case. */
const NONE = ['00000000-0000-0000-0000-000000000000'];
const ids = (list: readonly string[]) => (list.length ? [...list] : NONE);

export async function findSynergy(db: Db, id: string): Promise<SynergyRow | undefined> {
  const [row] = await db.select().from(s).where(eq(s.id, id));
  return row;
}

/** The synergy's current row, locked until the transaction ends: answers of several firms take turns. */
export async function lockSynergy(db: Db, id: string): Promise<SynergyRow | undefined> {
  const [row] = await db.select().from(s).where(eq(s.id, id)).for('update');
  return row;
}

export function partiesOf(db: Db, synergyIds: string[]) {
  return db
    .select({
      synergyId: p.synergyId,
      organisationId: p.organisationId,
      organisationName: o.name,
      organisationEmail: o.email,
      organisationPhone: o.phone,
      declarationId: p.declarationId,
      declarationTitle: d.title,
      role: p.role,
      acceptedAt: p.acceptedAt,
      declinedAt: p.declinedAt,
    })
    .from(p)
    .innerJoin(o, eq(o.id, p.organisationId))
    .leftJoin(d, eq(d.id, p.declarationId))
    .where(inArray(p.synergyId, ids(synergyIds)))
    .orderBy(asc(p.role), asc(o.name));
}

/** The firms' people who can sign in (an invited person without a password is not told yet). */
export function peopleOf(db: Db, organisationIds: string[]) {
  return db
    .select({ id: u.id, organisationId: u.organisationId, displayName: u.displayName, email: u.email, locale: u.locale })
    .from(u)
    .where(and(inArray(u.organisationId, ids(organisationIds)), isNotNull(u.passwordHash)))
    .orderBy(asc(u.displayName));
}

export function impactsOf(db: Db, synergyIds: string[]) {
  return db
    .select()
    .from(schema.synergyImpacts)
    .where(inArray(schema.synergyImpacts.synergyId, ids(synergyIds)));
}

export interface ListFilter {
  zoneIds: string[] | null;
  organisationId: string | null;
  kind?: SynergyRow['kind'];
  status?: SynergyStatus;
  categoryCode?: string;
  minScore?: number;
  year?: number;
  reached?: (typeof PIPELINE_STAGES)[number];
  impactYear?: number;
  after: { key: string; id: string } | null;
  limit: number;
}

/** Best score first, then newest; keyset on (score, id). */
export function listSynergies(db: Db, f: ListFilter) {
  const score = sql`coalesce(${s.score}, -1)`;
  const where: SQL[] = [];
  if (f.zoneIds !== null) where.push(inArray(s.zoneId, ids(f.zoneIds)));
  if (f.organisationId !== null) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(p)
          .where(and(eq(p.synergyId, s.id), eq(p.organisationId, f.organisationId))),
      ),
    );
  }
  if (f.kind) where.push(eq(s.kind, f.kind));
  if (f.status) where.push(eq(s.status, f.status));
  if (f.minScore !== undefined) where.push(gte(s.score, f.minScore));
  if (f.year !== undefined) where.push(inParisYear(s.createdAt, f.year));
  if (f.reached) where.push(sql`${stageReached(s.status, s.id)} >= ${PIPELINE_STAGES.indexOf(f.reached) + 1}`);
  if (f.impactYear !== undefined) where.push(sql`exists (select 1 from (${impactsCountedIn(f.impactYear)}) i where i.synergy_id = ${s.id})`);
  if (f.categoryCode) {
    const category = or(eq(d.categoryCode, f.categoryCode), like(d.categoryCode, `${f.categoryCode}.%`));
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(sd)
          .innerJoin(d, eq(d.id, sd.declarationId))
          .where(and(eq(sd.synergyId, s.id), category)),
      ),
    );
  }
  if (f.after) where.push(sql`(${score}, ${s.id}) < (${Number(f.after.key)}::float8, ${f.after.id}::uuid)`);
  return db
    .select()
    .from(s)
    .where(and(...where))
    .orderBy(desc(score), desc(s.id))
    .limit(f.limit + 1);
}

export function historyOf(db: Db, synergyId: string) {
  const e = schema.synergyEvents;
  return db
    .select({ type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus, userName: u.displayName, organisationName: o.name, note: e.note, at: e.at })
    .from(e)
    .leftJoin(u, eq(u.id, e.userId))
    .leftJoin(o, eq(o.id, e.organisationId))
    .where(eq(e.synergyId, synergyId))
    .orderBy(asc(e.at), asc(e.id));
}

export function messagesOf(db: Db, synergyId: string) {
  const m = schema.synergyMessages;
  return db
    .select({ id: m.id, authorName: u.displayName, organisationName: o.name, body: m.body, createdAt: m.createdAt })
    .from(m)
    .innerJoin(u, eq(u.id, m.authorId))
    .leftJoin(o, eq(o.id, m.organisationId))
    .where(eq(m.synergyId, synergyId))
    .orderBy(asc(m.createdAt), asc(m.id));
}

export async function addEvent(
  db: Db,
  e: {
    synergyId: string;
    type: string;
    from?: SynergyStatus | null;
    to?: SynergyStatus | null;
    userId?: string | null;
    organisationId?: string | null;
    note?: string | null;
    at: Date;
  },
) {
  await db.insert(schema.synergyEvents).values({
    synergyId: e.synergyId,
    type: e.type,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    userId: e.userId ?? null,
    organisationId: e.organisationId ?? null,
    note: e.note ?? null,
    at: e.at,
  });
}

export async function addMessage(db: Db, m: { synergyId: string; authorId: string; organisationId: string | null; body: string; at: Date }) {
  await db
    .insert(schema.synergyMessages)
    .values({ synergyId: m.synergyId, authorId: m.authorId, organisationId: m.organisationId, body: m.body, createdAt: m.at });
}

/** The latest hand-over record of a synergy. */
export async function latestExchangeId(db: Db, synergyId: string): Promise<string | undefined> {
  const e = schema.exchanges;
  const [row] = await db.select({ id: e.id }).from(e).where(eq(e.synergyId, synergyId)).orderBy(desc(e.createdAt)).limit(1);
  return row?.id;
}

/** A firm's answer: accepting clears an earlier decline and the other way round. */
export async function setAnswer(db: Db, synergyId: string, organisationId: string, answer: 'accept' | 'decline', at: Date) {
  await db
    .update(p)
    .set(answer === 'accept' ? { acceptedAt: at, declinedAt: null } : { declinedAt: at, acceptedAt: null })
    .where(and(eq(p.synergyId, synergyId), eq(p.organisationId, organisationId)));
}

/** Counts the giver's acceptance once: a later reservation keeps the first date. */
export async function acceptOnce(db: Db, synergyId: string, organisationId: string, at: Date) {
  await db
    .update(p)
    .set({ acceptedAt: sql`coalesce(${p.acceptedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(p.synergyId, synergyId), eq(p.organisationId, organisationId)));
}

export async function pendingAnswers(db: Db, synergyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(and(eq(p.synergyId, synergyId), isNull(p.acceptedAt)));
  return row!.n;
}

/** Moves the synergy if it is still at the version the caller read; false when someone changed it first. */
export async function setStatus(db: Db, id: string, expectedVersion: number, status: SynergyStatus, dropReason: string | null, at: Date): Promise<boolean> {
  const rows = await db
    .update(s)
    .set({ status, dropReason, updatedAt: at, version: sql`${s.version} + 1` })
    .where(and(eq(s.id, id), eq(s.version, expectedVersion)))
    .returning({ id: s.id });
  return rows.length === 1;
}

/** One open marketplace request per declaration and requesting firm (see synergies_open_request_idx). */
export const MARKETPLACE_REQUEST_INDEX = 'synergies_open_request_idx';
export const marketplaceRequestKey = (declarationId: string, organisationId: string) => `${declarationId}:${organisationId}`;

/**
 * The engine's open suggestions between a declaration and a firm, closed once the firm made
 * a request on it: the request carries the conversation, the suggestion would only repeat it.
 */
export async function closeSuggestionsAnsweredBy(db: Db, declarationId: string, organisationId: string, reason: string, at: Date): Promise<void> {
  await db
    .update(s)
    .set({ status: 'dropped', dropReason: reason, updatedAt: at, version: sql`${s.version} + 1` })
    .where(
      and(
        eq(s.origin, 'engine'),
        eq(s.status, 'proposed'),
        inArray(s.id, db.select({ id: sd.synergyId }).from(sd).where(eq(sd.declarationId, declarationId))),
        inArray(s.id, db.select({ id: p.synergyId }).from(p).where(eq(p.organisationId, organisationId))),
      ),
    );
}

/** The open request that a unique violation on the request key ran into. */
export async function openRequestWithKey(db: Db, requestKey: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: s.id })
    .from(s)
    .where(and(eq(s.requestKey, requestKey), notInArray(s.status, ['dropped', 'implemented'])));
  return row?.id;
}

export function zonesOf(db: Db, synergyIds: string[]) {
  return db
    .select({ id: s.id, zoneId: s.zoneId })
    .from(s)
    .where(inArray(s.id, ids(synergyIds)));
}

export async function markValidated(db: Db, synergyIds: string[], userId: string, at: Date) {
  await db
    .update(s)
    .set({ validatedBy: userId, validatedAt: at, updatedAt: at })
    .where(and(inArray(s.id, ids(synergyIds)), isNull(s.validatedAt)));
}

export function organisationZones(db: Db, organisationIds: string[]) {
  return db
    .select({ id: o.id, zoneId: o.zoneId })
    .from(o)
    .where(inArray(o.id, ids(organisationIds)));
}

export async function organisationName(db: Db, organisationId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: o.name }).from(o).where(eq(o.id, organisationId));
  return row?.name;
}

export function declarationOwners(db: Db, declarationIds: string[]) {
  return db
    .select({ id: d.id, organisationId: d.organisationId, kind: d.kind })
    .from(d)
    .where(inArray(d.id, ids(declarationIds)));
}

/** A new synergy with its parties, declarations and its first history event. */
export async function insertSynergy(
  db: Db,
  row: SynergyInsert,
  parties: Omit<PartyInsert, 'synergyId'>[],
  declarationIds: string[],
  event: { type: string; userId: string; organisationId?: string | null; note?: string | null },
): Promise<string> {
  const [created] = await db.insert(s).values(row).returning({ id: s.id });
  const id = created!.id;
  await db.insert(p).values(parties.map((x) => ({ ...x, synergyId: id })));
  if (declarationIds.length) await db.insert(sd).values(declarationIds.map((declarationId) => ({ synergyId: id, declarationId })));
  await addEvent(db, {
    synergyId: id,
    type: event.type,
    to: row.status ?? 'proposed',
    userId: event.userId,
    organisationId: event.organisationId,
    note: event.note,
    at: row.createdAt!,
  });
  return id;
}

/** Category of the synergy's offer (else of its first need): which impact factor applies. */
export async function impactCategory(db: Db, synergyId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ categoryCode: d.categoryCode })
    .from(sd)
    .innerJoin(d, eq(d.id, sd.declarationId))
    .where(eq(sd.synergyId, synergyId))
    .orderBy(desc(sql`(${d.kind} = 'offer')`))
    .limit(1);
  return row?.categoryCode;
}

/** Where the giver and the taker are. Raw SQL: the main-site rule is a lateral join shared with search and matching (infra/locations). */
export function giverAndTakerSites(db: Db, synergyId: string) {
  const raw = rawSql(db);
  return raw<{ latitude: number | null; longitude: number | null }[]>`
    select s.latitude, s.longitude from synergy_parties p
    ${mainSiteJoin(raw, 'p.organisation_id')}
    where p.synergy_id = ${synergyId} and p.role in ('giver', 'taker')`;
}

export async function saveImpact(db: Db, impact: typeof schema.synergyImpacts.$inferInsert) {
  const t = schema.synergyImpacts;
  const { synergyId: _key, ...values } = impact;
  await db.insert(t).values(impact).onConflictDoUpdate({ target: t.synergyId, set: values });
}

/** Totals of the zone's counted impacts per impact year, as the dashboards count them. */
export async function impactTotals(db: Db, zoneId: string) {
  const rows = await db.execute<{ year: number; synergies: number; tonnes: number; eurosSaved: number; co2eKg: number; kmAvoided: number }>(sql`
    select i.year, count(*)::int as synergies, sum(i.tonnes)::float8 as tonnes, sum(i.euros_saved)::float8 as "eurosSaved",
           sum(i.co2e_kg)::float8 as "co2eKg", sum(i.km_avoided)::float8 as "kmAvoided"
    from (${impactsCountedIn()}) i where i.zone_id = ${zoneId}
    group by i.year order by i.year`);
  return [...rows];
}
