import path from 'node:path';
import { schema } from '@synergies/db';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { REPO_ROOT } from './config';

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export const MIGRATIONS_FOLDER = path.join(REPO_ROOT, 'db', 'migrations');

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    // While PostgreSQL is down or restarting, requests fail within seconds (503) instead of hanging.
    connect_timeout: 5,
    // Dates come back as Date objects; numeric stays string unless typed in the schema.
  });
  return drizzle(client, { schema, casing: 'snake_case' }) as Database;
}

/** The same server's URL for another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A transaction or the database itself: repositories accept either. */
export type Db = Database | Transaction;

/** The health probe's round trip to the database. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.$client`select 1`;
}

/**
 * The postgres.js client of a drizzle transaction, for the few statements that another
 * library issues (pg-boss job inserts) or that read better as plain SQL.
 */
export function rawSql(tx: Transaction | Database): postgres.Sql {
  if ('$client' in tx) return tx.$client;
  return (tx as unknown as { session: { client: postgres.Sql } }).session.client;
}

/**
 * Whether a query failed on a unique constraint (optionally a given one): how services turn
 * a race that a constraint settled into a 409. Drizzle wraps the driver's error in `cause`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name } = e as { code?: unknown; constraint_name?: unknown };
    if (code === '23505') return constraint === undefined || constraint_name === constraint;
  }
  return false;
}

/** The driver's own client and transaction, for the few modules that write on them directly. */
export type RawSql = postgres.Sql | postgres.TransactionSql;
export type RawTransaction = postgres.TransactionSql;
