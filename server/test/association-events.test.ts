import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './context';

vi.setConfig({ testTimeout: 120_000 });

/*
 * An association's organiser runs a business-meeting event for its members from start to end
 * (setup, requests, schedule, publication, changes on the day); a member who is not an organiser
 * is refused each step, and bad input changes nothing.
 */

let t: TestContext;
let zoneId: string;
let organiser: TestUser;
let member: TestUser;
let facilitator: TestUser;
let associationId: string;
let eventId: string;
const firmIds: string[] = [];

// Two days after the test clock's start, so that sessions stay alive on the day.
const DATE = '2026-10-05';

beforeAll(async () => {
  t = await createTestContext();
  const s = await t.scenario();
  zoneId = s.zoneId;
  member = s.memberA;
  facilitator = s.facilitator;
  const c = await t.newOrganisation(zoneId, { name: 'Cartonnerie Jurassienne' });
  organiser = await t.newUser('member', { organisationId: c.id });
  firmIds.push(s.firmA.id, s.firmB.id, c.id);
  const association = await t.call(s.facilitator, 'POST', '/associations', { zoneId, name: "ALons'ZI", memberIds: firmIds });
  associationId = association.json().id;
  expect((await t.call(s.facilitator, 'POST', `/associations/${associationId}/organisers`, { email: organiser.email })).statusCode).toBe(200);
});
afterAll(() => t.close());

const setup = (participants: string[]) => ({
  zoneId,
  name: "Rendez-vous d'affaires ALons'ZI",
  date: DATE,
  sessions: [{ id: 'm', name: 'Matin', slots: ['09:00', '09:20', '09:40'].map((start, i) => ({ id: `m${i + 1}`, start, durationMinutes: 20 })) }],
  tables: [
    { id: 'T1', name: 'Table 1' },
    { id: 'T2', name: 'Table 2' },
  ],
  participants: participants.map((organisationId) => ({ organisationId })),
});
const event = async () => (await t.call(organiser, 'GET', `/meeting-events/${eventId}`)).json();
const listed = async (who: TestUser) => t.call(who, 'GET', `/associations/${associationId}/events`);

describe("an association's business-meeting event, run by its organiser", () => {
  it('is created by the organiser only, bad input creating nothing', async () => {
    const empty = await t.call(organiser, 'POST', `/associations/${associationId}/events`, { ...setup(firmIds), name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    const badZone = await t.call(organiser, 'POST', `/associations/${associationId}/events`, { ...setup(firmIds), zoneId: await t.newZone() });
    expect(badZone.statusCode).toBe(422);
    expect(badZone.json().code).toBe('zone_mismatch');
    expect((await t.call(member, 'POST', `/associations/${associationId}/events`, setup(firmIds))).statusCode).toBe(403);
    expect((await listed(organiser)).json()).toEqual([]);

    const res = await t.call(organiser, 'POST', `/associations/${associationId}/events`, setup(firmIds));
    expect(res.statusCode).toBe(201);
    eventId = res.json().id;
    expect(res.json()).toMatchObject({ associationId, status: 'draft' });
  });

  it('is listed, draft included, to its organisers and not to other members', async () => {
    const list = await listed(organiser);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([expect.objectContaining({ id: eventId, date: DATE, status: 'draft' })]);
    expect((await listed(member)).statusCode).toBe(403);
    // A plain member does not see the draft at all.
    expect((await t.call(member, 'GET', `/meeting-events/${eventId}`)).statusCode).toBe(404);
  });

  it("shows in the zone facilitators' list of events with the association that runs it", async () => {
    const own = await t.call(facilitator, 'POST', '/meeting-events', { ...setup(firmIds), name: 'Rendez-vous de la zone' });
    expect(own.statusCode).toBe(201);
    const list = await t.call(facilitator, 'GET', `/meeting-events?zoneId=${zoneId}`);
    expect(list.statusCode).toBe(200);
    const byId = new Map(list.json().map((e: { id: string }) => [e.id, e]));
    expect(byId.get(eventId)).toMatchObject({ status: 'draft', association: { id: associationId, name: "ALons'ZI" } });
    expect(byId.get(own.json().id)).toMatchObject({ association: null });
    // The association's own list names it too; members of the zone still see no draft.
    expect((await listed(organiser)).json()[0].association).toEqual({ id: associationId, name: "ALons'ZI" });
    expect((await t.call(member, 'GET', `/meeting-events?zoneId=${zoneId}`)).json()).toEqual([]);
    const elsewhere = await t.newUser('facilitator', { zoneId: await t.newZone() });
    expect((await t.call(elsewhere, 'GET', `/meeting-events?zoneId=${zoneId}`)).statusCode).toBe(403);
  });

  it('is set up by the organiser within the members; a plain member is refused', async () => {
    const e = await event();
    expect((await t.call(member, 'PATCH', `/meeting-events/${eventId}`, { name: 'Pris', version: e.version })).statusCode).toBe(404);
    const other = await t.newOrganisation(zoneId, { name: 'Non membre' });
    const stray = await t.call(organiser, 'PATCH', `/meeting-events/${eventId}`, { participants: [{ organisationId: other.id }], version: e.version });
    expect(stray.statusCode).toBe(422);
    expect(stray.json().code).toBe('not_association_member');
    expect((await event()).participants.map((p: { organisationId: string }) => p.organisationId).sort()).toEqual([...firmIds].sort());
    expect((await event()).version).toBe(e.version);

    const opened = await t.call(organiser, 'POST', `/meeting-events/${eventId}/status`, { status: 'requests_open', version: e.version });
    expect(opened.statusCode).toBe(200);
    // Once open, the members see it but still may not run it.
    expect((await t.call(member, 'PATCH', `/meeting-events/${eventId}`, { name: 'Pris', version: opened.json().version })).statusCode).toBe(403);
    expect((await t.call(member, 'POST', `/meeting-events/${eventId}/status`, { status: 'draft', version: opened.json().version })).statusCode).toBe(403);
    expect((await event()).name).toBe("Rendez-vous d'affaires ALons'ZI");
  });

  it('takes requests for any member firm from the organiser, a session only from the organiser', async () => {
    const [a, b, c] = firmIds as [string, string, string];
    const self = await t.call(organiser, 'POST', `/meeting-events/${eventId}/requests`, { organisationId: a, withOrganisationId: a });
    expect(self.statusCode).toBe(400);
    for (const [x, y] of [
      [a, b],
      [a, c],
      [b, c],
    ] as const) {
      expect(
        (await t.call(organiser, 'POST', `/meeting-events/${eventId}/requests`, { organisationId: x, withOrganisationId: y, priority: 3 })).statusCode,
      ).toBe(201);
    }
    expect((await t.call(member, 'POST', `/meeting-events/${eventId}/requests`, { withOrganisationId: c, session: 'm' })).statusCode).toBe(403);
    expect((await t.call(organiser, 'GET', `/meeting-events/${eventId}/requests`)).json()).toHaveLength(3);
  });

  it('is scheduled, published and changed on the day by the organiser; a plain member is refused', async () => {
    expect((await t.call(member, 'POST', `/meeting-events/${eventId}/runs`, { timeLimitSeconds: 1 })).statusCode).toBe(403);
    const queued = await t.call(organiser, 'POST', `/meeting-events/${eventId}/runs`, { timeLimitSeconds: 1 });
    expect(queued.statusCode).toBe(202);
    await vi.waitFor(async () => expect((await t.call(organiser, 'GET', `/meeting-events/${eventId}/runs/${queued.json().id}`)).json().status).toBe('done'), {
      timeout: 60_000,
      interval: 200,
    });
    const preview = await t.call(organiser, 'GET', `/meeting-events/${eventId}/schedule`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().meetings).toHaveLength(3);
    expect((await t.call(member, 'GET', `/meeting-events/${eventId}/schedule`)).statusCode).toBe(403);

    const e = await event();
    expect((await t.call(member, 'POST', `/meeting-events/${eventId}/publish`, { version: e.version })).statusCode).toBe(403);
    expect((await t.call(organiser, 'POST', `/meeting-events/${eventId}/publish`, { version: e.version - 1 })).statusCode).toBe(409);
    const published = await t.call(organiser, 'POST', `/meeting-events/${eventId}/publish`, { version: e.version });
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    // Every participant's agenda is the organiser's to read, as for a facilitator.
    expect((await t.call(organiser, 'GET', `/meeting-events/${eventId}/agendas/${firmIds[0]}`)).statusCode).toBe(200);

    t.clock.current = new Date(`${DATE}T06:00:00Z`); // 08:00 in Paris, before the first slot
    const absent = firmIds[2]!;
    expect((await t.call(member, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'no_show', organisationId: absent })).statusCode).toBe(403);
    expect((await t.call(organiser, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'teleport' })).statusCode).toBe(400);
    const before = (await t.call(organiser, 'GET', `/meeting-events/${eventId}/schedule`)).json().version;
    const change = await t.call(organiser, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'no_show', organisationId: absent });
    expect(change.statusCode).toBe(200);
    expect(change.json().scheduleVersion).toBe(before + 1);
  });
});
