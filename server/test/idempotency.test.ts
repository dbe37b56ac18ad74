import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext, type TestUser, type Scenario } from './context';

vi.setConfig({ testTimeout: 60_000 });

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

function post(user: TestUser, url: string, payload: object, key?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { cookie: user.cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
}

const declarationsTitled = async (title: string) =>
  (await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from declarations where title = ${title}`)[0]!.n;

describe('Idempotency-Key on creates', () => {
  it('answers a repeated create with the first result, and creates it once', async () => {
    const body = { kind: 'offer', categoryCode: 'materials.wood', title: 'Palettes rejouées' };
    const first = await post(s.memberA, '/declarations', body, 'create-pallets-0001');
    const again = await post(s.memberA, '/declarations', body, 'create-pallets-0001');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await declarationsTitled('Palettes rejouées')).toBe(1);
    // Without a key, each call is a new create, as before.
    await post(s.memberA, '/declarations', { ...body, title: 'Sans clé' });
    await post(s.memberA, '/declarations', { ...body, title: 'Sans clé' });
    expect(await declarationsTitled('Sans clé')).toBe(2);
  });

  it('makes one synergy of parallel repeats of one interest request', async () => {
    const offer = await t.declare(s.memberA, { title: 'Fûts à reprendre' });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(s.memberB, `/declarations/${offer.id}/requests`, { message: 'Intéressés' }, 'fut-request-0001')),
    );
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json().id)).size).toBe(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(a.json().code).toBe('idempotency_in_progress');
    const [row] = await t.ctx.db.$client<{ n: number }[]>`
      select count(*)::int as n from synergy_declarations sd join synergies s on s.id = sd.synergy_id where sd.declaration_id = ${offer.id} and s.origin = 'marketplace'`;
    expect(row!.n).toBe(1);
  });

  it('refuses a key reused on another route, and a malformed key, changing nothing', async () => {
    const body = { kind: 'need', categoryCode: 'materials.wood', title: 'Clé réutilisée' };
    expect((await post(s.memberA, '/declarations', body, 'reused-key-0001')).statusCode).toBe(201);
    const offer = await t.declare(s.memberB, { title: 'Cartons' });
    const reused = await post(s.memberA, `/declarations/${offer.id}/requests`, { message: 'Bonjour' }, 'reused-key-0001');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    const malformed = await post(s.memberA, '/declarations', { ...body, title: 'Clé invalide' }, 'bad key!');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('invalid_idempotency_key');
    expect(await declarationsTitled('Clé invalide')).toBe(0);
  });
});
