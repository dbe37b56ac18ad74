import type { AuditEntry } from '@synergies/shared';
import { routes, type RouteResponse } from '@synergies/shared/routes';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type Scenario } from './context';
import { option, paris } from './fixtures/booking-times';

vi.setConfig({ testTimeout: 60_000 });

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

const journal = async (limit = 50, cursor?: string): Promise<RouteResponse<typeof routes.zoneAudit>> =>
  (await t.route(s.facilitator, routes.zoneAudit, { query: { zoneId: s.zoneId, limit, ...(cursor ? { cursor } : {}) } })).json();

/** The journal line is written once the answer has gone: wait for it. */
async function lineFor(entityId: string, route: string): Promise<AuditEntry> {
  return vi.waitFor(
    async () => {
      const line = (await journal()).items.find((e) => e.entityId === entityId && e.route === route);
      expect(line).toBeDefined();
      return line!;
    },
    { timeout: 10_000, interval: 100 },
  );
}

describe('the audit log', () => {
  it('records who changed what in the zone, and the facilitators read it, newest first', async () => {
    const offer = await t.declare(s.memberA, { title: 'Palettes 80x120 à donner' });
    const created = await lineFor(offer.id, '/api/v1/declarations');
    expect(created).toMatchObject({
      method: 'POST',
      status: 201,
      actor: { id: s.memberA.id },
      organisation: { id: s.firmA.id, name: 'Plasturgie du Revermont' },
    });
    const edit = await t.call(s.memberA, 'PATCH', `/declarations/${offer.id}`, { version: offer.version, title: 'Palettes 80x120 (lot de 40)' });
    expect(edit.statusCode).toBe(200);
    const edited = await lineFor(offer.id, '/api/v1/declarations/:id');
    expect(edited.method).toBe('PATCH');
    expect(edited.id).toBeGreaterThan(created.id);
    const items = (await journal()).items;
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('records nothing for a refused change, nor for reads', async () => {
    await t.declare(s.memberB, { title: 'Cartons pliés' });
    await vi.waitFor(async () => expect((await journal()).items.some((e) => e.actor?.id === s.memberB.id)).toBe(true), { timeout: 10_000 });
    const offer = await t.declare(s.memberA, { title: 'Big bags' });
    await lineFor(offer.id, '/api/v1/declarations');
    const before = (await journal()).items.length;
    expect((await t.call(s.memberB, 'PATCH', `/declarations/${offer.id}`, { version: offer.version, title: 'Pas à moi' })).statusCode).toBe(403);
    expect((await t.call(s.memberA, 'PATCH', `/declarations/${offer.id}`, { version: 999, title: 'Vieille version' })).statusCode).toBe(409);
    expect((await t.call(s.memberA, 'POST', '/declarations', { kind: 'offer', title: '' })).statusCode).toBe(400);
    // A later accepted change proves the hooks ran for the refused ones before it.
    const marker = await t.declare(s.memberA, { title: 'Marqueur' });
    await lineFor(marker.id, '/api/v1/declarations');
    expect((await journal()).items.length).toBe(before + 1);
  });

  it('is the zone facilitators’ only: members, other zones and anonymous visitors are refused', async () => {
    expect((await t.route(s.memberA, routes.zoneAudit, { query: { zoneId: s.zoneId } })).statusCode).toBe(403);
    const otherZone = await t.newZone();
    const stranger = await t.newUser('facilitator', { zoneId: otherZone });
    expect((await t.route(stranger, routes.zoneAudit, { query: { zoneId: s.zoneId } })).statusCode).toBe(403);
    expect((await t.route(null, routes.zoneAudit, { query: { zoneId: s.zoneId } })).statusCode).toBe(401);
    expect((await t.call(s.facilitator, 'GET', '/audit?zoneId=not-a-uuid')).statusCode).toBe(400);
    const admin = await t.newUser('admin');
    expect((await t.route(admin, routes.zoneAudit, { query: { zoneId: s.zoneId } })).statusCode).toBe(200);
  });

  it('pages to the end without repeats, and refuses a forged cursor', async () => {
    const all = (await journal(200)).items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await journal(1, cursor);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    const forged = await t.call(s.facilitator, 'GET', `/audit?zoneId=${s.zoneId}&cursor=${Buffer.from('x1').toString('base64url')}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('invalid_cursor');
  });
});

describe('personal data', () => {
  it('exports what the platform holds about the person, as a file, and nothing secret', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    const offer = await t.declare(s.memberB, { title: 'Chutes de bois' });
    const opened = await t.route(member, routes.requestDeclaration, { params: { id: offer.id }, body: { message: 'Ce bois nous intéresse.' } });
    expect(opened.statusCode).toBe(201);
    await lineFor(offer.id, '/api/v1/declarations/:id/requests');
    // A colleague names the person as the firm's representative; the other firm accepts.
    const proposed = await t.call(s.memberA, 'POST', '/bookings', {
      place: 'proposer_site',
      recipientId: s.firmB.id,
      subject: 'Chutes de bois',
      representativeId: member.id,
      options: [option('2026-10-06', '10:00'), option('2026-10-06', '14:00')],
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const booking = proposed.json();
    const accepted = await t.call(s.memberB, 'POST', `/bookings/${booking.id}/answer`, {
      action: 'accept',
      optionId: booking.options[0].id,
      version: booking.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const res = await t.route(member, routes.exportPersonalData, {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="synergies-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
    const data: RouteResponse<typeof routes.exportPersonalData> = res.json();
    expect(data.account).toMatchObject({ id: member.id, email: member.email, organisation: { id: s.firmA.id } });
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.synergyMessages.map((m) => m.body)).toContain('Ce bois nous intéresse.');
    expect(data.changes.some((c) => c.route === '/api/v1/declarations/:id/requests' && c.entityId === offer.id)).toBe(true);
    expect(data.bookingsAttended).toEqual([{ bookingId: booking.id, startsAt: paris('2026-10-06', '10:00'), endsAt: paris('2026-10-06', '11:00') }]);
    expect(data.namedRepresentative).toEqual([expect.objectContaining({ bookingId: booking.id, kind: 'proposed' })]);
    expect(res.body).not.toMatch(/password|token_?hash|\$argon|\$scrypt/i);
    expect((await t.route(null, routes.exportPersonalData, {})).statusCode).toBe(401);
  });

  it('deletes an account only with its password, anonymises it, and keeps the zone’s figures', async () => {
    const member = await t.newUser('member', { organisationId: s.firmB.id });
    await t.declare(member, { title: 'Fûts métalliques vides' });
    await vi.waitFor(async () => expect((await journal()).items.some((e) => e.actor?.id === member.id)).toBe(true), { timeout: 10_000 });
    const figures = async () => (await t.route(s.facilitator, routes.zoneImpacts, { params: { id: s.zoneId } })).body;
    const declarations = async () => (await t.call(s.facilitator, 'GET', `/declarations?zoneId=${s.zoneId}&limit=100`)).json().items.length;
    const [figuresBefore, declarationsBefore] = [await figures(), await declarations()];

    const wrong = await t.route(member, routes.deleteAccount, { body: { password: 'not-my-password' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('wrong_password');
    expect((await t.call(member, 'GET', '/auth/me')).statusCode).toBe(200);

    // Two deletions at once: one succeeds, the other finds the account gone.
    const both = await Promise.all([0, 1].map(() => t.route(member, routes.deleteAccount, { body: { password: PASSWORD } })));
    expect(both.filter((r) => r.statusCode === 204)).toHaveLength(1);
    expect(both.find((r) => r.statusCode !== 204)!.statusCode).toBeOneOf([401, 404]);

    expect((await t.call(member, 'GET', '/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    const [row] = await t.ctx.db.$client<{ email: string; display_name: string; password_hash: string | null; organisation_id: string | null }[]>`
      select email, display_name, password_hash, organisation_id from users where id = ${member.id}`;
    expect(row).toEqual({ email: `deleted-${member.id}@synergies.invalid`, display_name: 'Compte supprimé', password_hash: null, organisation_id: null });
    const [sessions] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from sessions where user_id = ${member.id}`;
    expect(sessions!.n).toBe(0);

    expect(await figures()).toBe(figuresBefore);
    expect(await declarations()).toBe(declarationsBefore);
    const line = (await journal(200)).items.find((e) => e.actor?.id === member.id);
    expect(line?.actor?.displayName).toBe('Compte supprimé');
  });

  it('refuses to delete the last administrator', async () => {
    await t.ctx.db.$client`update users set deleted_at = now() where role = 'admin'`;
    const admin = await t.newUser('admin');
    const res = await t.route(admin, routes.deleteAccount, { body: { password: PASSWORD } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('last_admin');
    expect((await t.call(admin, 'GET', '/auth/me')).statusCode).toBe(200);
  });
});
