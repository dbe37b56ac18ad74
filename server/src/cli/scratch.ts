import crypto from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { loadConfig } from '../infra/config';
import { startEmbeddedMeilisearch } from '../infra/embedded/meilisearch';
import { platformSharedBuffersMb, startEmbeddedPostgres } from '../infra/embedded/postgres';
import { openPlatform, type Platform } from '../platform';

/**
 * A throw-away platform: a temporary database (on DATABASE_URL's server, or an embedded
 * PostgreSQL in a temporary folder) and temporary indexes, removed by `dispose()`.
 * Used by `pnpm match` and the benchmarks.
 */
export async function openScratchPlatform(say: (m: string) => void, options: { workers?: boolean } = {}): Promise<Platform & { dispose(): Promise<void> }> {
  const quiet = { info: () => undefined, warn: () => undefined, error: (o: object, m: string) => console.error(m, o) };
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'synergies-scratch-'));
  await chmod(tmp, 0o755);
  const stops: (() => Promise<void>)[] = [async () => rm(tmp, { recursive: true, force: true })];
  const dispose = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const name = `scratch_${crypto.randomBytes(4).toString('hex')}`;
    let serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      say('starting a temporary PostgreSQL…');
      const pg = await startEmbeddedPostgres(path.join(tmp, 'postgres'), say, { sharedBuffersMb: platformSharedBuffersMb() });
      stops.push(pg.stop);
      serverUrl = pg.url;
    }
    const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    stops.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    let meiliUrl = process.env.MEILI_URL;
    let meiliKey = process.env.MEILI_KEY ?? '';
    if (!meiliUrl) {
      say('starting a temporary Meilisearch…');
      meiliKey = crypto.randomBytes(16).toString('hex');
      const meili = await startEmbeddedMeilisearch(path.join(tmp, 'meilisearch'), meiliKey, say);
      stops.push(meili.stop);
      meiliUrl = meili.url;
    }
    const platform = await openPlatform(loadConfig(), {
      databaseUrl: url.toString(),
      meiliUrl,
      meiliKey,
      indexPrefix: `${name}_`,
      workers: options.workers ?? false,
      log: quiet,
    });
    stops.push(async () => {
      await platform.ctx.search.client.deleteIndex(platform.ctx.search.declarations).waitTask();
      await platform.ctx.search.client.deleteIndex(platform.ctx.search.organisations).waitTask();
      await platform.close();
    });
    return { ...platform, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
