import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type postgres from 'postgres';
import { connectDatabase, migrateDatabase, type RawSql } from './db';

const FORMAT = 'synergies-backup/2';
const BATCH = 500;

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
 * docs/operations.md.) One folder: a manifest, then each table as gzipped JSON lines, one
 * row per line in PostgreSQL's own JSON form, which every column type reads back from.
 * Rows are read through a cursor, not COPY: postgres.js can leave its socket paused after a
 * COPY to stdout (porsager/postgres#917), which hangs the rest of the snapshot.
 * The job queue (schema pgboss) is not kept: its jobs are transient and the crons are
 * declared again at start.
 */

async function appliedMigrations(sql: RawSql): Promise<string[]> {
  const rows = await sql<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations order by id`;
  return rows.map((r) => r.hash);
}

async function platformTables(sql: RawSql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`;
  return rows.map((r) => r.name);
}

/** Columns a restore writes: all but the generated ones, which PostgreSQL computes again. */
async function writableColumns(sql: RawSql, table: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select a.attname as name from pg_attribute a
    where a.attrelid = ${`public.${quoteIdent(table)}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by a.attnum`;
  return rows.map((r) => r.name);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes one consistent snapshot (repeatable read: every table as of the same instant). */
export async function backupDatabase(
  sql: postgres.Sql,
  folder: string,
  progress: (table: string, rows: number) => void = () => undefined,
): Promise<BackupManifest> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) throw new Error(`The backup folder ${folder} is not empty`);
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const manifest: BackupManifest = { format: FORMAT, takenAt: new Date().toISOString(), migrations: await appliedMigrations(tx), tables: [] };
    for (const name of await platformTables(tx)) {
      const file = `${name}.jsonl.gz`;
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(path.join(folder, file)));
      let rows = 0;
      for await (const batch of tx<{ line: string }[]>`select row_to_json(t)::text as line from ${tx(name)} t`.cursor(BATCH)) {
        for (const { line } of batch) {
          if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
          rows++;
        }
      }
      gzip.end();
      await written;
      manifest.tables.push({ name, rows, file });
      progress(name, rows);
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
export async function restoreDatabase(
  databaseUrl: string,
  folder: string,
  progress: (table: string, rows: number) => void = () => undefined,
): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT) throw new Error(`${folder} is not a Synergies backup of this format (${String(manifest.format)})`);
  const db = connectDatabase(databaseUrl, { max: 1 });
  const sql = db.$client;
  try {
    const [tables] = await sql<{ n: number }[]>`select count(*)::int as n from pg_tables where schemaname = 'public'`;
    if (tables!.n > 0) throw new Error('The target database is not empty: restore into a new, empty database');
    await migrateDatabase(db);
    const here = await appliedMigrations(sql);
    if (here.join() !== manifest.migrations.join()) {
      throw new Error(
        `The backup was taken at another schema version (${manifest.migrations.length} migrations, this code has ${here.length}): restore it with the same version of Synergies`,
      );
    }
    await sql.begin(async (tx) => {
      // Owner or superuser: loads in any table order, without firing the outbox triggers.
      await tx`set local session_replication_role = replica`;
      for (const table of manifest.tables) {
        const loaded = await loadTable(tx, table.name, path.join(folder, table.file));
        if (loaded !== table.rows) throw new Error(`${table.file}: ${loaded} rows read, the manifest says ${table.rows}`);
        progress(table.name, loaded);
      }
      await moveSequencesPastRows(tx);
    });
    return manifest;
  } finally {
    await sql.end();
  }
}

async function loadTable(tx: postgres.TransactionSql, table: string, file: string): Promise<number> {
  const columns = (await writableColumns(tx, table)).map(quoteIdent).join(', ');
  // Identity columns keep their backed-up values.
  const insert = `insert into ${quoteIdent(table)} (${columns}) overriding system value
    select ${columns} from json_populate_recordset(null::${quoteIdent(table)}, $1::json)`;
  let batch: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length) await tx.unsafe(insert, [`[${batch.join(',')}]`]);
    rows += batch.length;
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return rows;
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
