import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS, seedDemo } from '../src/seed';
import { createTestContext, type TestContext, type TestUser } from './context';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let zoneId: string;
let facilitator: TestUser;
let organiser: TestUser;
let outsider: TestUser;
let associationId: string;
const firms: Record<'A' | 'B' | 'C', { id: string; member: TestUser }> = {} as never;

// A valid 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5c2d60000000049454e44ae426082',
  'hex',
);

function multipart(file: Buffer, filename: string, contentType: string) {
  const boundary = '----synergies-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function uploadLogo(user: TestUser, file: Buffer, filename = 'logo.png') {
  const body = multipart(file, filename, 'image/png');
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/associations/${associationId}/logo`,
    headers: { ...body.headers, cookie: user.cookie },
    payload: body.payload,
  });
}

beforeAll(async () => {
  t = await createTestContext();
  const s = await t.scenario();
  zoneId = s.zoneId;
  facilitator = s.facilitator;
  firms.A = { id: s.firmA.id, member: s.memberA };
  firms.B = { id: s.firmB.id, member: s.memberB };
  const c = await t.newOrganisation(zoneId, { name: 'Cartonnerie Jurassienne' });
  firms.C = { id: c.id, member: await t.newUser('member', { organisationId: c.id }) };
  organiser = await t.newUser('member', { organisationId: c.id });
  outsider = await t.newUser('member', { organisationId: (await t.newOrganisation(await t.newZone())).id });
});
afterAll(() => t.close());

describe('associations', () => {
  it('are created by the zone’s facilitators with member firms of the zone only', async () => {
    const body = { zoneId, name: "ALons'ZI", description: 'Association des entreprises de Lons-Perrigny', memberIds: [firms.A.id, firms.B.id] };
    expect((await t.call(firms.A.member, 'POST', '/associations', body)).statusCode).toBe(403);
    const foreign = await t.call(facilitator, 'POST', '/associations', { ...body, memberIds: [firms.A.id, outsider.id] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('unknown_organisation');
    const res = await t.call(facilitator, 'POST', '/associations', body);
    expect(res.statusCode).toBe(201);
    associationId = res.json().id;
    expect(res.json()).toMatchObject({ name: "ALons'ZI", canManage: true, logoUrl: null });
    expect(
      res
        .json()
        .members.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([firms.A.id, firms.B.id].sort());
    expect((await t.call(facilitator, 'POST', '/associations', body)).json().code).toBe('association_exists');
    expect((await t.call(facilitator, 'GET', `/associations?zoneId=${zoneId}`)).json()).toHaveLength(1);
    expect((await t.call(outsider, 'GET', `/associations/${associationId}`)).statusCode).toBe(404);
  });

  it('have organisers who manage them, a logo checked like photos, and a version on every change', async () => {
    expect((await t.call(facilitator, 'POST', `/associations/${associationId}/organisers`, { email: 'nobody@example.fr' })).json().code).toBe('unknown_user');
    expect((await t.call(firms.A.member, 'POST', `/associations/${associationId}/organisers`, { email: organiser.email })).statusCode).toBe(403);
    const res = await t.call(facilitator, 'POST', `/associations/${associationId}/organisers`, { email: organiser.email });
    expect(res.json().organisers.map((o: { id: string }) => o.id)).toEqual([organiser.id]);
    let a = (await t.call(organiser, 'GET', `/associations/${associationId}`)).json();
    expect(a.canManage).toBe(true);
    a = (
      await t.call(organiser, 'PATCH', `/associations/${associationId}`, {
        premises: 'Maison des entreprises, Perrigny',
        memberIds: [firms.A.id, firms.B.id, firms.C.id],
        version: a.version,
      })
    ).json();
    expect(a.members).toHaveLength(3);
    expect((await t.call(organiser, 'PATCH', `/associations/${associationId}`, { premises: 'x', version: a.version - 1 })).json().code).toBe(
      'version_conflict',
    );

    const logo = await uploadLogo(organiser, PNG);
    expect(logo.statusCode).toBe(200);
    expect(logo.json().logoUrl).toContain(`/associations/${associationId}/logo`);
    const bytes = await t.app.inject({ method: 'GET', url: `/api/v1/associations/${associationId}/logo`, headers: { cookie: firms.A.member.cookie } });
    expect(bytes.headers['content-type']).toBe('image/png');
    expect((await uploadLogo(organiser, Buffer.from('not an image'), 'logo.png')).statusCode).toBe(415);
    expect((await uploadLogo(firms.A.member, PNG)).statusCode).toBe(403);
  });

  it('give members a directory of the other members: fiches, synergies in common, filters', async () => {
    await t.declare(firms.B.member, { title: 'Palettes bois 120×80', kind: 'offer', categoryCode: 'materials.wood' });
    await t.declare(firms.C.member, { title: 'Collecte papier glassine', kind: 'need', categoryCode: 'materials.paper' });
    const synergy = (
      await t.call(facilitator, 'POST', '/synergies', { kind: 'substitution', title: 'Palettes vers la plasturgie', organisationIds: [firms.A.id, firms.B.id] })
    ).json();
    const all = (await t.call(firms.A.member, 'GET', `/associations/${associationId}/directory`)).json();
    expect(all.map((e: { organisation: { id: string } }) => e.organisation.id).sort()).toEqual([firms.B.id, firms.C.id].sort());
    const b = all.find((e: { organisation: { id: string } }) => e.organisation.id === firms.B.id);
    expect(b.offers.map((o: { title: string }) => o.title)).toEqual(['Palettes bois 120×80']);
    expect(b.synergies).toEqual([{ id: synergy.id, title: 'Palettes vers la plasturgie', status: 'proposed' }]);
    const ids = async (query: string) =>
      ((await t.call(firms.A.member, 'GET', `/associations/${associationId}/directory?${query}`)).json() as { organisation: { id: string } }[]).map(
        (e) => e.organisation.id,
      );
    expect(await ids('q=glassine')).toEqual([firms.C.id]);
    expect(await ids('kind=offer')).toEqual([firms.B.id]);
    expect(await ids('categoryCode=materials.paper')).toEqual([firms.C.id]);
    expect(await ids('withSynergies=true')).toEqual([firms.B.id]);
    expect((await t.call(outsider, 'GET', `/associations/${associationId}/directory`)).statusCode).toBe(404);
  });

  it('let organisers run business-meeting events for their members only', async () => {
    const setup = (participants: string[]) => ({
      zoneId,
      name: "Rendez-vous d'affaires ALons'ZI",
      date: '2026-11-05',
      sessions: [
        {
          id: 'm',
          name: 'Matin',
          slots: [
            { id: 'm1', start: '09:00', durationMinutes: 20 },
            { id: 'm2', start: '09:20', durationMinutes: 20 },
          ],
        },
      ],
      tables: [{ id: 'T1', name: 'Table 1' }],
      participants: participants.map((organisationId) => ({ organisationId })),
    });
    expect((await t.call(organiser, 'POST', '/meeting-events', setup([firms.A.id, firms.B.id]))).statusCode).toBe(403);
    const foreign = await t.call(organiser, 'POST', `/associations/${associationId}/events`, setup([firms.A.id, outsider.id]));
    expect(foreign.json().code).toBe('not_association_member');
    expect((await t.call(firms.A.member, 'POST', `/associations/${associationId}/events`, setup([firms.A.id, firms.B.id]))).statusCode).toBe(403);
    const res = await t.call(organiser, 'POST', `/associations/${associationId}/events`, setup([firms.A.id, firms.B.id]));
    expect(res.statusCode).toBe(201);
    const event = res.json();
    // The organiser then manages it with the events machinery, within the members.
    const other = await t.newOrganisation(zoneId, { name: 'Non membre' });
    const stray = await t.call(organiser, 'PATCH', `/meeting-events/${event.id}`, {
      participants: [{ organisationId: firms.A.id }, { organisationId: other.id }],
      version: event.version,
    });
    expect(stray.json().code).toBe('not_association_member');
    const ok = await t.call(organiser, 'PATCH', `/meeting-events/${event.id}`, {
      participants: [{ organisationId: firms.A.id }, { organisationId: firms.B.id }, { organisationId: firms.C.id }],
      version: event.version,
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.call(organiser, 'POST', `/meeting-events/${event.id}/status`, { status: 'requests_open', version: ok.json().version })).statusCode).toBe(
      200,
    );
  });

  it("are seeded in the demo zone: ALons'ZI with most firms and an organiser who can log in", async () => {
    const { zoneId: demoZone } = await seedDemo(t.ctx);
    const account = DEMO_ACCOUNTS.find((a) => a.email.startsWith('organisateur'))!;
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: account.password } });
    expect(login.statusCode).toBe(200);
    const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/associations?zoneId=${demoZone}`, headers: { cookie } })).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: "ALons'ZI", canManage: true });
    expect(list[0].members.length).toBe(30);
    // Seeding again changes nothing.
    await seedDemo(t.ctx);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/associations/${list[0].id}`, headers: { cookie } })).json().members.length).toBe(30);
  });
});
