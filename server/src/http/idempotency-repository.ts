import type postgres from 'postgres';

export interface StoredResponse {
  route: string;
  status: number | null;
  response: unknown;
}

/**
 * Claims (user, key) for a request. A claim left unfinished for a minute (a server that died
 * mid-request) may be taken over; keys older than a day are forgotten.
 */
export async function claimKey(sql: postgres.Sql, userId: string, key: string, route: string): Promise<boolean> {
  await sql`delete from idempotency_keys where user_id = ${userId} and created_at < now() - interval '1 day'`;
  const rows = await sql`
    insert into idempotency_keys (user_id, key, route) values (${userId}, ${key}, ${route})
    on conflict (user_id, key) do update set route = excluded.route, created_at = now()
      where idempotency_keys.status is null and idempotency_keys.created_at < now() - interval '1 minute'
    returning 1`;
  return rows.length === 1;
}

export async function findKey(sql: postgres.Sql, userId: string, key: string): Promise<StoredResponse | undefined> {
  const [row] = await sql<StoredResponse[]>`select route, status, response from idempotency_keys where user_id = ${userId} and key = ${key}`;
  return row;
}

export async function completeKey(sql: postgres.Sql, userId: string, key: string, status: number, response: unknown): Promise<void> {
  await sql`update idempotency_keys set status = ${status}, response = ${JSON.stringify(response)}::jsonb where user_id = ${userId} and key = ${key}`;
}

/** A failure on our side (5xx, aborted request): the client may retry with the same key. */
export async function releaseKey(sql: postgres.Sql, userId: string, key: string): Promise<void> {
  await sql`delete from idempotency_keys where user_id = ${userId} and key = ${key} and status is null`;
}
