import type { CurrentUser, Role } from '@synergies/shared';
import type postgres from 'postgres';

// drizzle makes postgres.js pass timestamps through as text: raw queries bind ISO strings.

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: 'fr' | 'en';
  organisation_id: string | null;
  zone_ids: string[];
  password_hash: string | null;
}

const USER_SELECT = (sql: postgres.Sql) => sql`
  select u.id, u.email, u.display_name, u.role, u.locale, u.organisation_id, u.password_hash,
    array(select zf.zone_id from zone_facilitators zf where zf.user_id = u.id
          union select o.zone_id from organisations o where o.id = u.organisation_id) as zone_ids
  from users u`;

export function toCurrentUser(r: UserRow): CurrentUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    locale: r.locale,
    organisationId: r.organisation_id,
    zoneIds: r.zone_ids,
  };
}

export async function findUserBySession(sql: postgres.Sql, tokenHash: string, now: Date): Promise<CurrentUser | null> {
  const [row] = await sql<UserRow[]>`${USER_SELECT(sql)}
    join sessions s on s.user_id = u.id where s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}`;
  return row ? toCurrentUser(row) : null;
}

export async function findUserByEmail(sql: postgres.Sql, email: string): Promise<(CurrentUser & { passwordHash: string | null }) | null> {
  const [row] = await sql<UserRow[]>`${USER_SELECT(sql)} where u.email = ${email}`;
  return row ? { ...toCurrentUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(sql: postgres.Sql, id: string): Promise<(CurrentUser & { activated: boolean }) | null> {
  const [row] = await sql<UserRow[]>`${USER_SELECT(sql)} where u.id = ${id}`;
  return row ? { ...toCurrentUser(row), activated: row.password_hash !== null } : null;
}

export async function createSession(sql: postgres.Sql, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await sql`insert into sessions (token_hash, user_id, expires_at) values (${tokenHash}, ${userId}, ${expiresAt.toISOString()})`;
}

export async function deleteSession(sql: postgres.Sql, tokenHash: string): Promise<void> {
  await sql`delete from sessions where token_hash = ${tokenHash}`;
}

export async function deleteSessionsOf(sql: postgres.Sql, userId: string): Promise<void> {
  await sql`delete from sessions where user_id = ${userId}`;
}

export async function createOneTimeToken(
  sql: postgres.Sql,
  t: { userId: string; tokenHash: string; purpose: 'invitation' | 'password_reset'; expiresAt: Date },
): Promise<void> {
  await sql`insert into one_time_tokens (token_hash, user_id, purpose, expires_at)
            values (${t.tokenHash}, ${t.userId}, ${t.purpose}, ${t.expiresAt.toISOString()})`;
}

/** Finds a usable token and, when `consume` is set, marks it used in the same statement. */
export async function findUsableToken(
  sql: postgres.Sql,
  tokenHash: string,
  purpose: 'invitation' | 'password_reset',
  now: Date,
  consume: boolean,
): Promise<{ userId: string } | null> {
  const rows = consume
    ? await sql<{ user_id: string }[]>`
        update one_time_tokens set used_at = ${now.toISOString()}
        where token_hash = ${tokenHash} and purpose = ${purpose} and used_at is null and expires_at > ${now.toISOString()}
        returning user_id`
    : await sql<{ user_id: string }[]>`
        select user_id from one_time_tokens
        where token_hash = ${tokenHash} and purpose = ${purpose} and used_at is null and expires_at > ${now.toISOString()}`;
  return rows[0] ? { userId: rows[0].user_id } : null;
}

export async function setPassword(sql: postgres.Sql, userId: string, passwordHash: string, displayName?: string): Promise<void> {
  await sql`update users set password_hash = ${passwordHash},
            display_name = coalesce(${displayName ?? null}, display_name) where id = ${userId}`;
}

export async function setLocale(sql: postgres.Sql, userId: string, locale: 'fr' | 'en'): Promise<void> {
  await sql`update users set locale = ${locale} where id = ${userId}`;
}

export async function insertUser(
  sql: postgres.Sql,
  u: { email: string; displayName: string; role: Role; locale: 'fr' | 'en'; organisationId: string | null; passwordHash: string | null },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into users (email, display_name, role, locale, organisation_id, password_hash)
    values (${u.email}, ${u.displayName}, ${u.role}, ${u.locale}, ${u.organisationId}, ${u.passwordHash})
    returning id`;
  return row!.id;
}

export async function addZoneFacilitator(sql: postgres.Sql, zoneId: string, userId: string): Promise<void> {
  await sql`insert into zone_facilitators (zone_id, user_id) values (${zoneId}, ${userId}) on conflict do nothing`;
}
