import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestContext, PASSWORD, type TestContext, type Scenario } from './context';

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

/** The one-time link of the last email sent to `to`, read from the outbox. */
async function lastLink(to: string): Promise<string> {
  await t.drainJobs('password-reset');
  const [email] = await t.ctx.db.$client<{ text: string }[]>`select text from emails where "to" = ${to} order by created_at desc limit 1`;
  const match = email?.text.match(/https?:\/\/\S+\/(?:invitation|reinitialisation)\/(\S+)/);
  if (!match) throw new Error(`no link in the last email to ${to}`);
  return match[1]!;
}

describe('login and sessions', () => {
  it('logs in, answers /me, and logs out', async () => {
    const res = await t.call(null, 'POST', '/auth/login', { email: s.memberA.email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    const user = { id: '', email: '', cookie: cookieOf(res) };
    const me = await t.call(user, 'GET', '/auth/me');
    expect(me.json()).toMatchObject({ email: s.memberA.email, role: 'member', organisationId: s.firmA.id, zoneIds: [s.zoneId] });
    expect((await t.call(user, 'POST', '/auth/logout')).statusCode).toBe(204);
    expect((await t.call(user, 'GET', '/auth/me')).statusCode).toBe(401);
  });

  it('gives one message for a wrong password and an unknown email', async () => {
    const wrong = await t.call(null, 'POST', '/auth/login', { email: s.memberA.email, password: 'not-the-password' });
    const unknown = await t.call(null, 'POST', '/auth/login', { email: 'nobody@example.fr', password: 'whatever-it-is' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('stores only a hash of the password and of the session token', async () => {
    const [user] = await t.ctx.db.$client<{ password_hash: string }[]>`select password_hash from users where email = ${s.memberA.email}`;
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    const token = s.memberA.cookie.replace('sid=', '');
    const rows = await t.ctx.db.$client`select 1 from sessions where token_hash = ${token}`;
    expect(rows).toHaveLength(0);
  });

  it('expires sessions after SESSION_DAYS', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    t.clock.advance(31 * 24 * 3600_000);
    try {
      expect((await t.call(member, 'GET', '/auth/me')).statusCode).toBe(401);
    } finally {
      t.clock.advance(-31 * 24 * 3600_000);
    }
  });
});

describe('invitations', () => {
  it('lets a facilitator invite a member who activates the account by the one-time link', async () => {
    const res = await t.call(s.facilitator, 'POST', `/organisations/${s.firmB.id}/invitations`, {
      email: 'Nouvelle.Recrue@Example.fr',
      displayName: 'Nouvelle Recrue',
    });
    expect(res.statusCode).toBe(201);
    const token = await lastLink('nouvelle.recrue@example.fr');

    const info = await t.call(null, 'GET', `/auth/invitations/${token}`);
    expect(info.json()).toMatchObject({ email: 'nouvelle.recrue@example.fr', role: 'member', organisationName: 'Fromagerie des Coteaux' });
    // Not activated yet: cannot log in.
    expect((await t.call(null, 'POST', '/auth/login', { email: 'nouvelle.recrue@example.fr', password: 'mot-de-passe-long' })).statusCode).toBe(401);

    const accept = await t.call(null, 'POST', '/auth/invitations/accept', { token, password: 'mot-de-passe-long' });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toMatchObject({ role: 'member', organisationId: s.firmB.id });
    expect((await t.call(null, 'POST', '/auth/login', { email: 'nouvelle.recrue@example.fr', password: 'mot-de-passe-long' })).statusCode).toBe(200);

    const again = await t.call(null, 'POST', '/auth/invitations/accept', { token, password: 'autre-mot-de-passe' });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('link_expired');
  });

  it('refuses invitations from members and to already active accounts', async () => {
    const byMember = await t.call(s.memberA, 'POST', `/organisations/${s.firmA.id}/invitations`, { email: 'x@example.fr', displayName: 'X' });
    expect(byMember.statusCode).toBe(403);
    const active = await t.call(s.facilitator, 'POST', `/organisations/${s.firmA.id}/invitations`, { email: s.memberA.email, displayName: 'Déjà là' });
    expect(active.statusCode).toBe(409);
    expect(active.json().code).toBe('already_registered');
    const [row] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from users where email = 'x@example.fr'`;
    expect(row!.n).toBe(0);
  });

  it('queues each email with a delivery job so none is lost', async () => {
    await t.call(s.facilitator, 'POST', `/organisations/${s.firmA.id}/invitations`, { email: 'queued@example.fr', displayName: 'Queued' });
    const [email] = await t.ctx.db.$client<{ id: string }[]>`select id from emails where "to" = 'queued@example.fr'`;
    const jobs = await t.ctx.db.$client`select 1 from pgboss.job where name = 'email-delivery' and data->>'emailId' = ${email!.id}`;
    expect(jobs).toHaveLength(1);
  });
});

describe('password reset', () => {
  it('resets with a one-time link and closes existing sessions', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    expect((await t.call(null, 'POST', '/auth/password-reset', { email: member.email })).statusCode).toBe(202);
    const token = await lastLink(member.email);
    const res = await t.call(null, 'POST', '/auth/password-reset/confirm', { token, password: 'un-tout-nouveau-secret' });
    expect(res.statusCode).toBe(204);
    expect((await t.call(member, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await t.call(null, 'POST', '/auth/login', { email: member.email, password: 'un-tout-nouveau-secret' })).statusCode).toBe(200);
  });

  it('answers 202 for an unknown address without sending anything', async () => {
    const res = await t.call(null, 'POST', '/auth/password-reset', { email: 'inconnu@example.fr' });
    expect(res.statusCode).toBe(202);
    await t.drainJobs('password-reset');
    expect(await t.ctx.db.$client`select 1 from emails where "to" = 'inconnu@example.fr'`).toHaveLength(0);
  });

  it('refuses an expired link and a too-short password', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    await t.call(null, 'POST', '/auth/password-reset', { email: member.email });
    const token = await lastLink(member.email);
    expect((await t.call(null, 'POST', '/auth/password-reset/confirm', { token, password: 'court' })).statusCode).toBe(400);
    t.clock.advance(3 * 3600_000);
    try {
      expect((await t.call(null, 'POST', '/auth/password-reset/confirm', { token, password: 'assez-long-maintenant' })).statusCode).toBe(410);
    } finally {
      t.clock.advance(-3 * 3600_000);
    }
  });
});
