import crypto from 'node:crypto';
import { withSiretCheckDigit, type DeclarationCreate } from '@synergies/shared';
import { queryString, routePath, type RouteArgs, type RouteResponse, type RouteSpec } from '@synergies/shared/routes';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import postgres from 'postgres';
import { inject, vi } from 'vitest';
import { buildApp } from '../src/app';
import type { AppContext } from '../src/context';
import { loadConfig } from '../src/infra/config';
import { rawSql, withDatabase } from '../src/infra/db';
import { addZoneFacilitator, insertUser } from '../src/modules/auth/repository';
import { hashPassword } from '../src/modules/auth/secrets';
import { openPlatform } from '../src/platform';

export const PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
}

/** A fixed clock that tests can move. */
export class TestClock {
  constructor(public current = new Date('2026-10-03T08:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}${crypto.randomBytes(2).toString('hex')}`;

/**
 * Waits for background work (matching, scheduling runs) to produce something: `probe`
 * answers it, or undefined while it is not there yet. Generous on a loaded 2-core machine.
 */
export function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (value === undefined) throw new Error(`still waiting for ${what}`);
      return value;
    },
    { timeout: timeoutMs, interval: 200 },
  );
}

/** A 13-digit random prefix made into a valid SIRET. */
export const randomSiret = () =>
  withSiretCheckDigit(
    String(1e12 + crypto.randomInt(0, 8e12))
      .padStart(13, '1')
      .slice(0, 13),
  );

/**
 * A test file's world: its own copy of the migrated template database, its own
 * Meilisearch indexes, the real app, and factories.
 */
export async function createTestContext(env: Record<string, string> = {}, services: { meiliUrl?: string; meiliKey?: string } = {}) {
  const name = `test_${unique()}`;
  const serverUrl = inject('serverUrl');
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${inject('templateDb')}`);
      break;
    } catch (error) {
      // Two files copying the template at the same instant: PostgreSQL asks to retry.
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const databaseUrl = withDatabase(serverUrl, name);
  const clock = new TestClock();
  // Tests log in far more often than people: login limits are set high unless a test sets them.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://synergies.test',
    LOGIN_MAX_PER_IP: '100000',
    LOGIN_MAX_PER_ACCOUNT: '100000',
    ...env,
  });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  /** Where this file's platform lives: another process role can open the same one. */
  const place = { databaseUrl, meiliUrl: services.meiliUrl ?? inject('meiliUrl'), meiliKey: services.meiliKey ?? inject('meiliKey'), indexPrefix: `${name}_` };
  const platform = await openPlatform(config, { ...place, migrate: false, now: clock.now, log: quiet });
  // TEST_LOG=1 shows the server's errors while debugging a test.
  const app = await buildApp(platform.ctx, { logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  const ctx: AppContext = platform.ctx;

  async function close() {
    await app.close();
    await platform.close();
    if (!services.meiliUrl) {
      await ctx.search.client.deleteIndex(ctx.search.declarations).waitTask();
      await ctx.search.client.deleteIndex(ctx.search.organisations).waitTask();
    }
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  async function newUser(role: 'admin' | 'facilitator' | 'member', scope: { zoneId?: string; organisationId?: string } = {}): Promise<TestUser> {
    passwordHash ??= hashPassword(PASSWORD);
    const email = `${role}-${unique()}@example.fr`;
    const id = await ctx.db.transaction(async (tx) => {
      const sql = rawSql(tx);
      const userId = await insertUser(sql, {
        email,
        displayName: `${role} ${email.slice(0, 8)}`,
        role,
        locale: 'fr',
        organisationId: scope.organisationId ?? null,
        passwordHash: await passwordHash!,
      });
      if (role === 'facilitator' && scope.zoneId) await addZoneFacilitator(sql, scope.zoneId, userId);
      return userId;
    });
    return { id, email, cookie: await login(email) };
  }

  async function login(email: string, password = PASSWORD): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return cookieOf(res);
  }

  async function newZone(fields: Partial<{ slug: string; name: string }> = {}) {
    const [row] = await ctx.db.$client<{ id: string }[]>`
      insert into zones (slug, name) values (${fields.slug ?? `zone-${unique()}`}, ${fields.name ?? 'Zone de test'}) returning id`;
    return row!.id;
  }

  async function newOrganisation(zoneId: string, fields: Partial<{ name: string; siret: string; latitude: number; longitude: number }> = {}) {
    const [org] = await ctx.db.$client<{ id: string }[]>`
      insert into organisations (zone_id, name, siret) values (${zoneId}, ${fields.name ?? `Entreprise ${unique()}`}, ${fields.siret ?? randomSiret()})
      returning id`;
    const [site] = await ctx.db.$client<{ id: string }[]>`
      insert into sites (organisation_id, name, city, latitude, longitude)
      values (${org!.id}, 'Siège', 'Perrigny', ${fields.latitude ?? 46.6702}, ${fields.longitude ?? 5.5871}) returning id`;
    return { id: org!.id, siteId: site!.id };
  }

  /** A zone with a facilitator and two firms with one member each. */
  async function scenario() {
    const zoneId = await newZone();
    const firmA = await newOrganisation(zoneId, { name: 'Plasturgie du Revermont' });
    const firmB = await newOrganisation(zoneId, { name: 'Fromagerie des Coteaux', latitude: 46.6901, longitude: 5.5503 });
    return {
      zoneId,
      firmA,
      firmB,
      facilitator: await newUser('facilitator', { zoneId }),
      memberA: await newUser('member', { organisationId: firmA.id }),
      memberB: await newUser('member', { organisationId: firmB.id }),
    };
  }

  function call(user: TestUser | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    return app.inject({
      method,
      url: `/api/v1${url}`,
      ...(user ? { headers: { cookie: user.cookie } } : {}),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  }

  /** Calls a route of the shared route map: arguments and `json()` typed by the contract. */
  async function route<R extends RouteSpec>(user: TestUser | null, r: R, args: RouteArgs<R>) {
    const { params, query, body } = args as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
    const res = await call(user, r.method as 'GET' | 'POST' | 'PATCH' | 'DELETE', `${routePath(r, params)}${queryString(query)}`, body);
    const json = res.json.bind(res);
    return Object.assign(res, { json: () => json() as RouteResponse<R> });
  }

  async function declare(user: TestUser, body: Partial<DeclarationCreate> & { title: string }) {
    const res = await call(user, 'POST', '/declarations', { kind: 'offer', categoryCode: 'materials.wood', ...body });
    if (res.statusCode !== 201) throw new Error(`declare failed: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; version: number; [k: string]: unknown };
  }

  /**
   * Waits until no job of `queue` (of any queue without one) is due, waiting or running:
   * the workers run in the background. Jobs planned for later (reminders) do not count.
   */
  async function drainJobs(queue?: string, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // pg-boss's own queues (its cron dispatch, '__pgboss__send-it') are not work a request queued.
      const pending = await ctx.db.$client<{ name: string; state: string }[]>`
        select name, state from pgboss.job
        where (${queue ?? null}::text is null or name = ${queue ?? null}) and not starts_with(name, '__pgboss__')
          and state in ('created', 'retry', 'active') and start_after <= now()`;
      if (pending.length === 0) return;
      if (Date.now() > deadline) {
        const names = pending.map((j) => `${j.name} (${j.state})`).join(', ');
        throw new Error(`jobs of ${queue ?? 'every queue'} still pending after ${timeoutMs} ms: ${names}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return { app, ctx, clock, place, close, drainJobs, newUser, login, newZone, newOrganisation, scenario, call, route, declare };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
/** The zone, facilitator and two firms of `scenario()`. */
export type Scenario = Awaited<ReturnType<TestContext['scenario']>>;

export function cookieOf(res: LightMyRequestResponse): string {
  const sid = res.cookies.find((c) => c.name === 'sid');
  if (!sid) throw new Error('no session cookie');
  return `sid=${sid.value}`;
}

export type { FastifyInstance };
