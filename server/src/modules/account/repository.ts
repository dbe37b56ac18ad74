import { schema } from '@synergies/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db';

const u = schema.users;

export async function profile(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      locale: u.locale,
      notificationMode: u.notificationMode,
      createdAt: u.createdAt,
      organisationId: schema.organisations.id,
      organisationName: schema.organisations.name,
    })
    .from(u)
    .leftJoin(schema.organisations, eq(schema.organisations.id, u.organisationId))
    .where(eq(u.id, userId));
  return row ?? null;
}

export function sessionsOf(db: Db, userId: string) {
  const s = schema.sessions;
  return db.select({ createdAt: s.createdAt, expiresAt: s.expiresAt }).from(s).where(eq(s.userId, userId)).orderBy(asc(s.createdAt));
}

export function notificationsOf(db: Db, userId: string) {
  const n = schema.notifications;
  return db.select({ type: n.type, text: n.text, createdAt: n.createdAt, readAt: n.readAt }).from(n).where(eq(n.userId, userId)).orderBy(asc(n.createdAt));
}

export function synergyMessagesOf(db: Db, userId: string) {
  const m = schema.synergyMessages;
  return db.select({ synergyId: m.synergyId, body: m.body, createdAt: m.createdAt }).from(m).where(eq(m.authorId, userId)).orderBy(asc(m.createdAt));
}

export function bookingMessagesOf(db: Db, userId: string) {
  const m = schema.bookingMessages;
  return db
    .select({ bookingId: m.bookingId, kind: m.kind, body: m.body, createdAt: m.createdAt })
    .from(m)
    .where(eq(m.authorId, userId))
    .orderBy(asc(m.position));
}

/** The booked meetings the person attends for their firm, and the proposals that named them to. */
export async function bookingRepresentationsOf(db: Db, userId: string) {
  const a = schema.bookingAttendees;
  const m = schema.bookingMessages;
  const [attended, named] = await Promise.all([
    db.select({ bookingId: a.bookingId, startsAt: a.startsAt, endsAt: a.endsAt }).from(a).where(eq(a.userId, userId)).orderBy(asc(a.startsAt)),
    db.select({ bookingId: m.bookingId, kind: m.kind, createdAt: m.createdAt }).from(m).where(eq(m.representativeId, userId)).orderBy(asc(m.position)),
  ]);
  return { attended, named };
}

export async function activeAdminCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(u)
    .where(and(eq(u.role, 'admin'), isNull(u.deletedAt)));
  return row!.n;
}

/**
 * Anonymises the person in place: the row stays so that what their firm did (synergies,
 * messages, exchanges, the journal) keeps its history and the zone's figures, but nothing
 * names or reaches them any more. False when the account was already deleted.
 */
export async function anonymise(db: Db, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(u)
    .set({
      email: sql`'deleted-' || ${u.id} || '@synergies.invalid'`,
      displayName: 'Compte supprimé',
      passwordHash: null,
      organisationId: null,
      notificationMode: 'none',
      deletedAt: at,
    })
    .where(and(eq(u.id, userId), isNull(u.deletedAt)))
    .returning({ id: u.id });
  if (rows.length === 0) return false;
  await db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
  await db.delete(schema.oneTimeTokens).where(eq(schema.oneTimeTokens.userId, userId));
  await db.delete(schema.notifications).where(eq(schema.notifications.userId, userId));
  await db.delete(schema.calendarFeeds).where(eq(schema.calendarFeeds.userId, userId));
  await db.delete(schema.zoneFacilitators).where(eq(schema.zoneFacilitators.userId, userId));
  await db.delete(schema.associationOrganisers).where(eq(schema.associationOrganisers.userId, userId));
  return true;
}
