/**
 * Realtime load: real PostgreSQL (embedded), N server instances of the real app (default two,
 * child processes on their own ports), one workshop-sized room — 300 participants and 3
 * facilitators — plus 2,000 more connections over 100 other rooms. Facilitator and
 * participant actions are published at a steady rate, each in its own transaction with
 * `publishEvent`, as services do. Half-way through, one instance is killed (SIGKILL): its
 * clients reconnect to another one and resume with `since`.
 *
 * Latency is measured from the publishing transaction's commit to the arrival of the event at
 * each client (same process and clock). Lost and duplicated events are checked per client by
 * sequence number. The rooms are zone rooms (`zone:<id>`), authorised by the hub's registry;
 * the payloads are workshop events.
 *
 * Run: npx tsx bench/workshop/load.ts [--seconds 60] [--instances 2] [--participants 300] [--others 2000] [--no-kill]
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withSiretCheckDigit, type RoomName, type ServerMessage } from '@synergies/shared';
import postgres from 'postgres';
import WebSocket from 'ws';
import { connectDatabase, migrateDatabase } from '../../server/src/infra/db';
import { startEmbeddedPostgres } from '../../server/src/infra/embedded/postgres';
import { freePort } from '../../server/src/infra/embedded/free-port';
import { publishEvent } from '../../server/src/infra/realtime/event-store';
import { hashToken } from '../../server/src/modules/auth/secrets';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    instances: { type: 'string', default: '2' },
    participants: { type: 'string', default: '300' },
    facilitators: { type: 'string', default: '3' },
    others: { type: 'string', default: '2000' },
    'other-rooms': { type: 'string', default: '100' },
    /** Events per second: each facilitator, all participants together, all other rooms together. */
    'facilitator-rate': { type: 'string', default: '2' },
    'participant-rate': { type: 'string', default: '10' },
    'other-rate': { type: 'string', default: '20' },
    'no-kill': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const INSTANCES = Number(args.instances);
const PARTICIPANTS = Number(args.participants);
const FACILITATORS = Number(args.facilitators);
const OTHERS = Number(args.others);
const OTHER_ROOMS = Number(args['other-rooms']);
const KILL = !args['no-kill'] && INSTANCES > 1;
const ORIGIN = 'http://synergies.bench';
const log = (m: string) => console.log(`[load] ${m}`);

const loadAtStart = os.loadavg()[0]!.toFixed(1);

// --- PostgreSQL and data ------------------------------------------------------------------------
const root = await fs.mkdtemp(path.join(os.tmpdir(), 'synergies-load-'));
await fs.chmod(root, 0o755);
const pg = await startEmbeddedPostgres(path.join(root, 'postgres'), log);
const databaseUrl = pg.url;
const db = connectDatabase(databaseUrl, { max: 4 });
await migrateDatabase(db);
const sql = postgres(databaseUrl, { max: 8, onnotice: () => undefined });

interface Seat {
  cookie: string;
  room: RoomName;
}
const seats: Seat[] = [];
let siret = 100_000_000_0000;
async function seedRoom(index: number, members: number, facilitators: number): Promise<RoomName> {
  const [zone] = await sql<{ id: string }[]>`insert into zones (slug, name) values (${`load-${index}`}, ${`Zone ${index}`}) returning id`;
  const [org] = await sql<{ id: string }[]>`
    insert into organisations (zone_id, name, siret) values (${zone!.id}, ${`Entreprise ${index}`}, ${withSiretCheckDigit(String(siret++))}) returning id`;
  const people = [
    ...Array.from({ length: facilitators }, (_, i) => ({ email: `f${i}-${index}@load.test`, role: 'facilitator', organisation_id: null as string | null })),
    ...Array.from({ length: members }, (_, i) => ({ email: `m${i}-${index}@load.test`, role: 'member', organisation_id: org!.id as string | null })),
  ].map((p) => ({ ...p, display_name: p.email, locale: 'fr', password_hash: 'x' }));
  const users = await sql<{ id: string; role: string }[]>`insert into users ${sql(people)} returning id, role`;
  const facs = users.filter((u) => u.role === 'facilitator');
  if (facs.length) await sql`insert into zone_facilitators ${sql(facs.map((u) => ({ zone_id: zone!.id, user_id: u.id })))}`;
  const tokens = users.map(() => crypto.randomBytes(24).toString('hex'));
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  await sql`insert into sessions ${sql(users.map((u, i) => ({ token_hash: hashToken(tokens[i]!), user_id: u.id, expires_at: expires })))}`;
  const room: RoomName = `zone:${zone!.id}`;
  for (const t of tokens) seats.push({ cookie: `sid=${t}`, room });
  return room;
}
const workshopRoom = await seedRoom(0, PARTICIPANTS, FACILITATORS);
const otherRooms: RoomName[] = [];
for (let r = 0; r < OTHER_ROOMS; r++) otherRooms.push(await seedRoom(r + 1, Math.floor(OTHERS / OTHER_ROOMS) + (r < OTHERS % OTHER_ROOMS ? 1 : 0), 0));
log(`seeded ${seats.length} sessions over ${1 + OTHER_ROOMS} rooms`);

// --- Server instances ---------------------------------------------------------------------------
interface Instance {
  index: number;
  port: number;
  child: ChildProcess;
  alive: boolean;
  maxRss: number;
  last?: { rss: number; connections: number; stats: Record<string, number> };
}
async function startInstance(index: number): Promise<Instance> {
  const port = await freePort();
  const child = fork(new URL('./server.ts', import.meta.url).pathname, [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const instance: Instance = { index, port, child, alive: true, maxRss: 0 };
  child.on('message', (m: { rss: number; connections: number; stats: Record<string, number> }) => {
    instance.last = m;
    instance.maxRss = Math.max(instance.maxRss, m.rss);
  });
  child.on('exit', () => (instance.alive = false));
  child.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => (d.toString().includes('ready') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`instance ${index} exited (${code})`)));
  });
  return instance;
}
// One after the other: two job queues creating their schema at once deadlock in PostgreSQL.
const instances: Instance[] = [];
for (let i = 0; i < INSTANCES; i++) instances.push(await startInstance(i));
process.on('exit', () => instances.forEach((i) => i.child.exitCode === null && i.child.kill('SIGKILL')));
log(`${INSTANCES} instance(s) on ports ${instances.map((i) => i.port).join(', ')}`);
const askMemory = () => instances.forEach((i) => i.alive && i.child.connected && i.child.send('memory', () => undefined));
const memoryTimer = setInterval(askMemory, 2000);

// --- Clients --------------------------------------------------------------------------------------
const commits = new Map<string, number>();
const arrivals: { key: string; at: number; resumed: boolean }[] = [];
let reconnections = 0;
let reloads = 0;
let errors = 0;

class Client {
  ws: WebSocket | null = null;
  instance: number;
  startSeq: number | null = null;
  lastSeq = 0;
  readonly seen = new Set<number>();
  duplicates = 0;
  gaps = 0;
  replaying = false;
  stopped = false;

  constructor(
    readonly seat: Seat,
    instance: number,
  ) {
    this.instance = instance;
  }

  connect(): Promise<void> {
    return new Promise((resolve) => {
      const target = instances[this.instance]!;
      const ws = new WebSocket(`ws://127.0.0.1:${target.port}/api/v1/realtime`, { headers: { cookie: this.seat.cookie, origin: ORIGIN } });
      this.ws = ws;
      let opened = false;
      ws.on('open', () => {
        opened = true;
        this.replaying = this.startSeq !== null;
        ws.send(JSON.stringify({ type: 'subscribe', uid: 's', room: this.seat.room, ...(this.startSeq !== null ? { since: this.lastSeq } : {}) }));
      });
      ws.on('message', (data) => {
        // Plain JSON: the hub's messages are typed by the shared schema (the tests validate them); this spares the shared CPU.
        const m = JSON.parse(data.toString()) as ServerMessage;
        if (m.type === 'ok') {
          if (this.startSeq === null) {
            this.startSeq = m.seq ?? 0;
            this.lastSeq = this.startSeq;
          }
          this.replaying = false;
          resolve();
        } else if (m.type === 'event') {
          const at = performance.now();
          if (this.seen.has(m.seq)) this.duplicates++;
          else if (m.seq !== this.lastSeq + 1) this.gaps++;
          this.seen.add(m.seq);
          this.lastSeq = Math.max(this.lastSeq, m.seq);
          arrivals.push({ key: `${m.room} ${m.seq}`, at, resumed: this.replaying });
        } else if (m.type === 'reload') reloads++;
        else if (m.type === 'error') errors++;
      });
      ws.on('error', () => undefined);
      ws.on('close', () => {
        if (this.stopped) return;
        if (opened) reconnections++;
        // As behind a load balancer: the next instance that answers, after a short jittered back-off.
        this.instance = (this.instance + 1) % instances.length;
        setTimeout(() => void this.connect().then(resolve), 100 + Math.random() * 400);
      });
    });
  }
}

const clients = seats.map((seat, i) => new Client(seat, i % INSTANCES));
const connectStart = performance.now();
for (let i = 0; i < clients.length; i += 100) await Promise.all(clients.slice(i, i + 100).map((c) => c.connect()));
log(`${clients.length} clients connected and subscribed in ${((performance.now() - connectStart) / 1000).toFixed(1)} s`);

// --- Steady actions -------------------------------------------------------------------------------
let published = 0;
let publishFailures = 0;
const inFlight = new Set<Promise<void>>();
function act(room: RoomName, phase: string) {
  const p = (async () => {
    try {
      const seq = await sql.begin((tx) =>
        publishEvent(tx, room, { type: 'workshop.phase_changed', workshopId: room.slice(5), phase, at: new Date().toISOString() }),
      );
      commits.set(`${room} ${seq}`, performance.now());
      published++;
    } catch {
      publishFailures++;
    }
  })();
  inFlight.add(p);
  void p.finally(() => inFlight.delete(p));
}
function every(perSecond: number, fn: () => void): NodeJS.Timeout {
  return setInterval(fn, 1000 / perSecond);
}
const timers = [
  ...Array.from({ length: FACILITATORS }, (_, f) => every(Number(args['facilitator-rate']), () => act(workshopRoom, `facilitator-${f}`))),
  every(Number(args['participant-rate']), () => act(workshopRoom, 'participant')),
];
let nextOther = 0;
timers.push(every(Number(args['other-rate']), () => act(otherRooms[nextOther++ % otherRooms.length]!, 'participant')));

const runStart = performance.now();
let killedAt: number | null = null;
if (KILL) {
  setTimeout(
    () => {
      const victim = instances[INSTANCES - 1]!;
      killedAt = performance.now();
      log(`killing instance ${victim.index} (SIGKILL) at ${((killedAt - runStart) / 1000).toFixed(1)} s with ${victim.last?.connections ?? '?'} connections`);
      victim.alive = false;
      victim.child.kill('SIGKILL');
    },
    (SECONDS * 1000) / 2,
  );
}
await new Promise((r) => setTimeout(r, SECONDS * 1000));
timers.forEach(clearInterval);
await Promise.all([...inFlight]);

// Let the last events arrive (and resumed clients catch up) before counting.
const finalSeq = new Map<string, number>();
for (const key of commits.keys()) {
  const [room, seq] = key.split(' ');
  finalSeq.set(room!, Math.max(finalSeq.get(room!) ?? 0, Number(seq)));
}
// Bounded: on a saturated machine delivery lags; what has not arrived by then counts as lost.
const drainStart = performance.now();
const drainDeadline = drainStart + 60_000;
while (performance.now() < drainDeadline && clients.some((c) => c.lastSeq < (finalSeq.get(c.seat.room) ?? 0))) await new Promise((r) => setTimeout(r, 100));
const drainSeconds = (performance.now() - drainStart) / 1000;
askMemory();
await new Promise((r) => setTimeout(r, 300));

// --- Figures --------------------------------------------------------------------------------------
let lost = 0;
let holes = 0;
let duplicated = 0;
for (const c of clients) {
  duplicated += c.duplicates;
  const last = finalSeq.get(c.seat.room) ?? 0;
  for (let s = (c.startSeq ?? 0) + 1; s <= last; s++) {
    if (c.seen.has(s)) continue;
    lost++;
    // Skipped while a later one arrived, as opposed to not arrived yet.
    if (s < c.lastSeq) holes++;
  }
}
const latencies: number[] = [];
const resumedLatencies: number[] = [];
let early = 0;
for (const a of arrivals) {
  const committed = commits.get(a.key);
  if (committed === undefined) continue;
  const ms = a.at - committed;
  if (ms < 0) early++;
  (a.resumed ? resumedLatencies : latencies).push(Math.max(0, ms));
}
const all = [...latencies, ...resumedLatencies].sort((x, y) => x - y);
latencies.sort((x, y) => x - y);
resumedLatencies.sort((x, y) => x - y);
const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);
const r1 = (x: number) => Math.round(x * 10) / 10;

log(`published ${published} events in ${SECONDS} s (${publishFailures} failed); ${all.length} deliveries to ${clients.length} clients`);
log(
  `latency commit → client, all deliveries: p50 ${r1(pct(all, 50))} ms, p95 ${r1(pct(all, 95))} ms, p99 ${r1(pct(all, 99))} ms, max ${r1(all[all.length - 1] ?? 0)} ms`,
);
log(`  live deliveries (${latencies.length}): p50 ${r1(pct(latencies, 50))} ms, p95 ${r1(pct(latencies, 95))} ms, p99 ${r1(pct(latencies, 99))} ms`);
log(`  replayed on resume after the kill (${resumedLatencies.length}): p50 ${r1(pct(resumedLatencies, 50))} ms, p99 ${r1(pct(resumedLatencies, 99))} ms`);
log(`  (${early} arrivals were seen before the publisher's commit returned; counted as 0 ms)`);
log(
  `all caught up ${drainSeconds.toFixed(1)} s after the last publication; machine load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} on ${os.cpus().length} cores (load at start ${loadAtStart})`,
);
log(
  `lost ${lost} (of which skipped while a later one arrived: ${holes}), duplicated ${duplicated}, out-of-order ${clients.reduce((n, c) => n + c.gaps, 0)}, reconnections ${reconnections}, reloads ${reloads}, error replies ${errors}`,
);
for (const i of instances)
  log(
    `instance ${i.index}: max RSS ${(i.maxRss / 1048576).toFixed(0)} MB${i.alive ? `, ${i.last?.connections} connections at the end, stats ${JSON.stringify(i.last?.stats)}` : ' (killed)'}`,
  );

clients.forEach((c) => {
  c.stopped = true;
  c.ws?.terminate();
});
clearInterval(memoryTimer);
for (const i of instances) if (i.alive) i.child.kill('SIGTERM');
await Promise.all(instances.map((i) => (i.child.exitCode === null && i.child.signalCode === null ? new Promise((r) => i.child.once('exit', r)) : undefined)));
await sql.end();
await db.$client.end();
await pg.stop();
await fs.rm(root, { recursive: true, force: true }).catch(() => undefined);

console.log(
  JSON.stringify({
    clients: clients.length,
    instances: INSTANCES,
    killed: KILL ? 1 : 0,
    seconds: SECONDS,
    events_published: published,
    deliveries: all.length,
    p50_ms: r1(pct(all, 50)),
    p95_ms: r1(pct(all, 95)),
    p99_ms: r1(pct(all, 99)),
    live_p99_ms: r1(pct(latencies, 99)),
    resumed_p99_ms: r1(pct(resumedLatencies, 99)),
    lost,
    duplicated,
    catch_up_s: Math.round(drainSeconds * 10) / 10,
    load_average: Math.round(os.loadavg()[0]! * 10) / 10,
    cores: os.cpus().length,
    reconnections,
    reloads,
    server_max_rss_mb: instances.map((i) => Math.round(i.maxRss / 1048576)),
  }),
);
process.exit(0);
