import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { connectDatabase, migrateDatabase, withDatabase } from '../src/infra/db';
import { startEmbeddedMeilisearch } from '../src/infra/embedded/meilisearch';
import { startEmbeddedPostgres } from '../src/infra/embedded/postgres';
import { startJobs } from '../src/infra/jobs';
import { syncReferenceData } from '../src/infra/reference-data';

export const TEMPLATE_DB = 'synergies_template';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    templateDb: string;
    meiliUrl: string;
    meiliKey: string;
  }
}

/**
 * One real PostgreSQL and one real Meilisearch for the whole run (or the ones given by
 * TEST_DATABASE_URL / MEILI_URL). The schema is migrated once into a template database;
 * each test file then copies it (see context.ts).
 */
export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = [];
  const log = (m: string) => console.error(m);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'synergies-test-'));
  await fs.chmod(root, 0o755);

  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres(path.join(root, 'postgres'), log);
    stops.push(pg.stop);
    serverUrl = pg.urlFor('postgres');
  }
  let meiliUrl = process.env.MEILI_URL;
  let meiliKey = process.env.MEILI_KEY ?? '';
  if (!meiliUrl) {
    meiliKey = 'test-master-key-0123456789';
    const meili = await startEmbeddedMeilisearch(path.join(root, 'meilisearch'), meiliKey, log);
    stops.push(meili.stop);
    meiliUrl = meili.url;
  }

  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE_DB}`);
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DB);
  const db = connectDatabase(templateUrl, { max: 2 });
  await migrateDatabase(db);
  await syncReferenceData(db);
  const jobs = await startJobs(templateUrl, { error: () => undefined });
  await jobs.stop({ graceful: false, wait: true });
  await db.$client.end();

  project.provide('serverUrl', serverUrl);
  project.provide('templateDb', TEMPLATE_DB);
  project.provide('meiliUrl', meiliUrl);
  project.provide('meiliKey', meiliKey);

  return async () => {
    await admin.end();
    for (const stop of stops.reverse()) await stop();
    await fs.rm(root, { recursive: true, force: true });
  };
}
