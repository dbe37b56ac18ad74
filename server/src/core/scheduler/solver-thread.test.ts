import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSolverThread } from './solver-thread';

const folder = mkdtempSync(join(tmpdir(), 'solver-thread-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a solver thread', () => {
  it('refuses a module it cannot bundle, and starts it once it can', async () => {
    const module = pathToFileURL(join(folder, 'double.ts'));
    await expect(startSolverThread(module)).rejects.toThrow(/Could not resolve/);
    writeFileSync(join(folder, 'half.ts'), 'export const half = (n: number): number => n / 2;\n');
    writeFileSync(
      join(folder, 'double.ts'),
      "import { parentPort, workerData } from 'node:worker_threads';\nimport { half } from './half';\nparentPort!.postMessage(half(workerData.n as number) * 4);\n",
    );
    const worker = await startSolverThread(module, { n: 21 });
    expect(await once(worker, 'message')).toEqual([42]);
    await worker.terminate();
  });
});
