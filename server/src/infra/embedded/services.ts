import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import { startEmbeddedMeilisearch } from './meilisearch';
import { platformSharedBuffersMb, startEmbeddedPostgres } from './postgres';

export interface ExternalServices {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string;
  stop(): Promise<void>;
}

/** The key is generated once per data folder so that a restart reuses the index. */
async function localMeiliKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'meili.key');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const key = crypto.randomBytes(24).toString('hex');
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, key, { mode: 0o600 });
    return key;
  }
}

/**
 * Uses DATABASE_URL / MEILI_URL when set, and otherwise starts the real services
 * from npm packages in DATA_DIR, stopping them with `stop()`.
 */
export async function startServices(config: Config, log: (m: string) => void): Promise<ExternalServices> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e) => log(`stop failed: ${String(e)}`));
  };
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      log(`starting embedded PostgreSQL in ${path.join(config.DATA_DIR, 'postgres')}`);
      const pg = await startEmbeddedPostgres(path.join(config.DATA_DIR, 'postgres'), log, { sharedBuffersMb: platformSharedBuffersMb() });
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    let meiliUrl = config.MEILI_URL;
    let meiliKey = config.MEILI_KEY ?? '';
    if (!meiliUrl) {
      log(`starting embedded Meilisearch in ${path.join(config.DATA_DIR, 'meilisearch')}`);
      meiliKey = await localMeiliKey(config.DATA_DIR);
      const meili = await startEmbeddedMeilisearch(path.join(config.DATA_DIR, 'meilisearch'), meiliKey, log);
      stops.push(meili.stop);
      meiliUrl = meili.url;
    }
    return { databaseUrl, meiliUrl, meiliKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
