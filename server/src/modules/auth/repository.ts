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

/** Ends every session of the account, or every other one when `keepTokenHash` names the caller's. */
export async function deleteSessionsOf(sql: postgres.Sql, userId: string, keepTokenHash?: string): Promise<void> {
  await sql`delete from sessions where user_id = ${userId} and token_hash <> ${keepTokenHash ?? ''}`;
}

export async function createOneTimeToken(
  sql: postgres.Sql,
  t: { userId: string; tokenHash: string; purpose: 'invitation' | 'password_reset'; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await sql`insert into one_time_tokens (token_hash, user_id, purpose, created_at, expires_at)
            values (${t.tokenHash}, ${t.userId}, ${t.purpose}, ${t.createdAt.toISOString()}, ${t.expiresAt.toISOString()})`;
}

/** A token still usable: not used, not revoked, not expired; for an invitation, the account not yet activated. */
export async function findUsableToken(
  sql: postgres.Sql,
  tokenHash: string,
  purpose: 'invitation' | 'password_reset',
  now: Date,
  o: { onlyInactive?: boolean } = {},
): Promise<{ userId: string } | null> {
  const [row] = await sql<{ user_id: string }[]>`
    select t.user_id from one_time_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${tokenHash} and t.purpose = ${purpose} and t.used_at is null and t.expires_at > ${now.toISOString()}
      and (${!o.onlyInactive} or u.password_hash is null)`;
  return row ? { userId: row.user_id } : null;
}

/**
 * Uses a token and, in the same transaction, revokes every other link of the account:
 * once one link has set a password, no older or newer link may set another.
 */
export async function consumeToken(
  sql: postgres.Sql,
  tokenHash: string,
  purpose: 'invitation' | 'password_reset',
  now: Date,
  o: { onlyInactive?: boolean } = {},
): Promise<{ userId: string } | null> {
  const [row] = await sql<{ user_id: string }[]>`
    update one_time_tokens t set used_at = ${now.toISOString()}
    from users u
    where u.id = t.user_id and t.token_hash = ${tokenHash} and t.purpose = ${purpose}
      and t.used_at is null and t.expires_at > ${now.toISOString()}
      and (${!o.onlyInactive} or u.password_hash is null)
    returning t.user_id`;
  if (!row) return null;
  await revokeTokensOf(sql, row.user_id, now);
  return { userId: row.user_id };
}

export async function revokeTokensOf(sql: postgres.Sql, userId: string, now: Date): Promise<void> {
  await sql`update one_time_tokens set used_at = ${now.toISOString()} where user_id = ${userId} and used_at is null`;
}

/** Serialises concurrent reset requests for one account, so the hourly cap holds (until commit). */
export async function lockPasswordResetsOf(sql: postgres.Sql, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${'password-reset:' + userId}))`;
}

/** What an invitation page shows: who is invited, as what, to which firm or zone. */
export async function invitationDetails(sql: postgres.Sql, userId: string) {
  const [row] = await sql<{ email: string; display_name: string; role: Role; organisation_name: string | null; zone_name: string | null }[]>`
    select u.email, u.display_name, u.role, o.name as organisation_name,
           coalesce(z.name, (select z2.name from zone_facilitators zf join zones z2 on z2.id = zf.zone_id where zf.user_id = u.id limit 1)) as zone_name
    from users u left join organisations o on o.id = u.organisation_id left join zones z on z.id = o.zone_id
    where u.id = ${userId}`;
  return row;
}

export async function countTokensSince(sql: postgres.Sql, userId: string, purpose: 'invitation' | 'password_reset', since: Date): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from one_time_tokens where user_id = ${userId} and purpose = ${purpose} and created_at > ${since.toISOString()}`;
  return row!.n;
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
