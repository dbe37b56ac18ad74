import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/infra/config';

/** Starts the real entry point and collects what it says until it exits. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'src', 'main.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', SEED_DEMO: 'never', PORT: '0', ...env },
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

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
