import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEXING_NICENESS, threadsOf } from '../src/infra/embedded/indexing-priority';
import { startEmbeddedMeilisearch, type SupervisedMeiliHandle } from '../src/infra/embedded/meilisearch';
import { createTestContext, type TestContext, type Scenario } from './context';

/** A Meilisearch of this file's own, supervised, that the test kills. */
let meili: SupervisedMeiliHandle;
let dir: string;
let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'synergies-faults-'));
  // A slow first restart leaves time to observe the outage.
  meili = await startEmbeddedMeilisearch(path.join(dir, 'meili'), 'faults-test-master-key-0123', () => undefined, { initialBackoffMs: 4000 });
  t = await createTestContext({}, { meiliUrl: meili.url, meiliKey: 'faults-test-master-key-0123' });
  s = await t.scenario();
});
afterAll(async () => {
  await t.close();
  await meili.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each thread name of a process with the niceness values its threads run at (Linux: niceness is per thread). */
function nicenessByThread(pid: number): Record<string, number[]> {
  const byName: Record<string, number[]> = {};
  for (const { tid, name } of threadsOf(pid)) {
    try {
      (byName[name] ??= []).push(os.getPriority(tid));
    } catch {
      // the thread ended meanwhile (Meilisearch's per-batch threads are short-lived)
    }
  }
  return byName;
}

function expectIndexingBelowSearch(pid: number) {
  const threads = nicenessByThread(pid);
  expect(threads['indexing-thread']?.length).toBeGreaterThan(0);
  expect(new Set([...threads['indexing-thread']!, ...(threads['scheduler'] ?? [])])).toEqual(new Set([INDEXING_NICENESS]));
  // Searches are answered on actix's threads, at the normal priority.
  expect(new Set(threads['actix-rt|system'])).toEqual(new Set([0]));
}

describe('Meilisearch killed mid-run', () => {
  it('indexes at a lower CPU priority than it searches', () => {
    expectIndexingBelowSearch(meili.pid()!);
  });

  it('writes keep succeeding, search says 503 and health degraded, then it restarts and the outbox catches up', async () => {
    const before = await t.declare(s.memberA, { title: 'Palettes avant la panne' });
    await until(async () => (await t.call(s.memberB, 'GET', '/search/declarations?q=panne')).json().total === 1);

    const pid = meili.pid()!;
    process.kill(pid, 'SIGKILL');
    await until(async () => (await t.call(null, 'GET', '/health')).json().status === 'degraded', 3000);

    const during = [];
    for (let i = 0; i < 5; i++) during.push(await t.declare(s.memberA, { title: `Palettes pendant la panne ${i}` }));
    const search = await t.call(s.memberB, 'GET', '/search/declarations?q=panne');
    expect(search.statusCode).toBe(503);
    expect(search.json().code).toBe('service_unavailable');
    expect(search.headers['retry-after']).toBeDefined();
    const health = await t.call(null, 'GET', '/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'degraded', database: true, search: false });
    // Ready for traffic: search is degraded, the rest works.
    expect((await t.call(null, 'GET', '/health/ready')).statusCode).toBe(200);

    // The supervisor restarts it on the same address; the outbox relay then sends what waited.
    await until(async () => meili.restarts() === 1 && (await t.call(null, 'GET', '/health')).json().status === 'ok');
    expect(meili.pid()).not.toBe(pid);
    expectIndexingBelowSearch(meili.pid()!);
    await until(async () => (await t.ctx.db.$client`select 1 from search_outbox`).length === 0);
    await until(async () => (await t.call(s.memberB, 'GET', '/search/declarations?q=panne&limit=20')).json().total === 6);
    const ids = (await t.call(s.memberB, 'GET', '/search/declarations?q=panne&limit=20')).json().hits.map((h: { id: string }) => h.id);
    expect(new Set(ids)).toEqual(new Set([before.id, ...during.map((d) => d.id)]));
  }, 120_000);

  it('refuses a second Meilisearch on a data folder in use', async () => {
    await expect(startEmbeddedMeilisearch(path.join(dir, 'meili'), 'another-key-0123456789', () => undefined)).rejects.toThrow(/is in use by process \d+/);
  });
});
