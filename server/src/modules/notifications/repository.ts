import { schema } from '@synergies/db';
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db';

const n = schema.notifications;
const u = schema.users;
export type NotificationInsert = typeof n.$inferInsert;
export type NotificationMode = (typeof u.$inferSelect)['notificationMode'];

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

/** Marks one of the person's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(n)
    .set({ readAt: sql`coalesce(${n.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(n.id, id), eq(n.userId, userId)))
    .returning({ id: n.id });
  return rows.length === 1;
}

export async function notificationMode(db: Db, userId: string): Promise<NotificationMode> {
  const [row] = await db.select({ mode: u.notificationMode }).from(u).where(eq(u.id, userId));
  return row!.mode;
}

export async function setNotificationMode(db: Db, userId: string, mode: NotificationMode): Promise<void> {
  await db.update(u).set({ notificationMode: mode }).where(eq(u.id, userId));
}

/** People whose digest is due: every daily one, and the weekly ones on the weekly day. */
export function digestRecipients(db: Db, modes: NotificationMode[]) {
  return db
    .select({ id: u.id, email: u.email, displayName: u.displayName, locale: u.locale, since: u.lastDigestAt })
    .from(u)
    .where(and(inArray(u.notificationMode, modes), sql`${u.passwordHash} is not null`))
    .orderBy(asc(u.id));
}

/** Unread notifications of a person that came after their last digest. */
export function unreadSince(db: Db, userId: string, since: Date | null) {
  return db
    .select()
    .from(n)
    .where(and(eq(n.userId, userId), isNull(n.readAt), since ? gt(n.createdAt, since) : undefined))
    .orderBy(desc(n.createdAt))
    .limit(50);
}

/**
 * Records that a digest went out, if no other worker recorded one since `since` (the check is
 * in the UPDATE, so two instances running the schedule send one digest).
 */
export async function claimDigest(db: Db, userId: string, since: Date | null, at: Date): Promise<boolean> {
  const rows = await db
    .update(u)
    .set({ lastDigestAt: at })
    .where(and(eq(u.id, userId), since ? eq(u.lastDigestAt, since) : isNull(u.lastDigestAt)))
    .returning({ id: u.id });
  return rows.length === 1;
}
