import { schema } from '@synergies/db';
import { and, asc, desc, eq, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../infra/db';
import { inParisYear } from '../../infra/periods';

const d = schema.declarations;
export type DeclarationRow = typeof d.$inferSelect & { organisationName: string };
export type PhotoRow = Omit<typeof schema.declarationPhotos.$inferSelect, 'bytes'>;

function selectDeclarations(db: Db) {
  return db
    .select({ declaration: d, organisationName: schema.organisations.name })
    .from(d)
    .innerJoin(schema.organisations, eq(schema.organisations.id, d.organisationId));
}

const flatten = (r: { declaration: typeof d.$inferSelect; organisationName: string }): DeclarationRow => ({
  ...r.declaration,
  organisationName: r.organisationName,
});

export async function findDeclaration(db: Db, id: string): Promise<DeclarationRow | undefined> {
  const [row] = await selectDeclarations(db).where(eq(d.id, id));
  return row && flatten(row);
}

export interface DeclarationFilter {
  /** null: every zone (admin); otherwise zones whose 'zone' visibility the user may see. */
  memberZoneIds: string[] | null;
  /** Organisation whose closed declarations the user may also see. */
  ownOrganisationId: string | null;
  /** Zones whose declarations the user runs, closed ones included (as policy.canSeeDeclaration). */
  facilitatedZoneIds: string[];
  zoneId?: string;
  organisationId?: string;
  kind?: 'offer' | 'need';
  status?: 'active' | 'reserved' | 'closed';
  categoryCode?: string;
  hazardous?: boolean;
  /** Created in this calendar year, as the dashboards count. */
  year?: number;
  after: { key: string; id: string } | null;
  limit: number;
}

/** Keyset page, newest first, restricted to what the user may see. */
export async function listDeclarations(db: Db, f: DeclarationFilter): Promise<DeclarationRow[]> {
  const where: SQL[] = [];
  if (f.memberZoneIds) {
    const zones = f.memberZoneIds.length ? f.memberZoneIds : ['00000000-0000-0000-0000-000000000000'];
    const own = f.ownOrganisationId ? eq(d.organisationId, f.ownOrganisationId) : sql`false`;
    const facilitated = f.facilitatedZoneIds.length ? inArray(d.zoneId, f.facilitatedZoneIds) : sql`false`;
    where.push(or(own, facilitated, and(sql`${d.status} <> 'closed'`, or(eq(d.visibility, 'all'), inArray(d.zoneId, zones))))!);
  }
  if (f.zoneId) where.push(eq(d.zoneId, f.zoneId));
  if (f.organisationId) where.push(eq(d.organisationId, f.organisationId));
  if (f.kind) where.push(eq(d.kind, f.kind));
  if (f.status) where.push(eq(d.status, f.status));
  if (f.categoryCode) where.push(or(eq(d.categoryCode, f.categoryCode), like(d.categoryCode, `${f.categoryCode}.%`))!);
  if (f.hazardous !== undefined) where.push(eq(d.hazardous, f.hazardous));
  if (f.year !== undefined) where.push(inParisYear(d.createdAt, f.year));
  if (f.after) {
    const at = new Date(f.after.key);
    where.push(or(lt(d.createdAt, at), and(eq(d.createdAt, at), lt(d.id, f.after.id)))!);
  }
  const rows = await selectDeclarations(db)
    .where(and(...where))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(f.limit + 1);
  return rows.map(flatten);
}

export async function insertDeclaration(db: Db, values: typeof d.$inferInsert) {
  const [row] = await db.insert(d).values(values).returning({ id: d.id });
  return row!.id;
}

export async function updateDeclaration(db: Db, id: string, version: number, values: Partial<typeof d.$inferInsert>, now: Date) {
  const [row] = await db
    .update(d)
    .set({ ...values, updatedAt: now, version: sql`${d.version} + 1` })
    .where(and(eq(d.id, id), eq(d.version, version)))
    .returning({ id: d.id });
  return row?.id;
}

const p = schema.declarationPhotos;
const photoColumns = { id: p.id, declarationId: p.declarationId, contentType: p.contentType, size: p.size, createdAt: p.createdAt };

export function photosOf(db: Db, declarationIds: string[]): Promise<PhotoRow[]> {
  if (declarationIds.length === 0) return Promise.resolve([]);
  return db.select(photoColumns).from(p).where(inArray(p.declarationId, declarationIds)).orderBy(asc(p.createdAt));
}

export async function countPhotos(db: Db, declarationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(eq(p.declarationId, declarationId));
  return row?.n ?? 0;
}

export async function insertPhoto(db: Db, values: typeof p.$inferInsert): Promise<PhotoRow> {
  const [row] = await db.insert(p).values(values).returning(photoColumns);
  return row!;
}

export async function findPhoto(db: Db, id: string) {
  const [row] = await db.select().from(p).where(eq(p.id, id));
  return row;
}

export async function deletePhoto(db: Db, id: string): Promise<void> {
  await db.delete(p).where(eq(p.id, id));
}

/**
 * Moves a declaration to `status` (only from `from` when given) without a version from the
 * caller: the marketplace reserves and releases what another firm's request names. False
 * when the declaration is not in `from`.
 */
/** Holds the declaration's row until the transaction ends. */
export async function lockDeclaration(db: Db, id: string): Promise<void> {
  await db.select({ id: d.id }).from(d).where(eq(d.id, id)).for('update');
}

export async function changeStatus(db: Db, id: string, status: DeclarationRow['status'], now: Date, from?: DeclarationRow['status']): Promise<boolean> {
  const rows = await db
    .update(d)
    .set({ status, updatedAt: now, version: sql`${d.version} + 1` })
    .where(and(eq(d.id, id), from ? eq(d.status, from) : undefined))
    .returning({ id: d.id });
  return rows.length > 0;
}
