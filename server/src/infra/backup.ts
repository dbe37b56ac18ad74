import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type postgres from 'postgres';
import { connectDatabase, migrateDatabase } from './db';

const FORMAT = 'synergies-backup/1';

export interface BackupManifest {
  format: typeof FORMAT;
  takenAt: string;
  /** The migrations the database had: a restore needs the same code version. */
  migrations: string[];
  tables: { name: string; rows: number; file: string }[];
}

/*
 * A logical backup of the platform's tables that needs nothing but a connection: the
 * embedded PostgreSQL ships no pg_dump, and a pg_dump older than the server refuses it.
 * (Where a pg_dump of the server's version exists, it is the better tool: see
 * docs/operations.md.) One folder: a manifest, then each table in PostgreSQL's binary COPY
 * format, gzipped. The job queue (schema pgboss) is not kept: its jobs are transient and
 * the crons are declared again at start.
 */

async function appliedMigrations(sql: postgres.Sql | postgres.TransactionSql): Promise<string[]> {
  const rows = await sql<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations order by id`;
  return rows.map((r) => r.hash);
}

async function platformTables(sql: postgres.Sql | postgres.TransactionSql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`;
  return rows.map((r) => r.name);
}

/**
 * The COPY stream is read in flowing mode, never paused: postgres.js leaves its socket
 * paused when a COPY ends while its stream is (porsager/postgres#917), and the next query
 * of the transaction then waits for ever. Compression keeps up; it buffers if not.
 */
async function copyOut(source: Readable, file: string): Promise<void> {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file));
  source.on('data', (chunk: Buffer) => gzip.write(chunk));
  await finished(source);
  gzip.end();
  await written;
}

/** Writes one consistent snapshot (repeatable read: every table as of the same instant). */
export async function backupDatabase(sql: postgres.Sql, folder: string, progress: (table: string, rows: number) => void = () => undefined): Promise<BackupManifest> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) throw new Error(`The backup folder ${folder} is not empty`);
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const manifest: BackupManifest = { format: FORMAT, takenAt: new Date().toISOString(), migrations: await appliedMigrations(tx), tables: [] };
    for (const name of await platformTables(tx)) {
      const [count] = await tx<{ n: number }[]>`select count(*)::int as n from ${tx(name)}`;
      const file = `${name}.copy.gz`;
      await copyOut(await tx`copy ${tx(name)} to stdout (format binary)`.readable(), path.join(folder, file));
      manifest.tables.push({ name, rows: count!.n, file });
      progress(name, count!.n);
    }
    await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  });
}

/**
 * Restores a backup into an EMPTY database: the schema comes from this code's migrations
 * (refused unless they are the backup's), then every table is loaded in one transaction,
 * with triggers and foreign-key checks off while loading (the data was consistent when
 * taken), and the sequences moved past the restored rows. Rebuild the search indexes next.
 */
export async function restoreDatabase(databaseUrl: string, folder: string, progress: (table: string, rows: number) => void = () => undefined): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT) throw new Error(`${folder} is not a Synergies backup (${String(manifest.format)})`);
  const db = connectDatabase(databaseUrl, { max: 1 });
  const sql = db.$client;
  try {
    const [tables] = await sql<{ n: number }[]>`select count(*)::int as n from pg_tables where schemaname = 'public'`;
    if (tables!.n > 0) throw new Error('The target database is not empty: restore into a new, empty database');
    await migrateDatabase(db);
    const here = await appliedMigrations(sql);
    if (here.join() !== manifest.migrations.join()) {
      throw new Error(`The backup was taken at another schema version (${manifest.migrations.length} migrations, this code has ${here.length}): restore it with the same version of Synergies`);
    }
    await sql.begin(async (tx) => {
      // Owner or superuser: loads in any table order, without firing the outbox triggers.
      await tx`set local session_replication_role = replica`;
      for (const table of manifest.tables) {
        const target = await tx`copy ${tx(table.name)} from stdin (format binary)`.writable();
        await pipeline(createReadStream(path.join(folder, table.file)), createGunzip(), target);
        progress(table.name, table.rows);
      }
      await moveSequencesPastRows(tx);
    });
    return manifest;
  } finally {
    await sql.end();
  }
}

async function moveSequencesPastRows(sql: postgres.TransactionSql) {
  const owned = await sql<{ table: string; column: string; sequence: string }[]>`
    select c.table_name as table, c.column_name as column, pg_get_serial_sequence(format('%I', c.table_name), c.column_name) as sequence
    from information_schema.columns c
    where c.table_schema = 'public' and pg_get_serial_sequence(format('%I', c.table_name), c.column_name) is not null`;
  for (const s of owned) {
    await sql`select setval(${s.sequence}, coalesce((select max(${sql(s.column)}) from ${sql(s.table)}), 0) + 1, false)`;
  }
}
