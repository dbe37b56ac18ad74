import { schema } from '@synergies/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../infra/db';

const n = schema.notifications;
export type NotificationInsert = typeof n.$inferInsert;

export async function insertNotifications(db: Db, rows: NotificationInsert[]): Promise<void> {
  if (rows.length) await db.insert(n).values(rows);
}

export function latestNotifications(db: Db, userId: string, limit: number) {
  return db.select().from(n).where(eq(n.userId, userId)).orderBy(desc(n.createdAt)).limit(limit);
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .update(n)
    .set({ readAt: at })
    .where(and(eq(n.userId, userId), isNull(n.readAt)));
}
