/**
 * Load test of the running platform on real PostgreSQL and Meilisearch, with autocannon.
 *   npx tsx bench/api/load.ts [--seconds 60] [--connections 200] [--instances 1|2] [--url http://host:port] [--only search|write|…] [--worker-process] [--profile DIR]
 * Without --url it starts the services (embedded PostgreSQL and Meilisearch in a temporary
 * folder), the demo zone and `--instances` server processes; with two or more, a small
 * round-robin proxy (node:http) puts them behind one port. Several logged-in users (the
 * demo admin, facilitator and member) send a mix of searches (40 %), reads (45 %) and
 * writes (15 %: new declarations, notifications marked read). Prints throughput,
 * p50/p95/p99 latency, errors and the servers' memory; the last line is one JSON object.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../../server/src/infra/config';
import { startServices } from '../../server/src/infra/embedded/services';
import { freePort } from '../../server/src/infra/embedded/free-port';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(flag('seconds', '60'));
const CONNECTIONS = Number(flag('connections', '200'));
const INSTANCES = Number(flag('instances', '1'));
const GIVEN_URL = flag('url', '');
/** One kind of request alone (search, declarations, organisations, synergies, me, detail, read, write), to see what each costs. */
const ONLY = flag('only', '');
/** API instances serve only; one more process (PROCESS_ROLE=worker) does the background work. */
const WORKER_PROCESS = process.argv.includes('--worker-process');
/** Writes each server's V8 CPU profile into this folder when it stops (open with Chrome DevTools or speedscope). */
const PROFILE_DIR = flag('profile', '');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const servers: ChildProcess[] = [];
let stopServices: (() => Promise<void>) | undefined;
let proxy: http.Server | undefined;

async function waitReady(url: string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/v1/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** Round-robin over the instances, keep-alive both ways. */
function roundRobin(targets: number[], port: number): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = targets[next++ % targets.length]!;
    const upstream = http.request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function startPlatform(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'synergies-load-'));
  fs.chmodSync(dataDir, 0o755);
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' });
  const services = await startServices(config, (m) => console.error(`[services] ${m}`));
  stopServices = async () => {
    await services.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const ports: number[] = [];
  const start = (port: number, role: string, seed: boolean) =>
    // node itself, not npx: killing a wrapper left the real server running and skewing later runs.
    spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : []), '--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: services.databaseUrl,
        MEILI_URL: services.meiliUrl,
        MEILI_KEY: services.meiliKey,
        LOG_LEVEL: 'warn',
        PROCESS_ROLE: role,
        // Only the first instance seeds the demo zone; the load test logs in as its users.
        SEED_DEMO: seed ? 'auto' : 'never',
        LOGIN_MAX_PER_IP: '1000',
        DATA_DIR: dataDir,
      },
    });
  for (let i = 0; i < INSTANCES; i++) {
    const port = await freePort();
    ports.push(port);
    servers.push(start(port, WORKER_PROCESS ? 'api' : 'all', i === 0));
    await waitReady(`http://127.0.0.1:${port}`);
  }
  if (WORKER_PROCESS) servers.push(start(await freePort(), 'worker', false));
  if (INSTANCES === 1) return `http://127.0.0.1:${ports[0]}`;
  const port = await freePort();
  proxy = await roundRobin(ports, port);
  return `http://127.0.0.1:${port}`;
}

async function login(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
  return { cookie: sid.split(';')[0]!, user: (await res.json()) as { id: string; organisationId: string | null; zoneIds: string[] } };
}

/** Resident memory of the server processes (and their children), from /proc. */
function serversRssMb(): number {
  let kb = 0;
  const tree = (pid: number): number[] => {
    try {
      const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return [pid, ...children.flatMap(tree)];
    } catch {
      return [pid];
    }
  };
  for (const s of servers) {
    for (const pid of tree(s.pid!)) {
      try {
        const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
        if (m && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.ts')) kb += Number(m[1]);
      } catch {
        // gone
      }
    }
  }
  return kb / 1024;
}

async function main() {
  const base = GIVEN_URL || (await startPlatform());
  const users = [
    await login(base, 'admin@demo.synergies.fr', 'Synergies-admin-2026'),
    await login(base, 'animatrice@demo.synergies.fr', 'Synergies-anim-2026'),
    await login(base, 'membre@demo.synergies.fr', 'Synergies-membre-2026'),
  ];
  const member = users[2]!;
  const zoneId = users[1]!.user.zoneIds[0]!;
  const someDeclaration = (await (await fetch(`${base}/api/v1/declarations?limit=5`, { headers: { cookie: member.cookie } })).json()) as {
    items: { id: string }[];
  };
  const declarationId = someDeclaration.items[0]?.id;
  const words = ['palettes', 'carton', 'chaleur', 'bois', 'plastique', 'papier siliconé', 'transport', 'compresseur', 'stockage', 'huile'];
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  let writes = 0;

  type Req = { method: string; path: string; headers: Record<string, string>; body?: string };
  const kinds: [kind: string, share: number, make: (headers: Record<string, string>) => Req][] = [
    ['search', 0.4, (headers) => ({ method: 'GET', path: `/api/v1/search/declarations?q=${encodeURIComponent(pick(words))}&limit=20`, headers })],
    ['declarations', 0.15, (headers) => ({ method: 'GET', path: '/api/v1/declarations?limit=25', headers })],
    ['organisations', 0.1, (headers) => ({ method: 'GET', path: `/api/v1/organisations?zoneId=${zoneId}&limit=25`, headers })],
    ['synergies', 0.07, (headers) => ({ method: 'GET', path: '/api/v1/synergies?limit=25', headers })],
    ['me', 0.06, (headers) => ({ method: 'GET', path: '/api/v1/auth/me', headers })],
    ['detail', 0.07, (headers) => ({ method: 'GET', path: declarationId ? `/api/v1/declarations/${declarationId}` : '/api/v1/auth/me', headers })],
    ['read', 0.07, () => ({ method: 'POST', path: '/api/v1/notifications/read', headers: { cookie: member.cookie } })],
    [
      'write',
      0.08,
      () => ({
        method: 'POST',
        path: '/api/v1/declarations',
        headers: { cookie: member.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: pick(['offer', 'need']),
          categoryCode: 'materials.wood',
          title: `Charge ${pick(words)} ${++writes}`,
          quantity: 10,
          unit: 'pallet',
        }),
      }),
    ],
  ];
  if (ONLY && !kinds.some(([k]) => k === ONLY)) throw new Error(`--only: one of ${kinds.map(([k]) => k).join(', ')}`);
  const mix = ONLY ? kinds.filter(([k]) => k === ONLY).map(([k, , make]) => [k, 1, make] as const) : kinds;
  const next = (): Req => {
    let r = Math.random();
    const headers = { cookie: pick(users).cookie };
    for (const [, share, make] of mix) {
      if (r < share) return make(headers);
      r -= share;
    }
    return mix.at(-1)![2](headers);
  };

  const latencies: number[] = [];
  let peakRss = serversRssMb();
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, serversRssMb())), 1000);
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...next() }) }],
    setupClient: (client: { on: (e: string, f: (...a: number[]) => void) => void }) => {
      client.on('response', (_status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    },
  } as unknown as autocannon.Options);
  clearInterval(rssTimer);

  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const requests = result.requests.total;
  // autocannon counts timeouts among `errors` already.
  const errors = result.errors + result.non2xx;
  const summary = {
    connections: CONNECTIONS,
    mix: ONLY || 'full',
    worker_process: WORKER_PROCESS,
    instances: GIVEN_URL ? null : INSTANCES,
    seconds: SECONDS,
    requests,
    rps: Math.round(requests / SECONDS),
    p50_ms: Math.round(q(50) * 10) / 10,
    p95_ms: Math.round(q(95) * 10) / 10,
    p99_ms: Math.round(q(99) * 10) / 10,
    max_ms: result.latency.max,
    errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    server_rss_peak_mb: Math.round(peakRss),
    cpus: os.cpus().length,
  };
  console.log(
    `throughput  ${summary.rps} req/s (${requests} requests in ${SECONDS} s, ${CONNECTIONS} connections, ${summary.instances ?? 'external'} instance(s))`,
  );
  console.log(`latency     p50 ${summary.p50_ms} ms   p95 ${summary.p95_ms} ms   p99 ${summary.p99_ms} ms   max ${summary.max_ms} ms`);
  console.log(`errors      ${errors} (non-2xx ${result.non2xx}, timeouts ${result.timeouts}, other socket errors ${result.errors - result.timeouts})`);
  console.log(`memory      servers' peak RSS ${summary.server_rss_peak_mb} MB`);
  console.log(JSON.stringify(summary));
}

try {
  await main();
} finally {
  for (const s of servers) s.kill('SIGTERM');
  await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))));
  proxy?.close();
  await stopServices?.();
}
process.exit(0);
