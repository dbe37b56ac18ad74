import type { ScheduleRun } from '@synergies/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './context';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let facilitator: TestUser;
let zoneId: string;
const firm: Record<'A' | 'B' | 'C' | 'D', string> = {} as never;
let eventId: string;
/** Firm A's requests, by the other firm. */
const requestWithA: Partial<Record<'B' | 'C' | 'D', string>> = {};
const DAY = '2026-10-07';

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = new Date('2026-09-20T08:00:00Z');
  const s = await t.scenario();
  zoneId = s.zoneId;
  facilitator = s.facilitator;
  firm.A = s.firmA.id;
  firm.B = s.firmB.id;
  for (const key of ['C', 'D'] as const) firm[key] = (await t.newOrganisation(zoneId, { name: `Société ${key}` })).id;
});
afterAll(() => t.close());

const getEvent = async () => (await t.call(facilitator, 'GET', `/meeting-events/${eventId}`)).json();
const patch = async (body: Record<string, unknown>) =>
  t.call(facilitator, 'PATCH', `/meeting-events/${eventId}`, { version: (await getEvent()).version, ...body });
const sessions = (extra = false) => [
  {
    id: 'morning',
    name: 'Matin',
    slots: [
      { id: 'm1', start: '09:00', durationMinutes: 20 },
      { id: 'm2', start: '09:20', durationMinutes: 20 },
      ...(extra ? [{ id: 'm3', start: '09:40', durationMinutes: 20 }] : []),
    ],
  },
];
const tables = [
  { id: 'T1', name: 'Table 1' },
  { id: 'T2', name: 'Table 2' },
];

async function run(): Promise<Pick<ScheduleRun, 'status' | 'error'>> {
  const queued = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/runs`, { timeLimitSeconds: 2 });
  expect(queued.statusCode).toBe(202);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/runs/${queued.json().id}`)).json();
    if (r.status === 'done' || r.status === 'failed') return r;
    if (Date.now() > deadline) throw new Error('run timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('scheduling rules of an event', () => {
  it('keeps lunch-as-break and every-request-held as settings of the event', async () => {
    const res = await t.call(facilitator, 'POST', '/meeting-events', {
      zoneId,
      name: 'Rendez-vous du Jura',
      date: DAY,
      sessions: sessions(),
      tables,
      participants: Object.values(firm).map((organisationId) => ({ organisationId })),
    });
    expect(res.statusCode).toBe(201);
    eventId = res.json().id;
    expect(res.json()).toMatchObject({ lunchCountsAsBreak: false, allRequestsRequired: false });
    const changed = await patch({ lunchCountsAsBreak: true, allRequestsRequired: true });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ lunchCountsAsBreak: true, allRequestsRequired: true });
    const bad = await patch({ allRequestsRequired: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect((await getEvent()).allRequestsRequired).toBe(true);
  });

  it('when every request must be held, a run that cannot fails and names the firm and its slots', async () => {
    const open = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/status`, { status: 'requests_open', version: (await getEvent()).version });
    expect(open.statusCode).toBe(200);
    for (const other of ['B', 'C', 'D'] as const) {
      const asked = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/requests`, { organisationId: firm.A, withOrganisationId: firm[other] });
      expect(asked.statusCode).toBe(201);
      requestWithA[other] = asked.json().id;
    }
    const failed = await run();
    expect(failed.status).toBe('failed');
    expect(failed.error!.code).toBe('participant_capacity_exceeded');
    expect(failed.error!.message).toContain('Plasturgie du Revermont');
    expect(failed.error!.message).toContain('3 requests');
    expect(failed.error!.blocking).toEqual({ firms: [{ id: firm.A, name: 'Plasturgie du Revermont' }], tables: false, order: false });
  });

  it('names every firm of a proof that needs them: three firms that all meet each other in two slots', async () => {
    expect((await t.call(facilitator, 'DELETE', `/meeting-events/${eventId}/requests/${requestWithA.D}`)).statusCode).toBe(204);
    expect((await t.call(facilitator, 'POST', `/meeting-events/${eventId}/requests`, { organisationId: firm.B, withOrganisationId: firm.C })).statusCode).toBe(
      201,
    );
    const failed = await run();
    expect(failed.error).toMatchObject({ code: 'not_all_requests_fit', message: expect.stringContaining('proven by the SAT solver') });
    const named = failed.error!.blocking!;
    expect(named.firms.map((f) => f.id).sort()).toEqual([firm.A, firm.B, firm.C].sort());
    expect(named.firms.map((f) => f.name)).toContain('Société C');
  });

  it('otherwise keeps today’s selection and publishes', async () => {
    expect((await patch({ allRequestsRequired: false })).statusCode).toBe(200);
    const done = await run();
    expect(done.status).toBe('done');
    const publish = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/publish`, { version: (await getEvent()).version });
    expect(publish.statusCode).toBe(200);
  });
});

describe('set-up editing after publication', () => {
  it('accepts a change the published schedule survives, as a new published version', async () => {
    const before = await getEvent();
    const res = await patch({ name: 'Rendez-vous du Jura (salle B)', sessions: sessions(true) });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Rendez-vous du Jura (salle B)');
    expect(res.json().publishedScheduleVersion).toBe(before.publishedScheduleVersion + 1);
    const schedule = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    expect(schedule.meetings.length).toBeGreaterThan(0);
  });

  it('refuses with 409 a change that would break a published meeting, and changes nothing', async () => {
    const before = await getEvent();
    const schedule = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    const meeting = schedule.meetings[0];
    const usedTable = meeting.tableId;
    const busyFirm = meeting.organisations[0].id;

    const noTable = await patch({ tables: tables.filter((x) => x.id !== usedTable) });
    expect(noTable.statusCode).toBe(409);
    expect(noTable.headers['content-type']).toContain('application/problem+json');
    expect(noTable.json()).toMatchObject({
      code: 'setup_breaks_schedule',
      errors: expect.arrayContaining([expect.objectContaining({ code: 'table_in_use', path: 'body.tables' })]),
    });

    const participants = Object.values(firm).map((organisationId) => ({
      organisationId,
      unavailableSlots: organisationId === busyFirm ? [meeting.slotId] : [],
    }));
    const unavailable = await patch({ participants });
    expect(unavailable.statusCode).toBe(409);
    expect(unavailable.json().errors[0].code).toBe('limit_breaks_schedule');

    const capped = await patch({
      participants: Object.values(firm).map((organisationId) => ({ organisationId, maxMeetings: organisationId === busyFirm ? 0 : null })),
    });
    expect(capped.statusCode).toBe(409);

    const moved = sessions(true);
    moved[0]!.slots = moved[0]!.slots.map((s) => (s.id === meeting.slotId ? { ...s, durationMinutes: 15 } : s));
    const retimed = await patch({ sessions: moved });
    expect(retimed.statusCode).toBe(409);
    expect(retimed.json().errors[0].code).toBe('slot_in_use');

    const redated = await patch({ date: '2026-10-08' });
    expect(redated.statusCode).toBe(409);

    const after = await getEvent();
    expect(after).toMatchObject({
      version: before.version,
      tables: before.tables,
      sessions: before.sessions,
      date: before.date,
      publishedScheduleVersion: before.publishedScheduleVersion,
    });
  });
});
