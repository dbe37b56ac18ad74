import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * postgres.js 3.4.9 as patched in patches/: a connection whose backend is gone used to throw
 * "Cannot read properties of null (reading 'write')" from a setImmediate, outside any query,
 * which killed the process (porsager/postgres#1154, #1208), and a reserved one handed back to
 * the pool after losing its socket failed every later query.
 */
const admin = postgres(inject('serverUrl'), { max: 1, onnotice: () => undefined });
afterAll(() => admin.end());

describe('a database connection that loses its backend', () => {
  it('rejects its queries, and the pool then serves queries and closes as usual', async () => {
    let closeSeen!: () => void;
    const closed = new Promise<void>((resolve) => (closeSeen = resolve));
    const sql = postgres(inject('serverUrl'), { max: 1, onnotice: () => undefined, onclose: () => closeSeen() });
    const reserved = await sql.reserve();
    const [backend] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;

    await admin`select pg_terminate_backend(${backend!.pid})`;
    await closed;

    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(reserved`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    }
    reserved.release();

    expect((await sql<{ answer: number }[]>`select 42 as answer`)[0]!.answer).toBe(42);
    const again = await sql.reserve();
    expect((await again<{ answer: number }[]>`select 43 as answer`)[0]!.answer).toBe(43);
    again.release();
    await sql.end();
  });
});
