import { schema } from '@synergies/db';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db';

const a = schema.auditLog;
const u = schema.users;
const o = schema.organisations;

export type AuditInsert = Omit<typeof a.$inferInsert, 'id' | 'organisationId' | 'zoneId'> & { zoneId: string | null };

/**
 * Records one change. The actor's firm is read here, and the zone falls back to that
 * firm's when the request itself named none (a member's change is always in their zone).
 */
export async function insertEntry(db: Db, entry: AuditInsert): Promise<void> {
  const firm = sql`(select ${u.organisationId} from ${u} where ${u.id} = ${entry.actorId ?? null}::uuid)`;
  await db.insert(a).values({
    ...entry,
    organisationId: firm,
    zoneId: entry.zoneId ?? sql`(select ${o.zoneId} from ${o} where ${o.id} = ${firm})`,
  });
}

/** A zone's journal, newest first, keyset-paged on the id. */
export function zonePage(db: Db, zoneId: string, beforeId: number | null, limit: number) {
  return db
    .select({
      id: a.id,
      at: a.at,
      method: a.method,
      route: a.route,
      entityId: a.entityId,
      status: a.status,
      actorId: u.id,
      actorName: u.displayName,
      organisationId: o.id,
      organisationName: o.name,
    })
    .from(a)
    .leftJoin(u, eq(u.id, a.actorId))
    .leftJoin(o, eq(o.id, a.organisationId))
    .where(and(eq(a.zoneId, zoneId), beforeId === null ? undefined : lt(a.id, beforeId)))
    .orderBy(desc(a.id))
    .limit(limit + 1);
}

/** The changes one person made, for their personal data export. */
export function changesBy(db: Db, userId: string) {
  return db
    .select({ id: a.id, at: a.at, method: a.method, route: a.route, entityId: a.entityId, status: a.status })
    .from(a)
    .where(eq(a.actorId, userId))
    .orderBy(desc(a.id));
}
