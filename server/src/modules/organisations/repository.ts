import { schema } from '@synergies/db';
import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../infra/db';
import { mobilisedFirmIds } from '../dashboards/repository';

export type OrganisationRow = typeof schema.organisations.$inferSelect;
export type SiteRow = typeof schema.sites.$inferSelect;

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(schema.organisations).where(eq(schema.organisations.id, id));
  return row;
}

export async function findOrganisationBySiret(db: Db, siret: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(schema.organisations).where(eq(schema.organisations.siret, siret));
  return row;
}

export function sitesOf(db: Db, organisationIds: string[]): Promise<SiteRow[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db.select().from(schema.sites).where(inArray(schema.sites.organisationId, organisationIds)).orderBy(asc(schema.sites.name));
}

export async function findSite(db: Db, id: string): Promise<SiteRow | undefined> {
  const [row] = await db.select().from(schema.sites).where(eq(schema.sites.id, id));
  return row;
}

/**
 * Keyset page by (name, id), optionally restricted to some zones, a name fragment and the
 * firms mobilised in a year (archived ones included: they took part that year).
 */
export function listOrganisations(
  db: Db,
  f: { zoneIds: string[] | null; q?: string; mobilised?: { zoneId: string; year: number }; after?: { key: string; id: string } | null; limit: number },
) {
  const o = schema.organisations;
  const where: SQL[] = [f.mobilised ? sql`${o.id} in (${mobilisedFirmIds(f.mobilised.zoneId, f.mobilised.year)})` : eq(o.archived, false)];
  if (f.zoneIds) where.push(inArray(o.zoneId, f.zoneIds.length ? f.zoneIds : ['00000000-0000-0000-0000-000000000000']));
  if (f.q) where.push(ilike(o.name, `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (f.after) where.push(or(gt(o.name, f.after.key), and(eq(o.name, f.after.key), gt(o.id, f.after.id)))!);
  return db
    .select()
    .from(o)
    .where(and(...where))
    .orderBy(asc(o.name), asc(o.id))
    .limit(f.limit + 1);
}

export async function insertOrganisation(db: Db, values: typeof schema.organisations.$inferInsert): Promise<OrganisationRow> {
  const [row] = await db.insert(schema.organisations).values(values).returning();
  return row!;
}

export async function updateOrganisation(db: Db, id: string, version: number, values: Partial<typeof schema.organisations.$inferInsert>, now: Date) {
  const o = schema.organisations;
  const [row] = await db
    .update(o)
    .set({ ...values, updatedAt: now, version: sql`${o.version} + 1` })
    .where(and(eq(o.id, id), eq(o.version, version)))
    .returning();
  return row;
}

export async function insertSite(db: Db, values: typeof schema.sites.$inferInsert): Promise<SiteRow> {
  const [row] = await db.insert(schema.sites).values(values).returning();
  return row!;
}

export async function updateSite(db: Db, id: string, values: Partial<typeof schema.sites.$inferInsert>): Promise<SiteRow | undefined> {
  const [row] = await db.update(schema.sites).set(values).where(eq(schema.sites.id, id)).returning();
  return row;
}

export async function deleteSite(db: Db, id: string): Promise<void> {
  await db.delete(schema.sites).where(eq(schema.sites.id, id));
}

export function declarationIdsAtSite(db: Db, siteId: string) {
  return db.select({ id: schema.declarations.id }).from(schema.declarations).where(eq(schema.declarations.siteId, siteId));
}

export function declarationIdsOf(db: Db, organisationId: string) {
  return db.select({ id: schema.declarations.id }).from(schema.declarations).where(eq(schema.declarations.organisationId, organisationId));
}

export function membersOf(db: Db, organisationId: string) {
  const u = schema.users;
  return db
    .select({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, activated: sql<boolean>`${u.passwordHash} is not null` })
    .from(u)
    .where(eq(u.organisationId, organisationId))
    .orderBy(asc(u.displayName));
}
