import { mainSiteLocation, MAX_PHOTOS_PER_DECLARATION } from '@synergies/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUEUES } from '../src/infra/jobs';
import { createTestContext, type TestContext, type TestUser, type Scenario } from './context';

vi.setConfig({ testTimeout: 60_000 });

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

const sql = () => t.ctx.db.$client;
const count = async (table: 'exchanges' | 'synergies' | 'declaration_photos', where: string, value: string) =>
  (await sql().unsafe<{ n: number }[]>(`select count(*)::int as n from ${table} where ${where} = $1`, [value]))[0]!.n;

/** A lead a facilitator records between the two firms: nobody has accepted it yet. */
async function newLead(title = 'Mutualiser la collecte du papier glassine') {
  const res = await t.call(s.facilitator, 'POST', '/synergies', { kind: 'substitution', title, organisationIds: [s.firmA.id, s.firmB.id] });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('agreement before implementation', () => {
  it('keeps study and implementation for leads every firm accepted; a facilitator overrides only in writing', async () => {
    const lead = await newLead();
    const move = (user: TestUser, body: object) => t.call(user, 'POST', `/synergies/${lead.id}/status`, { version: lead.version, ...body });

    const early = await move(s.memberA, { status: 'in_study' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('agreement_required');
    expect((await move(s.facilitator, { status: 'implemented', impact: { quantity: 2, unit: 't' } })).json().code).toBe('agreement_required');
    // A member cannot override, even with a reason; a short reason is refused as such.
    expect((await move(s.memberA, { status: 'in_study', override: 'Nous sommes pressés par la saison' })).statusCode).toBe(403);
    expect((await move(s.facilitator, { status: 'in_study', override: 'vite' })).statusCode).toBe(400);
    const unchanged = (await t.call(s.facilitator, 'GET', `/synergies/${lead.id}`)).json();
    expect(unchanged).toMatchObject({ status: 'proposed', version: lead.version });

    const forced = await move(s.facilitator, { status: 'in_study', override: "Accord donné oralement par les deux dirigeants à l'atelier" });
    expect(forced.statusCode).toBe(200);
    expect(forced.json().status).toBe('in_study');
    const kept = forced.json().history.find((h: { type: string }) => h.type === 'overridden');
    expect(kept).toMatchObject({ note: "Accord donné oralement par les deux dirigeants à l'atelier", toStatus: 'in_study' });
  });

  it('lets the firms move on once both accepted, and counts impacts of implemented leads only', async () => {
    const lead = await newLead('Reprise des palettes 80x120');
    expect((await t.call(s.memberA, 'POST', `/synergies/${lead.id}/answer`, { answer: 'accept' })).statusCode).toBe(200);
    const accepted = await t.call(s.memberB, 'POST', `/synergies/${lead.id}/answer`, { answer: 'accept' });
    expect(accepted.json().status).toBe('under_discussion');
    const before = (await t.call(s.facilitator, 'GET', `/zones/${s.zoneId}/impacts`)).json();
    const study = await t.call(s.memberA, 'POST', `/synergies/${lead.id}/status`, { version: accepted.json().version, status: 'in_study' });
    expect(study.statusCode).toBe(200);
    expect((await t.call(s.facilitator, 'GET', `/zones/${s.zoneId}/impacts`)).json()).toEqual(before);
    const done = await t.call(s.memberB, 'POST', `/synergies/${lead.id}/status`, {
      version: study.json().version,
      status: 'implemented',
      impact: { quantity: 3, unit: 't' },
    });
    expect(done.statusCode).toBe(200);
    const after = (await t.call(s.facilitator, 'GET', `/zones/${s.zoneId}/impacts`)).json();
    const sum = (x: { years: { synergies: number }[] }) => x.years.reduce((n, y) => n + y.synergies, 0);
    expect(sum(after)).toBe(sum(before) + 1);
  });

  it('answers of both firms at the same instant both count', async () => {
    const lead = await newLead('Partage du broyeur de chutes');
    const answers = await Promise.all([s.memberA, s.memberB].map((m) => t.call(m, 'POST', `/synergies/${lead.id}/answer`, { answer: 'accept' })));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await t.call(s.facilitator, 'GET', `/synergies/${lead.id}`)).json().status).toBe('under_discussion');
  });
});

describe('one of each, under truly parallel requests', () => {
  it('lets the first of ten status changes with the same version through, and refuses the rest', async () => {
    const lead = await newLead('Achat groupé de film étirable');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call(s.facilitator, 'POST', `/synergies/${lead.id}/status`, { version: lead.version, status: 'dropped', reason: 'Doublon de la piste film' }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'version_conflict')).toBe(true);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
    expect((await t.call(s.facilitator, 'GET', `/synergies/${lead.id}`)).json().version).toBe(lead.version + 1);
  });

  it('makes one synergy of five simultaneous requests on one offer, naming it to the others', async () => {
    const offer = await t.declare(s.memberA, {
      title: 'Bobines carton vides',
      categoryCode: 'materials.paper',
      quantity: 200,
      unit: 'unit',
      frequency: 'monthly',
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.call(s.memberB, 'POST', `/declarations/${offer.id}/requests`, { message: 'Nous les reprenons volontiers.' })),
    );
    const created = results.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(1);
    const others = results.filter((r) => r.statusCode === 409);
    expect(others).toHaveLength(4);
    for (const r of others) expect(r.json()).toMatchObject({ code: 'already_requested', existingId: created[0]!.json().id });
    expect(await count('synergies', 'request_key', `${offer.id}:${s.firmB.id}`)).toBe(1);
  });

  it('records one exchange for five simultaneous hand-overs, and none when the hand-over is refused', async () => {
    const offer = await t.declare(s.memberA, {
      title: 'Fûts métalliques 200 L',
      categoryCode: 'materials.metals',
      quantity: 12,
      unit: 'unit',
      frequency: 'one-off',
    });
    const synergy = (await t.call(s.memberB, 'POST', `/declarations/${offer.id}/requests`, { message: 'Pour notre atelier.' })).json();
    expect((await t.call(s.memberA, 'POST', `/synergies/${synergy.id}/reserve`)).statusCode).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.call(s.memberA, 'POST', `/synergies/${synergy.id}/handover`, { quantity: 12, unit: 'unit' })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(4);
    expect(await count('exchanges', 'synergy_id', synergy.id)).toBe(1);

    // Without any impact factor the hand-over is refused (422): no exchange, the offer still reserved.
    const second = await t.declare(s.memberA, {
      title: 'Cartons de déménagement',
      categoryCode: 'materials.paper',
      quantity: 30,
      unit: 'unit',
      frequency: 'one-off',
    });
    const other = (await t.call(s.memberB, 'POST', `/declarations/${second.id}/requests`, { message: 'Intéressés.' })).json();
    expect((await t.call(s.memberA, 'POST', `/synergies/${other.id}/reserve`)).statusCode).toBe(200);
    const factors = await sql()`select * from impact_factors`;
    await sql()`delete from impact_factors`;
    try {
      const refused = await t.call(s.memberA, 'POST', `/synergies/${other.id}/handover`, { quantity: 30, unit: 'unit' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('no_impact_factor');
    } finally {
      await sql()`insert into impact_factors ${sql()(factors)}`;
    }
    expect(await count('exchanges', 'synergy_id', other.id)).toBe(0);
    expect((await t.call(s.memberA, 'GET', `/declarations/${second.id}`)).json().status).toBe('reserved');
  });

  it('keeps the photo limit under twelve simultaneous uploads', async () => {
    const offer = await t.declare(s.memberA, { title: 'Chutes de bois massif', categoryCode: 'materials.wood' });
    const PNG = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5c2d60000000049454e44ae426082',
      'hex',
    );
    const boundary = '----synergies-rules';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/declarations/${offer.id}/photos`,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: s.memberA.cookie },
          payload,
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(MAX_PHOTOS_PER_DECLARATION);
    expect(results.filter((r) => r.statusCode === 422).every((r) => r.json().code === 'too_many_photos')).toBe(true);
    expect(await count('declaration_photos', 'declaration_id', offer.id)).toBe(MAX_PHOTOS_PER_DECLARATION);
  });
});

describe('suggestions do not repeat what the member already did', () => {
  it('closes the suggestion of an offer once the member requested it, for good', async () => {
    const offer = await t.declare(s.memberA, {
      title: 'Palettes bois 80x120 consignées',
      wasteCode: '15 01 03',
      quantity: 40,
      unit: 'pallet',
      frequency: 'monthly',
    });
    await t.declare(s.memberB, { kind: 'need', title: 'Recherche palettes 80x120', wasteCode: '15 01 03', quantity: 30, unit: 'pallet', frequency: 'monthly' });
    const suggested = async () =>
      (
        (await t.call(s.memberB, 'GET', '/synergies?status=proposed&limit=100')).json().items as {
          id: string;
          declarationIds?: string[];
          parties: { declarationId: string | null }[];
        }[]
      ).filter((x) => x.parties.some((p) => p.declarationId === offer.id));
    const suggestion = await vi.waitFor(
      async () => {
        const [found] = await suggested();
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 30_000, interval: 300 },
    );
    const request = (await t.call(s.memberB, 'POST', `/declarations/${offer.id}/requests`, { message: 'Nous pouvons les prendre.' })).json();
    expect(await suggested()).toEqual([]);
    expect((await t.call(s.memberB, 'GET', `/synergies/${suggestion.id}`)).json()).toMatchObject({ status: 'dropped', dropReason: `requested: ${request.id}` });
    // Matching the offer again does not bring it back.
    expect((await t.call(s.memberA, 'PATCH', `/declarations/${offer.id}`, { version: offer.version, quantity: 45 })).statusCode).toBe(200);
    await vi.waitFor(
      async () => {
        const [job] = await sql()<
          { state: string }[]
        >`select state::text from pgboss.job where name = ${QUEUES.matchDeclaration} and singleton_key = ${offer.id} order by created_on desc limit 1`;
        expect(job?.state).toBe('completed');
      },
      { timeout: 30_000, interval: 300 },
    );
    expect(await suggested()).toEqual([]);
  });
});

describe('one distance between two firms', () => {
  it('is the same on the marketplace and in the suggestion, both from the main site', async () => {
    // A firm with two sites: the main one (first by name) 11 km away, an annex next door.
    const zone = s.zoneId;
    const near = await t.newOrganisation(zone, { name: 'Tuilerie Bressane', latitude: 46.6702, longitude: 5.5871 });
    const far = await t.newOrganisation(zone, { name: 'Verrerie du Jura', latitude: 46.7702, longitude: 5.5871 });
    const annex = await t.call(s.facilitator, 'POST', `/organisations/${far.id}/sites`, {
      name: 'Zz Annexe',
      city: 'Perrigny',
      latitude: 46.6712,
      longitude: 5.5881,
    });
    expect(annex.statusCode, annex.body).toBe(201);
    const giver = await t.newUser('member', { organisationId: near.id });
    const taker = await t.newUser('member', { organisationId: far.id });
    const offer = await t.declare(giver, { title: 'Calcin de verre trié', wasteCode: '10 11 12', quantity: 8, unit: 't', frequency: 'monthly' });
    await t.declare(taker, { kind: 'need', title: 'Recherche calcin de verre', wasteCode: '10 11 12', quantity: 5, unit: 't', frequency: 'monthly' });

    const suggestion = await vi.waitFor(
      async () => {
        const items = (await t.call(taker, 'GET', '/synergies?limit=100')).json().items as {
          parties: { declarationId: string | null }[];
          reasons: { code: string; params: { km?: number } }[];
        }[];
        const found = items.find((x) => x.parties.some((p) => p.declarationId === offer.id) && x.reasons.some((r) => r.code === 'distance'));
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 30_000, interval: 300 },
    );
    const suggestedKm = suggestion.reasons.find((r) => r.code === 'distance')!.params.km!;

    // The marketplace's origin is the taker's main site, chosen by the shared rule from the sites as the API lists them.
    const sites = (await t.call(taker, 'GET', `/organisations/${far.id}`)).json().sites;
    const origin = mainSiteLocation(sites)!;
    expect(origin.name).toBe('Siège');
    // The search index follows the database a moment later (the outbox relay).
    const hit = await vi.waitFor(
      async () => {
        const hits = (await t.call(taker, 'GET', `/search/declarations?q=calcin&lat=${origin.lat}&lng=${origin.lng}`)).json().hits as {
          id: string;
          distanceKm: number | null;
        }[];
        const found = hits.find((h) => h.id === offer.id);
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(hit.distanceKm).toBeGreaterThan(10);
    expect(Math.abs(hit.distanceKm! - suggestedKm)).toBeLessThan(0.1);
  });
});

describe('emails in the reader’s language', () => {
  it('writes an interest request and a thread message in each recipient’s own language', async () => {
    const zone = await t.newZone();
    const [giverFirm, takerFirm] = [await t.newOrganisation(zone, { name: 'Menuiserie Comtoise' }), await t.newOrganisation(zone, { name: 'Laiterie du Val' })];
    const giver = await t.newUser('member', { organisationId: giverFirm.id });
    const taker = await t.newUser('member', { organisationId: takerFirm.id });
    expect((await t.call(giver, 'PATCH', '/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const offer = await t.declare(giver, { title: 'Copeaux de bois' });
    const synergy = (await t.call(taker, 'POST', `/declarations/${offer.id}/requests`, { message: 'Nous les prenons.' })).json();
    expect((await t.call(giver, 'POST', `/synergies/${synergy.id}/messages`, { body: 'Thursday works for us.' })).statusCode).toBe(200);
    const mails = async (to: string) => sql()<{ subject: string; text: string }[]>`select subject, text from emails where "to" = ${to} order by created_at`;
    const [toGiver] = await mails(giver.email);
    expect(toGiver).toMatchObject({ subject: 'Laiterie du Val is interested in “Copeaux de bois”' });
    expect(toGiver!.text).toMatch(/^Hello .*\n\n.*\(Laiterie du Val\) writes to you about “Copeaux de bois”:\n\nNous les prenons\./);
    const [toTaker] = await mails(taker.email);
    expect(toTaker!.subject).toMatch(/^Nouveau message : /);
    expect(toTaker!.text).toMatch(/^Bonjour .*\n\n.* a écrit à propos de « .* » :\n\nThursday works for us\./);
  });
});

describe('declarations keep their rules', () => {
  it('reserving an offer goes through the declaration service: re-indexed and matched again', async () => {
    const offer = await t.declare(s.memberA, {
      title: 'Palettes perdues 100x120',
      categoryCode: 'materials.wood',
      quantity: 40,
      unit: 'pallet',
      frequency: 'monthly',
    });
    const jobs = async (state?: string) =>
      (
        await sql()<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = ${QUEUES.matchDeclaration} and singleton_key = ${offer.id}
        and (${state ?? null}::text is null or state::text = ${state ?? null})`
      )[0]!.n;
    await vi.waitFor(async () => expect(await jobs('completed')).toBe(1), { timeout: 30_000, interval: 200 });
    const synergy = (await t.call(s.memberB, 'POST', `/declarations/${offer.id}/requests`, { message: 'Nous les prenons.' })).json();
    expect((await t.call(s.memberA, 'POST', `/synergies/${synergy.id}/reserve`)).statusCode).toBe(200);
    expect(await jobs()).toBe(2);
  });

  it('keeps a declaration with a hazardous waste code marked hazardous', async () => {
    const offer = await t.declare(s.memberA, {
      title: 'Fûts souillés de solvants',
      categoryCode: 'materials.chemicals',
      wasteCode: '15 01 10',
      hazardous: false,
    });
    expect(offer.hazardous).toBe(true);
    const patch = await t.call(s.memberA, 'PATCH', `/declarations/${offer.id}`, { version: offer.version, hazardous: false });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().errors).toEqual([expect.objectContaining({ path: 'body.hazardous' })]);
    const both = await t.call(s.memberA, 'PATCH', `/declarations/${offer.id}`, { version: offer.version, wasteCode: '15 01 10', hazardous: false });
    expect(both.statusCode).toBe(422);
    expect((await t.call(s.memberA, 'GET', `/declarations/${offer.id}`)).json()).toMatchObject({ hazardous: true, version: offer.version });
  });
});

describe('a group grows as firms join', () => {
  it('grows a two-firm group into the three-firm group that contains it, keeping its acceptance, and reports what runs did', async () => {
    const glassine = {
      title: 'Support siliconé glassine',
      categoryCode: 'materials.paper.glassine',
      wasteCode: '15 01 01',
      quantity: 200,
      unit: 'kg',
      frequency: 'monthly',
    } as const;
    const groups = async () =>
      (
        (await t.call(s.facilitator, 'GET', `/synergies?zoneId=${s.zoneId}&kind=mutualisation&limit=100`)).json().items as {
          id: string;
          status: string;
          parties: { organisationId: string; accepted: boolean }[];
        }[]
      ).filter((g) => g.status !== 'dropped');
    await t.declare(s.memberA, glassine);
    await t.declare(s.memberB, glassine);
    const pair = await vi.waitFor(
      async () => {
        const [g] = await groups();
        expect(g?.parties).toHaveLength(2);
        return g!;
      },
      { timeout: 30_000, interval: 300 },
    );
    expect((await t.call(s.memberA, 'POST', `/synergies/${pair.id}/answer`, { answer: 'accept' })).statusCode).toBe(200);

    const firmC = await t.newOrganisation(s.zoneId, { name: 'Étiquettes du Jura' });
    const memberC = await t.newUser('member', { organisationId: firmC.id });
    await t.declare(memberC, glassine);
    const trio = await vi.waitFor(
      async () => {
        const open = await groups();
        expect(open).toHaveLength(1);
        expect(open[0]!.parties).toHaveLength(3);
        return open[0]!;
      },
      { timeout: 30_000, interval: 300 },
    );
    // The pair grew into the trio: the same lead, its answers and history kept.
    expect(trio.id).toBe(pair.id);
    expect(trio.parties.find((p) => p.organisationId === s.firmA.id)).toMatchObject({ accepted: true });
    const grown = (await t.call(s.facilitator, 'GET', `/synergies/${trio.id}`)).json();
    expect(grown.history.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['proposed', 'accepted', 'grown']));

    // The generated title reads in each reader's language.
    expect((await t.call(s.memberB, 'GET', `/synergies/${trio.id}`)).json().title).toBe('Collecte commune : Papier glassine et siliconé (3 entreprises)');
    expect((await t.call(s.memberA, 'PATCH', '/auth/me', { locale: 'en' })).statusCode).toBe(200);
    expect((await t.call(s.memberA, 'GET', `/synergies/${trio.id}`)).json().title).toBe('Joint collection: Glassine and release liner (3 companies)');
    expect((await t.call(s.memberA, 'PATCH', '/auth/me', { locale: 'de' })).statusCode).toBe(400);
    expect((await t.call(s.memberA, 'PATCH', '/auth/me', { locale: 'fr' })).statusCode).toBe(200);

    // A full rematch keeps the larger group and says what it did.
    const started = await t.call(s.facilitator, 'POST', '/matching/runs', { zoneId: s.zoneId });
    const run = await vi.waitFor(
      async () => {
        const r = (await t.call(s.facilitator, 'GET', `/matching/runs/${started.json().id}`)).json();
        expect(r.status).toBe('done');
        return r;
      },
      { timeout: 60_000, interval: 300 },
    );
    expect(run).toMatchObject({ proposals: expect.any(Number), updated: expect.any(Number), retired: expect.any(Number) });
    expect((await groups()).map((g) => g.id)).toEqual([trio.id]);
  });
});
