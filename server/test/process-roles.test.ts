import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/infra/config';
import { openPlatform, type Platform } from '../src/platform';
import { createTestContext, eventually, type Scenario, type TestContext } from './context';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let s: Scenario;
let worker: Platform | undefined;

// An API-only instance, as behind a load balancer; the worker joins the same database later.
beforeAll(async () => {
  t = await createTestContext({ PROCESS_ROLE: 'api' });
  s = await t.scenario();
});
afterAll(async () => {
  await worker?.close();
  await t.close();
});

const pendingInOutbox = async () => (await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from search_outbox`)[0]!.n;
const matchJobsWaiting = async () =>
  (await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'match-declaration' and state = 'created'`)[0]!.n;

describe('process roles', () => {
  it('an API-only instance answers and queues the work, a worker process does it', async () => {
    const offer = await t.declare(s.memberA, { title: 'Palettes bois 80x120', wasteCode: '15 01 03', quantity: 40, unit: 'pallet', siteId: s.firmA.siteId });
    const need = await t.declare(s.memberB, {
      kind: 'need',
      title: 'Recherche palettes 80x120',
      wasteCode: '15 01 03',
      quantity: 30,
      unit: 'pallet',
      siteId: s.firmB.siteId,
    });
    // The API instance leaves the work queued: nothing indexed, nothing matched, even after its relay's poll interval.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pendingInOutbox()).toBeGreaterThan(0);
    expect(await matchJobsWaiting()).toBe(2);
    expect((await t.call(s.memberB, 'GET', '/search/declarations?q=palettes')).json().total).toBe(0);

    worker = await openPlatform(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PROCESS_ROLE: 'worker' }), {
      ...t.place,
      migrate: false,
      now: t.clock.now,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    // The worker indexes and matches; the API instance serves the results.
    await eventually(async () => ((await t.call(s.memberB, 'GET', '/search/declarations?q=palettes')).json().total === 2 ? true : undefined), 'indexed');
    const synergy = await eventually(async () => {
      const items = (await t.call(s.memberB, 'GET', '/synergies?limit=50')).json().items as { parties: { declarationId: string | null }[] }[];
      return items.find((x) => x.parties.some((p) => p.declarationId === offer.id) && x.parties.some((p) => p.declarationId === need.id));
    }, 'the proposal made by the worker');
    expect(synergy).toBeDefined();
    // Changes the matching made (declarations' match counts) are relayed by the worker too.
    await eventually(async () => ((await pendingInOutbox()) === 0 ? true : undefined), 'an empty outbox');
  });

  it('refuses an unknown role at start', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PROCESS_ROLE: 'both' })).toThrow(/PROCESS_ROLE/);
  });
});
