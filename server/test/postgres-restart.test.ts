import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/infra/config';
import { rawSql } from '../src/infra/db';
import { freePort } from '../src/infra/embedded/free-port';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/infra/embedded/postgres';
import { insertUser } from '../src/modules/auth/repository';
import { hashPassword } from '../src/modules/auth/secrets';
import { openPlatform, type Platform } from '../src/platform';
import { cookieOf, randomSiret } from './context';

/** A PostgreSQL of this file's own, stopped and started again under the running server. */
let dir: string;
let port: number;
let pg: EmbeddedPostgresHandle;
let platform: Platform;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'synergies-pg-restart-'));
  await fs.chmod(dir, 0o755);
  port = await freePort();
  pg = await startEmbeddedPostgres(path.join(dir, 'pg'), () => undefined, { port });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  platform = await openPlatform(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), {
    databaseUrl: pg.url,
    meiliUrl: inject('meiliUrl'),
    meiliKey: inject('meiliKey'),
    indexPrefix: `pgrestart_${Date.now()}_`,
    log: quiet,
  });
  app = await buildApp(platform.ctx, { logger: false });
  await app.ready();
  const sql = platform.ctx.db.$client;
  const [zone] = await sql<{ id: string }[]>`insert into zones (slug, name) values ('zone-redemarrage', 'Zone') returning id`;
  const [org] = await sql<
    { id: string }[]
  >`insert into organisations (zone_id, name, siret) values (${zone!.id}, 'Scierie du Jura', ${randomSiret()}) returning id`;
  await platform.ctx.db.transaction(async (tx) =>
    insertUser(rawSql(tx), {
      email: 'membre@redemarrage.fr',
      displayName: 'Membre',
      role: 'member',
      locale: 'fr',
      organisationId: org!.id,
      passwordHash: await hashPassword('mot-de-passe-long'),
    }),
  );
  cookie = cookieOf(
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'membre@redemarrage.fr', password: 'mot-de-passe-long' } }),
  );
}, 180_000);

afterAll(async () => {
  await app?.close();
  await platform?.close().catch(() => undefined);
  await platform?.ctx.search.client
    .deleteIndex(platform.ctx.search.declarations)
    .waitTask()
    .catch(() => undefined);
  await platform?.ctx.search.client
    .deleteIndex(platform.ctx.search.organisations)
    .waitTask()
    .catch(() => undefined);
  await pg?.stop().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

const declare = (title: string) =>
  app.inject({ method: 'POST', url: '/api/v1/declarations', headers: { cookie }, payload: { kind: 'offer', categoryCode: 'materials.wood', title } });

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await f();
  return { value, ms: Date.now() - start };
}

describe('PostgreSQL restarting under the server', () => {
  it('no crash, no request hangs (503 meanwhile), recovery without restart, nothing lost', async () => {
    const kept = await declare('Palettes avant le redémarrage');
    expect(kept.statusCode).toBe(201);

    await pg.stop();
    for (const call of [
      () => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }),
      () => declare('Pendant la panne'),
      () => app.inject({ method: 'GET', url: '/api/v1/declarations', headers: { cookie } }),
    ]) {
      const { value, ms } = await timed(call);
      expect(value.statusCode).toBe(503);
      expect(value.json().code).toBe('service_unavailable');
      expect(ms).toBeLessThan(10_000);
    }
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe('down');
    expect((await app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(503);

    // Long enough for the job queue's pools and the relay's LISTEN to fail and retry
    // (the process used to crash about 19 s after the stop).
    await new Promise((r) => setTimeout(r, 25_000));

    pg = await startEmbeddedPostgres(path.join(dir, 'pg'), () => undefined, { port });
    const deadline = Date.now() + 60_000;
    while ((await app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode !== 200) {
      if (Date.now() > deadline) throw new Error('not ready again after the restart');
      await new Promise((r) => setTimeout(r, 500));
    }
    const after = await declare('Palettes après le redémarrage');
    expect(after.statusCode).toBe(201);
    const titles = (await platform.ctx.db.$client<{ title: string }[]>`select title from declarations order by created_at`).map((r) => r.title);
    expect(titles).toEqual(['Palettes avant le redémarrage', 'Palettes après le redémarrage']);
  }, 180_000);
});
