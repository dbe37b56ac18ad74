import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { AuthService } from '../src/modules/auth/service';
import { seedDemo } from '../src/seed';
import { ensureDemoWorkshop } from '../src/seed-workshop';
import { createTestContext, type TestContext } from './context';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

it('prepares the demo zone’s workshop once, with working console, phone and room-screen links', async () => {
  await seedDemo(t.ctx);
  const first = await ensureDemoWorkshop(t.ctx, new AuthService(t.ctx));
  const second = await ensureDemoWorkshop(t.ctx, new AuthService(t.ctx));
  expect(first).not.toBeNull();
  expect(second!.console).toBe(first!.console);
  const [row] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from workshops`;
  expect(row?.n).toBe(1);
  const id = first!.console.match(/ateliers\/([0-9a-f-]{36})\/console/)![1]!;
  const member = await t.login('membre@demo.synergies.fr', 'Synergies-membre-2026');
  const seen = await t.app.inject({ method: 'GET', url: `/api/v1/workshops/${id}`, headers: { cookie: member } });
  expect(seen.json()).toMatchObject({ role: 'participant', phase: 'setup' });
  expect(seen.json().eventId).not.toBeNull();
  const token = new URL(second!.screen).searchParams.get('token')!;
  const room = await t.app.inject({ method: 'GET', url: `/api/v1/workshops/${id}/room?token=${encodeURIComponent(token)}` });
  expect(room.statusCode).toBe(200);
  expect(room.json().counts.firms).toBe(12);
  expect(first!.join).toMatch(/\/a\/[A-Z2-9]{4}-[A-Z2-9]{4}$/);
});
