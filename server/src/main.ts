import pino from 'pino';
import { buildApp } from './app';
import { isServiceDown } from './infra/service-down';
import { loadConfig } from './infra/config';
import type { FastifyInstance } from 'fastify';
import { startServices, type ExternalServices } from './infra/embedded/services';
import type { Lifecycle } from './modules/health/routes';
import { openPlatform, type Platform } from './platform';
import { DEMO_ACCOUNTS, isEmpty, seedDemo } from './seed';
import { AuthService } from './modules/auth/service';
import { ensureDemoWorkshop } from './seed-workshop';

const say = (m: string) => console.log(`[synergies] ${m}`);
/** "Failed query: …: connect ECONNREFUSED 127.0.0.1:5432": the error and what caused it, on one line. */
const causeChain = (error: unknown): string => {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && parts.length < 4; e = e instanceof Error ? e.cause : undefined)
    parts.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  return parts.join(': ');
};
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  // A missing or example secret in production stops the start here, naming the setting.
  console.error(`[synergies] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** node-postgres hangs the whole client on an idle connection's error (`err.client`): log the error without it. */
const errorWithoutClient = (err: Error) => {
  const { client: _client, ...serialised } = pino.stdSerializers.err(err) as ReturnType<typeof pino.stdSerializers.err> & { client?: unknown };
  return serialised;
};

/** One structured JSON log for the server, its workers and the embedded services. */
const log = pino({ level: config.LOG_LEVEL, base: { service: 'synergies', pid: process.pid }, serializers: { err: errorWithoutClient } });

const lifecycle: Lifecycle = { draining: false };
const serving = config.PROCESS_ROLE !== 'worker';
let services: ExternalServices | undefined;
let platform: Platform | undefined;
let app: FastifyInstance | null = null;
let started = false;
let stopping = false;

// A connection dropped by a restarting PostgreSQL or Meilisearch (pg-boss's pool, a LISTEN)
// must not end a running server: requests answer 503 meanwhile and the pools reconnect.
process.on('unhandledRejection', (reason) => {
  if (started && isServiceDown(reason)) log.warn({ err: reason }, 'a service is unavailable (unhandled rejection)');
  else log.error({ err: reason }, 'unhandled rejection');
});
process.on('uncaughtException', (error) => {
  if (started && isServiceDown(error)) return log.warn({ err: error }, 'a service is unavailable (uncaught exception)');
  log.fatal({ err: error }, started ? 'uncaught exception: stopping' : 'uncaught exception while starting: stopping');
  void shutdown('uncaughtException', 1);
});

/**
 * Graceful shutdown, from any point of the start: readiness fails at once (load balancers
 * stop sending), the listener stops accepting, requests in flight finish (at most
 * SHUTDOWN_GRACE_MS), `app.close()` closes the WebSocket hubs with their resume hint, then
 * the job workers drain and the embedded services stop.
 */
async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  lifecycle.draining = true;
  say(`${signal}: stopping`);
  const force = setTimeout(() => {
    log.error('shutdown took too long: exiting');
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS + 15_000);
  force.unref();
  await app?.close().catch((e: unknown) => log.error({ err: e }, 'closing the HTTP server failed'));
  await platform?.close().catch((e: unknown) => log.error({ err: e }, 'stopping the workers failed'));
  await services?.stop().catch((e: unknown) => log.error({ err: e }, 'stopping the embedded services failed'));
  say(code === 0 ? 'stopped cleanly' : 'stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

let demoWorkshop: Awaited<ReturnType<typeof ensureDemoWorkshop>> | null = null;
try {
  services = await startServices(config, say);
  platform = await openPlatform(config, { databaseUrl: services.databaseUrl, meiliUrl: services.meiliUrl, meiliKey: services.meiliKey, log });
  app = serving ? await buildApp(platform.ctx, { logger: log, lifecycle }) : null;
  if (serving && config.SEED_DEMO === 'auto' && (await isEmpty(platform.ctx))) {
    say('empty database: loading the demo zone of Lons-Perrigny');
    const seeded = await seedDemo(platform.ctx);
    say(`demo zone loaded (member account of ${seeded.memberOrganisation})`);
  }
  // The demo zone's workshop, ready to run; a fresh room-screen link at each start.
  if (serving && config.SEED_DEMO === 'auto') {
    demoWorkshop = await ensureDemoWorkshop(platform.ctx, new AuthService(platform.ctx)).catch((error: unknown) => {
      console.warn('[synergies] demo workshop not prepared:', error);
      return null;
    });
  }
  await app?.listen({ host: config.HOST, port: config.PORT });
  started = true;
} catch (error) {
  // An unreachable database or a port in use: say so, stop what did start, and exit non-zero.
  console.error(`[synergies] could not start: ${causeChain(error)}`);
  log.debug({ err: error }, 'start failed');
  await shutdown('start failed', 1);
}

if (started && !app) {
  say('worker ready: matching, search relay, emails and reminders run here (no HTTP)');
} else if (started) {
  say(`ready on ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs)${config.PROCESS_ROLE === 'api' ? ' — API only: start a worker too' : ''}`);
  say('demo logins:');
  for (const a of DEMO_ACCOUNTS) say(`  ${('label' in a ? a.label : a.role).padEnd(11)} ${a.email} / ${a.password}`);
  if (demoWorkshop) {
    say('demo workshop (open them side by side):');
    say(`  console     ${demoWorkshop.console}   (animatrice)`);
    say(`  phone       ${demoWorkshop.phone}   (membre, on a phone-sized window)`);
    say(`  room screen ${demoWorkshop.screen}`);
    if (demoWorkshop.join) say(`  join link   ${demoWorkshop.join}   (another firm, no account needed)`);
  }
}
