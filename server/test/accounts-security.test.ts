import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestContext, PASSWORD, type TestContext, type Scenario } from './context';

// Real limits (20 a minute per address, 5 per quarter-hour per account and browser).
let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext({ LOGIN_MAX_PER_IP: '20', LOGIN_MAX_PER_ACCOUNT: '5', RESET_MAX_PER_ACCOUNT: '3' });
  s = await t.scenario();
});
afterAll(() => t.close());

let ipSeq = 0;
/** A distinct client address for each test, so that the per-address budgets do not mix. */
const nextIp = () => `198.51.100.${++ipSeq}`;

async function lastLink(to: string): Promise<string> {
  await t.drainJobs('password-reset');
  const [email] = await t.ctx.db.$client<{ text: string }[]>`select text from emails where "to" = ${to} order by created_at desc limit 1`;
  const match = email?.text.match(/https?:\/\/\S+\/(?:invitation|reinitialisation)\/(\S+)/);
  if (!match) throw new Error(`no link in the last email to ${to}`);
  return match[1]!;
}

function post(url: string, payload: object, o: { ip?: string; cookie?: string; headers?: Record<string, string> } = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    remoteAddress: o.ip ?? '127.0.0.1',
    headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...o.headers },
    payload,
  });
}

async function invite(email: string) {
  const res = await t.call(s.facilitator, 'POST', `/organisations/${s.firmB.id}/invitations`, { email, displayName: 'Invitée' });
  expect(res.statusCode).toBe(201);
  const [row] = await t.ctx.db.$client<{ text: string }[]>`select text from emails where "to" = ${email} order by created_at desc limit 1`;
  return row!.text.match(/\/invitation\/(\S+)/)![1]!;
}

describe('one-time links', () => {
  it('an older invitation link cannot take over the account once a newer one activated it', async () => {
    const email = `victime-${Date.now()}@example.fr`;
    const first = await invite(email);
    const second = await invite(email);
    const accepted = await post('/auth/invitations/accept', { token: second, password: 'le-vrai-mot-de-passe' }, { ip: nextIp() });
    expect(accepted.statusCode).toBe(200);
    const victim = { id: '', email, cookie: cookieOf(accepted) };

    const takeover = await post('/auth/invitations/accept', { token: first, password: 'mot-de-passe-pirate' }, { ip: nextIp() });
    expect(takeover.statusCode).toBe(410);
    expect(takeover.json().code).toBe('link_expired');
    expect((await t.call(null, 'GET', `/auth/invitations/${first}`)).statusCode).toBe(410);
    // The victim's session and password are untouched.
    expect((await t.call(victim, 'GET', '/auth/me')).statusCode).toBe(200);
    expect((await post('/auth/login', { email, password: 'mot-de-passe-pirate' }, { ip: nextIp() })).statusCode).toBe(401);
    expect((await post('/auth/login', { email, password: 'le-vrai-mot-de-passe' }, { ip: nextIp() })).statusCode).toBe(200);
  });

  it('a second reset link is dead once another was used, and so is the used one', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    await post('/auth/password-reset', { email: member.email }, { ip: nextIp() });
    const first = await lastLink(member.email);
    await post('/auth/password-reset', { email: member.email }, { ip: nextIp() });
    const second = await lastLink(member.email);
    expect(second).not.toBe(first);

    expect((await post('/auth/password-reset/confirm', { token: first, password: 'nouveau-secret-un' })).statusCode).toBe(204);
    expect((await post('/auth/password-reset/confirm', { token: second, password: 'nouveau-secret-deux' })).statusCode).toBe(410);
    expect((await post('/auth/password-reset/confirm', { token: first, password: 'nouveau-secret-trois' })).statusCode).toBe(410);
    expect((await post('/auth/login', { email: member.email, password: 'nouveau-secret-un' }, { ip: nextIp() })).statusCode).toBe(200);
  });

  it('reset links live one hour, invitations seven days', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    await post('/auth/password-reset', { email: member.email }, { ip: nextIp() });
    const token = await lastLink(member.email);
    const [row] = await t.ctx.db.$client<{ hours: number }[]>`
      select extract(epoch from expires_at - created_at) / 3600 as hours from one_time_tokens where user_id = ${member.id}`;
    expect(Number(row!.hours)).toBe(1);
    t.clock.advance(61 * 60_000);
    try {
      expect((await post('/auth/password-reset/confirm', { token, password: 'trop-tard-pour-ca' })).statusCode).toBe(410);
    } finally {
      t.clock.advance(-61 * 60_000);
    }
    const invitationToken = await invite(`sept-jours-${Date.now()}@example.fr`);
    t.clock.advance(7 * 24 * 3600_000 + 60_000);
    try {
      expect((await t.call(null, 'GET', `/auth/invitations/${invitationToken}`)).statusCode).toBe(410);
    } finally {
      t.clock.advance(-(7 * 24 * 3600_000 + 60_000));
    }
  });

  it('a reset request answers the same for known and unknown addresses and sends from a job', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    const known = await post('/auth/password-reset', { email: member.email }, { ip: nextIp() });
    const unknown = await post('/auth/password-reset', { email: `personne-${Date.now()}@example.fr` }, { ip: nextIp() });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    // The request itself only queues a job with the address: no lookup, no token, no email yet.
    const queued = await t.ctx.db.$client`select 1 from pgboss.job where name = 'password-reset' and data->>'email' = ${member.email}`;
    expect(queued).toHaveLength(1);
    await t.drainJobs('password-reset');
    expect(await t.ctx.db.$client`select 1 from emails where "to" = ${member.email}`).toHaveLength(1);
  });

  it('sends at most three reset emails an hour to one address, whatever the client addresses', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    const answers = [];
    for (let i = 0; i < 17; i++) answers.push((await post('/auth/password-reset', { email: member.email }, { ip: nextIp() })).statusCode);
    expect(answers.filter((c) => c === 202)).toHaveLength(3);
    expect(answers.filter((c) => c === 429)).toHaveLength(14);
    await t.drainJobs('password-reset');
    expect(await t.ctx.db.$client`select 1 from emails where "to" = ${member.email}`).toHaveLength(3);
  });
});

describe('sessions', () => {
  it('changing the password ends every other session, keeps this one', async () => {
    const member = await t.newUser('member', { organisationId: s.firmA.id });
    const other = { ...member, cookie: await t.login(member.email) };
    const wrong = await t.call(member, 'POST', '/auth/password', { currentPassword: 'pas-le-bon', newPassword: 'un-nouveau-secret' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('wrong_password');
    const res = await t.call(member, 'POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'un-nouveau-secret' });
    expect(res.statusCode).toBe(204);
    expect((await t.call(member, 'GET', '/auth/me')).statusCode).toBe(200);
    expect((await t.call(other, 'GET', '/auth/me')).statusCode).toBe(401);
  });

  it('the session cookie is Secure in production', async () => {
    const { loadConfig } = await import('../src/infra/config');
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://synergies.example.fr',
      COOKIE_SECRET: 'a-real-secret-of-more-than-32-characters!',
    });
    expect(config.secureCookies).toBe(true);
  });
});

describe('rate limits', () => {
  it('ignores X-Forwarded-For from a client that is not a configured proxy', async () => {
    const ip = nextIp();
    const victim = await t.newUser('member', { organisationId: s.firmA.id });
    const codes = [];
    for (let i = 0; i < 25; i++) {
      // A fresh spoofed address each time: it must not buy a fresh budget.
      const res = await post('/auth/login', { email: `inconnu${i}@example.fr`, password: 'devine' }, { ip, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
    // Spoofing the victim's address does not lock the victim out either.
    expect((await post('/auth/login', { email: victim.email, password: PASSWORD }, { ip: nextIp(), headers: { 'x-forwarded-for': ip } })).statusCode).toBe(200);
  });

  it('an attack on one account from many addresses does not lock out the owner on a known browser', async () => {
    const owner = await t.newUser('member', { organisationId: s.firmA.id });
    // The owner logged in before from this browser: it holds a signed device cookie.
    const first = await post('/auth/login', { email: owner.email, password: PASSWORD }, { ip: nextIp() });
    const device = first.cookies.find((c) => c.name === 'did')!;
    expect(device.httpOnly).toBe(true);

    const attack = [];
    for (let i = 0; i < 10; i++) attack.push((await post('/auth/login', { email: owner.email, password: `essai-${i}` }, { ip: nextIp() })).statusCode);
    expect(attack.filter((c) => c === 429).length).toBeGreaterThan(0);
    // A new browser is throttled; the owner's known browser still gets in.
    expect((await post('/auth/login', { email: owner.email, password: PASSWORD }, { ip: nextIp() })).statusCode).toBe(429);
    const owners = await post('/auth/login', { email: owner.email, password: PASSWORD }, { ip: nextIp(), cookie: `did=${device.value}` });
    expect(owners.statusCode).toBe(200);
    // A device cookie earned on another account gives no allowance on this one, nor does a forged one.
    const other = await post('/auth/login', { email: s.memberB.email, password: PASSWORD }, { ip: nextIp() });
    const otherDevice = other.cookies.find((c) => c.name === 'did')!.value;
    expect((await post('/auth/login', { email: owner.email, password: PASSWORD }, { ip: nextIp(), cookie: `did=${otherDevice}` })).statusCode).toBe(429);
    expect((await post('/auth/login', { email: owner.email, password: PASSWORD }, { ip: nextIp(), cookie: 'did=forged.value' })).statusCode).toBe(429);
  });
});
