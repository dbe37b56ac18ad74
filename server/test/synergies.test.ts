import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext, type TestUser, eventually, type Scenario } from './context';
import { routes } from '@synergies/shared/routes';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

interface SynergyView {
  id: string;
  kind: string;
  status: string;
  version: number;
  explanationFr: string;
  dropReason: string | null;
  parties: { organisationId: string; declarationId: string | null; role: string; accepted: boolean; contact: unknown }[];
  impact: { tonnes: number; co2eKg: number; eurosSaved: number } | null;
}

async function synergiesOf(user: TestUser, query = ''): Promise<SynergyView[]> {
  const res = await t.call(user, 'GET', `/synergies?limit=100${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

const samePair = (x: SynergyView, offerId: string, needId: string) =>
  x.parties.some((p) => p.role === 'giver' && p.declarationId === offerId) && x.parties.some((p) => p.role === 'taker' && p.declarationId === needId);

/** Declares a pallet offer (firm A) and a matching need (firm B) and waits for the proposal. */
async function palletPair(suffix: string) {
  const offer = await t.declare(s.memberA, {
    title: `Palettes bois 80x120 ${suffix}`,
    wasteCode: '15 01 03',
    quantity: 40,
    unit: 'pallet',
    frequency: 'monthly',
    siteId: s.firmA.siteId,
  });
  const need = await t.declare(s.memberB, {
    kind: 'need',
    title: `Recherche palettes 80x120 ${suffix}`,
    wasteCode: '15 01 03',
    quantity: 30,
    unit: 'pallet',
    frequency: 'monthly',
    siteId: s.firmB.siteId,
  });
  const synergy = await eventually(async () => {
    const list = await synergiesOf(s.memberB, '&kind=substitution');
    return list.find((x) => x.status === 'proposed' && samePair(x, offer.id, need.id));
  }, 'a substitution proposal');
  return { offer, need, synergy };
}

describe('matching a new declaration', () => {
  it('proposes a substitution with reasons, visible to both firms and the facilitator', async () => {
    const { synergy } = await palletPair('A1');
    expect(synergy.explanationFr).toMatch(/Même code déchet 15 01 03/);
    expect(synergy.explanationFr).toMatch(/km/);
    expect((await synergiesOf(s.memberA)).map((x) => x.id)).toContain(synergy.id);
    expect((await synergiesOf(s.facilitator, `&zoneId=${s.zoneId}`)).map((x) => x.id)).toContain(synergy.id);
    const [notification] = (await t.route(s.memberB, routes.listNotifications, {})).json();
    expect(notification).toMatchObject({ type: 'new_proposal', read: false });
  });

  it('shares contact details only once both firms accept, and nobody else answers for a firm', async () => {
    const { synergy } = await palletPair('B2');
    const thirdFirm = await t.newOrganisation(s.zoneId);
    const outsider = await t.newUser('member', { organisationId: thirdFirm.id });
    expect((await t.route(outsider, routes.answerSynergy, { params: { id: synergy.id }, body: { answer: 'accept' } })).statusCode).toBe(404);
    expect((await t.route(s.facilitator, routes.answerSynergy, { params: { id: synergy.id }, body: { answer: 'accept' } })).statusCode).toBe(403);

    const afterA = (await t.route(s.memberA, routes.answerSynergy, { params: { id: synergy.id }, body: { answer: 'accept' } })).json();
    expect(afterA.status).toBe('proposed');
    expect(afterA.parties.every((p: { contact: unknown }) => p.contact === null)).toBe(true);
    const afterB = (await t.route(s.memberB, routes.answerSynergy, { params: { id: synergy.id }, body: { answer: 'accept' } })).json();
    expect(afterB.status).toBe('under_discussion');
    const giver = afterB.parties.find((p: { role: string }) => p.role === 'giver');
    expect(giver.contact.people.map((p: { email: string }) => p.email)).toContain(s.memberA.email);
  });

  it('keeps a declined pair declined until a declaration changes materially', async () => {
    const { need, synergy } = await palletPair('C3');
    const declined = (
      await t.route(s.memberB, routes.answerSynergy, { params: { id: synergy.id }, body: { answer: 'decline', reason: 'Format inadapté' } })
    ).json();
    expect(declined.status).toBe('dropped');

    // A cosmetic edit: re-matched, still declined.
    const edited = (await t.call(s.memberB, 'PATCH', `/declarations/${need.id}`, { version: need.version, description: 'Détails sans importance' })).json();
    await new Promise((r) => setTimeout(r, 2500));
    expect((await t.route(s.memberB, routes.getSynergy, { params: { id: synergy.id } })).json().status).toBe('dropped');

    // A material edit (quantity): proposed again.
    await t.call(s.memberB, 'PATCH', `/declarations/${need.id}`, { version: edited.version, quantity: 45 });
    await eventually(
      async () => ((await t.route(s.memberB, routes.getSynergy, { params: { id: synergy.id } })).json().status === 'proposed' ? true : undefined),
      're-proposal',
    );
  });

  it('retires the proposals of a closed declaration', async () => {
    const { offer, synergy } = await palletPair('D4');
    await t.call(s.memberA, 'PATCH', `/declarations/${offer.id}`, { version: offer.version, status: 'closed' });
    const retired = await eventually(async () => {
      const view = (await t.route(s.memberA, routes.getSynergy, { params: { id: synergy.id } })).json();
      return view.status === 'dropped' ? view : undefined;
    }, 'retirement');
    expect(retired.dropReason).toMatch(/retired/);
  });
});

describe('the pipeline', () => {
  it('moves to implemented with real quantities and counts the impacts', async () => {
    const { synergy: proposed } = await palletPair('E5');
    // Study and implementation wait for both firms' agreement.
    for (const member of [s.memberA, s.memberB])
      expect((await t.call(member, 'POST', `/synergies/${proposed.id}/answer`, { answer: 'accept' })).statusCode).toBe(200);
    const synergy = (await t.call(s.facilitator, 'GET', `/synergies/${proposed.id}`)).json();
    const badDrop = await t.call(s.facilitator, 'POST', `/synergies/${synergy.id}/status`, { version: synergy.version, status: 'dropped' });
    expect(badDrop.statusCode).toBe(400);
    const noImpact = await t.call(s.facilitator, 'POST', `/synergies/${synergy.id}/status`, { version: synergy.version, status: 'implemented' });
    expect(noImpact.statusCode).toBe(400);

    const study = (await t.call(s.facilitator, 'POST', `/synergies/${synergy.id}/status`, { version: synergy.version, status: 'in_study' })).json();
    expect(
      (
        await t.call(s.facilitator, 'POST', `/synergies/${synergy.id}/status`, {
          version: synergy.version,
          status: 'implemented',
          impact: { quantity: 480, unit: 'pallet' },
        })
      ).statusCode,
    ).toBe(409);
    const done = await t.call(s.facilitator, 'POST', `/synergies/${synergy.id}/status`, {
      version: study.version,
      status: 'implemented',
      impact: { quantity: 480, unit: 'pallet', perYear: true },
    });
    expect(done.statusCode).toBe(200);
    const view = done.json();
    expect(view.status).toBe('implemented');
    expect(view.impact).toMatchObject({ tonnes: 12, co2eKg: 3756 });
    expect(view.history.map((h: { toStatus: string | null }) => h.toStatus)).toEqual(expect.arrayContaining(['proposed', 'in_study', 'implemented']));

    const invalid = await t.call(s.facilitator, 'POST', `/synergies/${synergy.id}/status`, { version: view.version, status: 'in_study' });
    expect(invalid.statusCode).toBe(422);

    const totals = (await t.route(s.facilitator, routes.zoneImpacts, { params: { id: s.zoneId } })).json();
    expect(totals.years[0]).toMatchObject({ year: 2026, synergies: 1, tonnes: 12 });
  });

  it('validates in bulk (facilitator only) and records synergies by hand', async () => {
    const { synergy } = await palletPair('F6');
    expect((await t.route(s.memberA, routes.validateSynergies, { body: { ids: [synergy.id] } })).statusCode).toBe(403);
    expect((await t.route(s.facilitator, routes.validateSynergies, { body: { ids: [synergy.id] } })).json()).toEqual({ validated: 1 });
    const manual = await t.call(s.facilitator, 'POST', '/synergies', {
      kind: 'sharing',
      title: "Partage de la machine d'inspection textile",
      organisationIds: [s.firmA.id, s.firmB.id],
      note: 'Vu en atelier',
    });
    expect(manual.statusCode).toBe(201);
    expect(manual.json()).toMatchObject({ origin: 'facilitator', validated: true, status: 'proposed' });
  });
});

describe('marketplace requests', () => {
  it('opens a discussion, lets the giver reserve and hand over, and records the exchange', async () => {
    const offer = await t.declare(s.memberA, {
      title: 'Chutes de film PE transparent',
      categoryCode: 'materials.plastics',
      wasteCode: '15 01 02',
      quantity: 2,
      unit: 't',
      frequency: 'one-off',
    });
    const opened = await t.route(s.memberB, routes.requestDeclaration, {
      params: { id: offer.id },
      body: { message: 'Bonjour, ce film nous intéresse pour nos emballages.' },
    });
    expect(opened.statusCode).toBe(201);
    const synergy = opened.json();
    expect(synergy).toMatchObject({ origin: 'marketplace', status: 'under_discussion' });
    expect(synergy.messages[0].body).toContain('ce film nous intéresse');
    expect(synergy.exchangeId).toBeNull();
    const again = await t.route(s.memberB, routes.requestDeclaration, { params: { id: offer.id }, body: { message: 'Encore moi' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_requested', existingId: synergy.id });

    // Only the giver reserves.
    expect((await t.route(s.memberB, routes.reserve, { params: { id: synergy.id } })).statusCode).toBe(403);
    expect((await t.route(s.memberA, routes.reserve, { params: { id: synergy.id } })).statusCode).toBe(200);
    expect((await t.call(s.memberA, 'GET', `/declarations/${offer.id}`)).json().status).toBe('reserved');

    const handed = await t.route(s.memberA, routes.handOver, { params: { id: synergy.id }, body: { quantity: 1.8, unit: 't' } });
    expect(handed.statusCode).toBe(201);
    const record = handed.json();
    expect(record).toMatchObject({ quantity: 1.8, unit: 't', description: 'Chutes de film PE transparent' });
    expect((await t.route(s.memberB, routes.getExchange, { params: { id: record.id } })).statusCode).toBe(200);
    const after = (await t.route(s.memberB, routes.getSynergy, { params: { id: synergy.id } })).json();
    expect(after.status).toBe('implemented');
    expect(after.exchangeId).toBe(record.id);
    expect(after.impact.tonnes).toBe(1.8);
    expect((await t.call(s.memberA, 'GET', `/declarations/${offer.id}`)).json().status).toBe('closed');
  });

  it('refuses a request on one’s own declaration', async () => {
    const offer = await t.declare(s.memberA, { title: 'Mon propre lot' });
    expect((await t.route(s.memberA, routes.requestDeclaration, { params: { id: offer.id }, body: { message: 'Moi-même' } })).statusCode).toBe(422);
  });
});

describe('full rematch', () => {
  it('runs in the background with progress (facilitator only)', async () => {
    expect((await t.route(s.memberA, routes.startMatchRun, { body: { zoneId: s.zoneId } })).statusCode).toBe(403);
    const started = await t.route(s.facilitator, routes.startMatchRun, { body: { zoneId: s.zoneId } });
    expect(started.statusCode).toBe(202);
    const run = await eventually(async () => {
      const r = (await t.route(s.facilitator, routes.getMatchRun, { params: { id: started.json().id } })).json();
      return r.status === 'done' ? r : undefined;
    }, 'the rematch');
    expect(run.total).toBeGreaterThan(0);
    expect(run.done).toBe(run.total);
    // Only who may start a run follows it: a member of the zone is not told it exists.
    expect((await t.route(s.memberA, routes.getMatchRun, { params: { id: started.json().id } })).statusCode).toBe(404);
  });
});
