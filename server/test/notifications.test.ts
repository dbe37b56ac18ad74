import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotificationService } from '../src/modules/notifications/service';
import { createTestContext, type TestContext, type Scenario } from './context';

vi.setConfig({ testTimeout: 60_000 });

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = new Date('2026-11-30T20:00:00Z');
  s = await t.scenario();
});
afterAll(() => t.close());

type Item = { id: string; type: string; count: number; read: boolean; synergyId: string | null };
const notificationsOf = async (user = s.memberB) => (await t.call(user, 'GET', '/notifications')).json() as Item[];
const emailsTo = async (to: string) =>
  (await t.ctx.db.$client<{ subject: string; text: string }[]>`select subject, text from emails where "to" = ${to} order by created_at`).map((e) => e);

/** An offer of firm A that firm B's need matches: one new suggestion for B's members. */
async function newMatch(n: number) {
  await t.declare(s.memberA, { title: `Palettes bois 80x120 lot ${n}`, wasteCode: '15 01 03', quantity: 40, unit: 'pallet', frequency: 'monthly' });
}

describe('notifications worth reading', () => {
  it('gathers the day’s new suggestions into one line that counts them, and opening it reads it', async () => {
    await t.declare(s.memberB, { kind: 'need', title: 'Recherche palettes 80x120', wasteCode: '15 01 03', quantity: 30, unit: 'pallet', frequency: 'monthly' });
    await newMatch(1);
    await newMatch(2);
    const line = await vi.waitFor(
      async () => {
        const unread = (await notificationsOf()).filter((n) => n.type === 'new_proposal' && !n.read);
        expect(unread).toHaveLength(1);
        expect(unread[0]!.count).toBeGreaterThanOrEqual(2);
        return unread[0]!;
      },
      { timeout: 30_000, interval: 300 },
    );
    expect(line.synergyId).toBeNull();

    // Another person's notification cannot be opened; a malformed id names nothing.
    expect((await t.call(s.memberA, 'POST', `/notifications/${line.id}/read`)).statusCode).toBe(404);
    expect((await t.call(s.memberB, 'POST', '/notifications/nope/read')).statusCode).toBe(404);
    expect((await notificationsOf()).find((n) => n.id === line.id)!.read).toBe(false);

    expect((await t.call(s.memberB, 'POST', `/notifications/${line.id}/read`)).statusCode).toBe(204);
    expect((await notificationsOf()).find((n) => n.id === line.id)!.read).toBe(true);

    // What comes next starts a new unread line rather than reviving the read one.
    await newMatch(3);
    await vi.waitFor(async () => expect((await notificationsOf()).filter((n) => n.type === 'new_proposal' && !n.read)).toHaveLength(1), {
      timeout: 30_000,
      interval: 300,
    });
  });

  it('lets each person choose in-app only, a daily or weekly digest, or nothing, refusing anything else', async () => {
    expect((await t.call(s.memberA, 'GET', '/notifications/preferences')).json()).toEqual({ mode: 'daily' });
    const bad = await t.call(s.memberA, 'PUT', '/notifications/preferences', { mode: 'hourly' });
    expect(bad.statusCode).toBe(400);
    expect((await t.call(s.memberA, 'GET', '/notifications/preferences')).json()).toEqual({ mode: 'daily' });
    expect((await t.call(null, 'GET', '/notifications/preferences')).statusCode).toBe(401);
    for (const mode of ['weekly', 'in_app', 'none', 'daily']) {
      expect((await t.call(s.memberA, 'PUT', '/notifications/preferences', { mode })).json()).toEqual({ mode });
    }
  });

  it('emails digests to whoever asked, once, in their language, about what they have not read', async () => {
    const digests = new NotificationService(t.ctx);
    const [daily, weekly, inApp, silent] = await Promise.all(
      ['daily', 'weekly', 'in_app', 'none'].map(async (mode) => {
        const user = await t.newUser('member', { organisationId: s.firmB.id });
        expect((await t.call(user, 'PUT', '/notifications/preferences', { mode })).statusCode).toBe(200);
        return user;
      }),
    );
    await t.ctx.db.$client`update users set locale = 'en' where id = ${weekly!.id}`;
    await newMatch(4);
    await vi.waitFor(async () => expect((await notificationsOf(daily)).some((n) => !n.read)).toBe(true), { timeout: 30_000, interval: 300 });
    expect(await notificationsOf(silent)).toEqual([]);
    expect((await notificationsOf(inApp)).length).toBeGreaterThan(0);

    // Tuesday 7:00 in Paris: the daily digest only.
    await digests.sendDigests(new Date('2026-12-01T06:00:00Z'));
    expect(await emailsTo(daily!.email)).toEqual([
      expect.objectContaining({ subject: expect.stringMatching(/^Synergies : /), text: expect.stringMatching(/nouvelle(s)? piste/) }),
    ]);
    for (const user of [weekly!, inApp!, silent!]) expect(await emailsTo(user.email)).toEqual([]);
    // Run again (a second instance): nothing twice.
    await digests.sendDigests(new Date('2026-12-01T06:00:00Z'));
    expect(await emailsTo(daily!.email)).toHaveLength(1);

    // Monday: the weekly one too, in English; the daily person read nothing new since, so no email.
    await digests.sendDigests(new Date('2026-12-07T06:00:00Z'));
    expect(await emailsTo(weekly!.email)).toEqual([
      expect.objectContaining({ subject: expect.stringMatching(/^Synergies: /), text: expect.stringMatching(/new synergy lead/) }),
    ]);
    expect(await emailsTo(daily!.email)).toHaveLength(1);
  });
});
