import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * postgres.js 3.4.9 as patched in patches/: a connection whose backend is gone used to throw
 * "Cannot read properties of null (reading 'write')" from a setImmediate, outside any query,
 * which killed the process (porsager/postgres#1154, #1208), and a reserved one handed back to
 * the pool after losing its socket failed every later query. A backend terminated while a
 * query ran (57P01, as on every PostgreSQL shutdown) left its error behind, and the first query
 * after the reconnect failed with it.
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

  it('does not fail the first query after reconnecting with the error of a backend terminated mid-query', async () => {
    const sql = postgres(inject('serverUrl'), { max: 1, onnotice: () => undefined });
    const [backend] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const running = sql`select pg_sleep(30)`.then(
      () => 'finished',
      (error: { code?: string }) => error.code,
    );
    // Terminated only once the query is running, so the error arrives while it waits.
    while ((await admin<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where pid = ${backend!.pid} and state = 'active'`)[0]!.n === 0) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await admin`select pg_terminate_backend(${backend!.pid})`;
    expect(await running).not.toBe('finished');

    expect((await sql<{ answer: number }[]>`select 44 as answer`)[0]!.answer).toBe(44);
    await sql.end();
  });
});
