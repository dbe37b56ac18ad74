import { schema } from '@synergies/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db';

export type ZoneRow = typeof schema.zones.$inferSelect;

export const listZones = (db: Db) => db.select().from(schema.zones).orderBy(asc(schema.zones.name));

export async function findZone(db: Db, id: string): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(schema.zones).where(eq(schema.zones.id, id));
  return row;
}

export async function findZoneBySlug(db: Db, slug: string): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(schema.zones).where(eq(schema.zones.slug, slug));
  return row;
}

export async function insertZone(db: Db, values: typeof schema.zones.$inferInsert): Promise<ZoneRow> {
  const [row] = await db.insert(schema.zones).values(values).returning();
  return row!;
}

/** Updates only if `version` is current; undefined means a stale version (or no row). */
export async function updateZone(db: Db, id: string, version: number, values: Partial<typeof schema.zones.$inferInsert>, now: Date) {
  const [row] = await db
    .update(schema.zones)
    .set({ ...values, updatedAt: now, version: sql`${schema.zones.version} + 1` })
    .where(and(eq(schema.zones.id, id), eq(schema.zones.version, version)))
    .returning();
  return row;
}

export function listFacilitators(db: Db, zoneId: string) {
  return db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      displayName: schema.users.displayName,
      role: schema.users.role,
      activated: sql<boolean>`${schema.users.passwordHash} is not null`,
    })
    .from(schema.zoneFacilitators)
    .innerJoin(schema.users, eq(schema.users.id, schema.zoneFacilitators.userId))
    .where(eq(schema.zoneFacilitators.zoneId, zoneId))
    .orderBy(asc(schema.users.displayName));
}
