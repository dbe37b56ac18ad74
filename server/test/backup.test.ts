import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { routes } from '@synergies/shared/routes';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { backupDatabase, restoreDatabase } from '../src/infra/backup';
import { withDatabase } from '../src/infra/db';
import { rebuildSearchIndexes } from '../src/infra/search/rebuild';
import { openPlatform, type Platform } from '../src/platform';
import { seedDemo } from '../src/seed';
import { createTestContext, type TestContext, type TestUser } from './context';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let admin: TestUser;
let zoneId: string;
let folder: string;
const restoredName = `restored_${Date.now().toString(36)}`;
const server = postgres(inject('serverUrl'), { max: 1, onnotice: () => undefined });
let restored: Platform | undefined;
let restoredApp: FastifyInstance | undefined;

beforeAll(async () => {
  t = await createTestContext();
  ({ zoneId } = await seedDemo(t.ctx));
  admin = await t.newUser('admin');
  // The import's matching runs in the background: the figures are read once it is over.
  await t.drainJobs(undefined, 90_000);
  await t.ctx.searchRelay.drain();
  folder = await mkdtemp(path.join(os.tmpdir(), 'synergies-backup-'));
});
afterAll(async () => {
  await restoredApp?.close();
  await restored?.close();
  if (restored) {
    await restored.ctx.search.client.deleteIndex(restored.ctx.search.declarations).waitTask();
    await restored.ctx.search.client.deleteIndex(restored.ctx.search.organisations).waitTask();
  }
  await server.unsafe(`drop database if exists ${restoredName} with (force)`);
  await server.end();
  await rm(folder, { recursive: true, force: true });
  await t.close();
});

/** What the zone's facilitators and funders read: impacts, dashboard, firms, listings, a search. */
async function figures(app: FastifyInstance) {
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode, url).toBe(200);
    return res.json() as unknown;
  };
  const zone = (await get('/zones')) as { id: string; slug: string }[];
  const slug = zone.find((z) => z.id === zoneId)!.slug;
  // Every hit (under 50): their order among equal scores is the index's own.
  const search = (await get(`/search/declarations?zoneId=${zoneId}&q=bois&limit=50`)) as { hits: { id: string }[]; total: number };
  expect(search.total).toBeLessThanOrEqual(50);
  return {
    impacts: await get(routes.zoneImpacts.path.replace(':id', zoneId)),
    dashboard: await get(`/zones/${slug}/dashboards?year=2026`),
    firms: ((await get(`/organisations?zoneId=${zoneId}&limit=100`)) as { items: { id: string }[] }).items.map((o) => o.id).sort(),
    declarations: ((await get(`/declarations?zoneId=${zoneId}&limit=100`)) as { items: { id: string; version: number }[] }).items
      .map((d) => `${d.id}@${d.version}`)
      .sort(),
    search: { total: search.total, ids: search.hits.map((h) => h.id).sort() },
  };
}

describe('backup and restore', () => {
  it('restores a backup into an empty database; with the search index rebuilt, the zone reads the same', async () => {
    const before = await figures(t.app);
    expect(before.firms.length).toBeGreaterThan(10);
    expect(before.search.total).toBeGreaterThan(0);

    const manifest = await backupDatabase(t.ctx.db.$client, folder);
    expect(manifest.tables.find((x) => x.name === 'organisations')!.rows).toBeGreaterThanOrEqual(before.firms.length);
    expect((await readdir(folder)).sort()).toEqual(['manifest.json', ...manifest.tables.map((x) => x.file)].sort());

    await server.unsafe(`create database ${restoredName}`);
    const url = withDatabase(inject('serverUrl'), restoredName);
    await restoreDatabase(url, folder);

    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    restored = await openPlatform(t.ctx.config, {
      databaseUrl: url,
      meiliUrl: inject('meiliUrl'),
      meiliKey: inject('meiliKey'),
      indexPrefix: `${restoredName}_`,
      log: quiet,
      workers: false,
      now: t.clock.now,
    });
    const counts = await rebuildSearchIndexes(restored.ctx.db.$client, restored.ctx.search);
    expect(counts.organisations).toBeGreaterThan(10);
    restoredApp = await buildApp(restored.ctx, { logger: false });
    await restoredApp.ready();

    // Every table holds what the backup counted, and the zone's figures are unchanged.
    for (const table of manifest.tables) {
      const [row] = await restored.ctx.db.$client.unsafe<{ n: number }[]>(`select count(*)::int as n from "${table.name}"`);
      expect(row!.n, table.name).toBe(table.rows);
    }
    expect(await figures(restoredApp)).toEqual(before);

    // New rows continue after the restored ones (the sequences were moved past them).
    const [last] = await restored.ctx.db.$client<{ id: number }[]>`select coalesce(max(id), 0)::int as id from audit_log`;
    const offer = await restoredApp.inject({
      method: 'POST',
      url: '/api/v1/zones',
      headers: { cookie: admin.cookie },
      payload: { slug: `after-restore-${Date.now()}`, name: 'Après restauration' },
    });
    expect(offer.statusCode).toBe(201);
    await vi.waitFor(async () => {
      const [next] = await restored!.ctx.db.$client<{ id: number }[]>`select max(id)::int as id from audit_log`;
      expect(next!.id).toBeGreaterThan(last!.id);
    });
  });

  it('refuses to restore into a database that is not empty, and to write a backup over another', async () => {
    await expect(restoreDatabase(withDatabase(inject('serverUrl'), t.ctx.db.$client.options.database as string), folder)).rejects.toThrow(/not empty/);
    await expect(backupDatabase(t.ctx.db.$client, folder)).rejects.toThrow(/not empty/);
  });
});
