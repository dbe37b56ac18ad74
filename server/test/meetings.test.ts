import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext, type TestUser, eventually } from './context';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let facilitator: TestUser;
let zoneId: string;
/** Five firms of the zone; A to D ask each other for meetings, E only joins on the day. */
const firms: Record<'A' | 'B' | 'C' | 'D' | 'E', { id: string; member: TestUser }> = {} as never;
let eventId: string;
/** The firm that does not come on the day. */
let absent: string;

// 5 October 2026 in Paris is summer time (UTC+2): 09:00 there is 07:00Z.
const DAY = '2026-10-05';
const parisToUtc = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+02:00`);

const setup = () => ({
  zoneId,
  name: 'Rendez-vous d’affaires du Revermont',
  date: DAY,
  sessions: [
    { id: 'morning', name: 'Matin', slots: ['09:00', '09:20', '09:40'].map((start, i) => ({ id: `m${i + 1}`, start, durationMinutes: 20 })) },
    { id: 'afternoon', name: 'Après-midi', slots: ['14:00', '14:20'].map((start, i) => ({ id: `a${i + 1}`, start, durationMinutes: 20 })) },
  ],
  tables: [
    { id: 'T1', name: 'Table 1' },
    { id: 'T2', name: 'Table 2' },
  ],
  participants: Object.values(firms).map((f) => ({ organisationId: f.id })),
});

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = new Date('2026-09-20T08:00:00Z');
  const s = await t.scenario();
  zoneId = s.zoneId;
  facilitator = s.facilitator;
  firms.A = { id: s.firmA.id, member: s.memberA };
  firms.B = { id: s.firmB.id, member: s.memberB };
  for (const key of ['C', 'D', 'E'] as const) {
    const org = await t.newOrganisation(zoneId, { name: `Société ${key}` });
    firms[key] = { id: org.id, member: await t.newUser('member', { organisationId: org.id }) };
  }
});
afterAll(() => t.close());

const getEvent = async () => (await t.call(facilitator, 'GET', `/meeting-events/${eventId}`)).json();
const requestCount = async () => (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/requests`)).json().length as number;

interface ScheduledView {
  requestId: string;
  slotId: string;
  tableId: string;
  start: string;
  organisations: { id: string; name: string }[];
}

describe('event setup', () => {
  it('is created by a facilitator of the zone, not by members, and stays hidden while a draft', async () => {
    expect((await t.call(null, 'POST', '/meeting-events', setup())).statusCode).toBe(401);
    expect((await t.call(firms.A.member, 'POST', '/meeting-events', setup())).statusCode).toBe(403);
    const res = await t.call(facilitator, 'POST', '/meeting-events', setup());
    expect(res.statusCode).toBe(201);
    const event = res.json();
    eventId = event.id;
    expect(event).toMatchObject({ status: 'draft', timeZone: 'Europe/Paris', version: 1, breaks: [{ afterSession: 'morning', start: '10:00', end: '14:00' }] });
    expect(event.participants).toHaveLength(5);
    expect((await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}`)).statusCode).toBe(404);
    expect((await t.call(firms.A.member, 'GET', `/meeting-events?zoneId=${zoneId}`)).json()).toEqual([]);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const before = await getEvent();
    const otherZone = await t.newZone();
    const stranger = await t.newOrganisation(otherZone);

    const unknownOrg = await t.call(facilitator, 'PATCH', `/meeting-events/${eventId}`, {
      version: before.version,
      participants: [...setup().participants, { organisationId: stranger.id }],
    });
    expect(unknownOrg.statusCode).toBe(422);
    expect(unknownOrg.headers['content-type']).toContain('application/problem+json');
    expect(unknownOrg.json()).toMatchObject({ code: 'unknown_organisation', errors: [{ path: 'body.participants.5.organisationId' }] });

    const noTable = await t.call(facilitator, 'PATCH', `/meeting-events/${eventId}`, { version: before.version, tables: [] });
    expect(noTable.statusCode).toBe(400);
    expect(noTable.json().errors.map((e: { path: string }) => e.path)).toContain('body.tables');

    const overlapping = setup().sessions;
    overlapping[0]!.slots[1]!.start = '09:10';
    const overlap = await t.call(facilitator, 'PATCH', `/meeting-events/${eventId}`, { version: before.version, sessions: overlapping });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors).toContainEqual(expect.objectContaining({ path: 'body.sessions.0.slots.1.start' }));

    const unknownSlot = await t.call(facilitator, 'PATCH', `/meeting-events/${eventId}`, {
      version: before.version,
      participants: [{ organisationId: firms.A.id, unavailableSlots: ['x9'] }],
    });
    expect(unknownSlot.statusCode).toBe(422);
    expect(unknownSlot.json().code).toBe('unknown_slot');

    const outside = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/requests`, {
      organisationId: firms.A.id,
      withOrganisationId: firms.B.id,
      fixedSlot: 'e1',
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'unknown_slot', errors: [{ path: 'body.fixedSlot' }] });

    const notParticipant = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/requests`, {
      organisationId: firms.A.id,
      withOrganisationId: stranger.id,
    });
    expect(notParticipant.statusCode).toBe(422);
    expect(notParticipant.json().code).toBe('unknown_participant');

    expect(
      (await t.call(facilitator, 'POST', `/meeting-events/${eventId}/requests`, { organisationId: firms.A.id, withOrganisationId: firms.A.id })).statusCode,
    ).toBe(400);
    expect((await t.call(facilitator, 'POST', `/meeting-events`, { ...setup(), date: '5 octobre' })).statusCode).toBe(400);
    expect((await t.call(facilitator, 'PATCH', `/meeting-events/${eventId}`, { version: before.version + 7, name: 'Autre nom' })).statusCode).toBe(409);

    expect(await getEvent()).toEqual(before);
    expect(await requestCount()).toBe(0);
  });
});

describe('requests', () => {
  const ask = (from: keyof typeof firms, to: keyof typeof firms, priority = 1) =>
    t.call(firms[from].member, 'POST', `/meeting-events/${eventId}/requests`, { withOrganisationId: firms[to].id, priority });

  it('are taken from members only while requests are open', async () => {
    const event = await getEvent();
    expect((await ask('A', 'B')).statusCode).toBe(404); // draft: the event is not visible yet
    const opened = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/status`, { status: 'requests_open', version: event.version });
    expect(opened.json().status).toBe('requests_open');

    expect((await ask('A', 'B', 3)).statusCode).toBe(201);
    const mutual = await ask('B', 'A', 2);
    expect(mutual.statusCode).toBe(200);
    expect(mutual.json().requesters).toHaveLength(2);
    expect((await ask('A', 'B')).json().code).toBe('request_exists');
    for (const [from, to] of [
      ['A', 'C'],
      ['A', 'D'],
      ['B', 'C'],
      ['B', 'D'],
      ['C', 'D'],
    ] as const)
      expect((await ask(from, to)).statusCode).toBe(201);

    const onBehalf = await t.call(firms.A.member, 'POST', `/meeting-events/${eventId}/requests`, {
      organisationId: firms.C.id,
      withOrganisationId: firms.E.id,
    });
    expect(onBehalf.statusCode).toBe(403);
    const fixing = await t.call(firms.A.member, 'POST', `/meeting-events/${eventId}/requests`, { withOrganisationId: firms.E.id, fixedSlot: 'm1' });
    expect(fixing.statusCode).toBe(403);
  });

  it('are seen by members for their own firm only, and withdrawn side by side', async () => {
    const mine = (await t.call(firms.C.member, 'GET', `/meeting-events/${eventId}/requests`)).json();
    expect(mine).toHaveLength(3);
    const ab = (await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/requests`))
      .json()
      .find((r: { organisations: { id: string }[] }) => r.organisations.some((o) => o.id === firms.B.id));
    expect((await t.call(firms.C.member, 'DELETE', `/meeting-events/${eventId}/requests/${ab.id}`)).statusCode).toBe(404);
    expect((await t.call(firms.B.member, 'DELETE', `/meeting-events/${eventId}/requests/${ab.id}`)).statusCode).toBe(204);
    const after = (await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/requests`)).json().find((r: { id: string }) => r.id === ab.id);
    expect(after.requesters).toEqual([{ organisationId: firms.A.id, priority: 3 }]);
    const raised = await t.call(firms.A.member, 'PATCH', `/meeting-events/${eventId}/requests/${ab.id}`, { priority: 5, version: after.version });
    expect(raised.json().requesters).toEqual([{ organisationId: firms.A.id, priority: 5 }]);
    expect((await t.call(firms.A.member, 'PATCH', `/meeting-events/${eventId}/requests/${ab.id}`, { priority: 4, version: after.version })).statusCode).toBe(
      409,
    );
    expect(await requestCount()).toBe(6);
  });
});

describe('scheduling, preview and publication', () => {
  let preview: { version: number; meetings: ScheduledView[]; unscheduled: unknown[]; summary: { optimal: boolean; meetingsScheduled: number } };

  it('runs in the background with progress, and the preview double-books nobody', async () => {
    expect((await t.call(firms.A.member, 'POST', `/meeting-events/${eventId}/runs`, { timeLimitSeconds: 2 })).statusCode).toBe(403);
    const queued = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/runs`, { timeLimitSeconds: 2 });
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'queued', progress: 0 });
    const run = await eventually(async () => {
      const r = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/runs/${queued.json().id}`)).json();
      return r.status === 'done' || r.status === 'failed' ? r : undefined;
    }, 'the scheduling run');
    expect(run).toMatchObject({ status: 'done', progress: 100, scheduleVersion: 1, error: null });
    expect(run.summary.priorityUpperBound).toBeGreaterThanOrEqual(run.summary.priorityScheduled);

    const res = await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`);
    expect(res.statusCode).toBe(200);
    preview = res.json();
    expect(preview).toMatchObject({ version: 1, outdated: false, published: false });
    expect(preview.meetings.length + preview.unscheduled.length).toBe(6);
    const seats = new Set<string>();
    for (const m of preview.meetings) {
      for (const key of [`${m.slotId}|${m.tableId}`, ...m.organisations.map((o) => `${m.slotId}|${o.id}`)]) {
        expect(seats.has(key), `${key} used twice`).toBe(false);
        seats.add(key);
      }
    }
    // A preview leaves the members' request form open: only a facilitator closes requests.
    expect((await getEvent()).status).toBe('requests_open');
    expect((await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/schedule`)).statusCode).toBe(403);
    expect((await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.A.id}`)).statusCode).toBe(404);
  });

  it('publishes the agendas and emails the members of each firm', async () => {
    const event = await getEvent();
    // A member of firm B reads in English: their email comes in English.
    expect((await t.call(firms.B.member, 'PATCH', '/auth/me', { locale: 'en' })).statusCode).toBe(200);
    expect((await t.call(firms.A.member, 'POST', `/meeting-events/${eventId}/publish`, { version: event.version })).statusCode).toBe(403);
    expect((await t.call(facilitator, 'POST', `/meeting-events/${eventId}/publish`, { version: event.version - 1 })).statusCode).toBe(409);
    const res = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/publish`, { version: event.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', publishedScheduleVersion: 1 });

    const [mail] = await t.ctx.db.$client<{ subject: string; text: string }[]>`select subject, text from emails where "to" = ${firms.A.member.email}`;
    expect(mail!.subject).toContain('Rendez-vous d’affaires du Revermont');
    expect(mail!.text).toMatch(/\d\d:\d\d–\d\d:\d\d, Table \d : avec/);
    const [english] = await t.ctx.db.$client<{ subject: string; text: string }[]>`select subject, text from emails where "to" = ${firms.B.member.email}`;
    expect(english!.subject).toBe('Your business meetings — Rendez-vous d’affaires du Revermont');
    expect(english!.text).toMatch(/^Hello /);
    expect(english!.text).toMatch(/\d\d:\d\d–\d\d:\d\d, Table \d: with/);
    expect(english!.text).toMatch(/on [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ 2026 is published/);
    // The attached calendar entries speak each reader's language too.
    const attachedIcs = async (email: string) =>
      (
        await t.ctx.db.$client<{ content: string }[]>`
        select a->>'content' as content from emails e, jsonb_array_elements(e.attachments) a where e."to" = ${email}`
      )[0]!.content.replace(/\r\n[ \t]/g, '');
    expect(await attachedIcs(firms.A.member.email)).toMatch(/^SUMMARY:Rendez-vous avec /m);
    expect(await attachedIcs(firms.B.member.email)).toMatch(/^SUMMARY:Meeting with /m);
    expect((await t.call(firms.A.member, 'POST', `/meeting-events/${eventId}/requests`, { withOrganisationId: firms.E.id })).json().code).toBe(
      'requests_closed',
    );
    const renamed = await t.call(facilitator, 'PATCH', `/meeting-events/${eventId}`, { version: res.json().version, date: '2026-10-06' });
    expect(renamed.json().code).toBe('setup_breaks_schedule');
  });
});

/** Unfolds an iCalendar file and returns the DTSTART lines of its events (not of its VTIMEZONE). */
function dtstarts(ics: string): string[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  let inEvent = false;
  return lines.filter((line) => {
    if (line === 'BEGIN:VEVENT' || line === 'END:VEVENT') inEvent = line === 'BEGIN:VEVENT';
    return inEvent && line.startsWith('DTSTART');
  });
}

describe('agendas and exports', () => {
  it('gives a member their own agenda as JSON, ICS in Paris time and PDF', async () => {
    const agenda = (await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.A.id}`)).json();
    expect(agenda.organisation.id).toBe(firms.A.id);
    expect(agenda.meetings.length).toBeGreaterThan(0);
    expect(agenda.meetings[0]).toMatchObject({ status: 'scheduled', outcome: '' });
    expect(agenda.meetings[0].meetingId).toEqual(expect.any(String));

    const ics = await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.A.id}/ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.headers['content-disposition']).toMatch(/^attachment; filename="agenda-plasturgie-du-revermont\.ics"/);
    const starts = dtstarts(ics.body);
    expect(starts).toHaveLength(agenda.meetings.length);
    expect(ics.body).toMatch(/^SUMMARY:Rendez-vous avec /m);
    // Firm B's member reads English: their download says so.
    const englishIcs = await t.call(firms.B.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.B.id}/ics`);
    expect(englishIcs.body).toMatch(/^SUMMARY:Meeting with /m);
    expect(englishIcs.body).not.toMatch(/Rendez-vous avec|rencontre/);
    starts.forEach((line, i) => {
      const [, local] = /^DTSTART;TZID=Europe\/Paris:(\d{8}T\d{6})$/.exec(line)!;
      const hhmm = `${local!.slice(9, 11)}:${local!.slice(11, 13)}`;
      expect(local!.slice(0, 8)).toBe('20261005');
      expect(parisToUtc(hhmm).toISOString()).toBe(agenda.meetings[i].start);
    });

    const pdf = await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.A.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("keeps a firm's agenda from other firms' members, not from facilitators", async () => {
    for (const suffix of ['', '/ics', '/pdf']) {
      const res = await t.call(firms.C.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.A.id}${suffix}`);
      expect([403, 404]).toContain(res.statusCode);
    }
    expect((await t.call(facilitator, 'GET', `/meeting-events/${eventId}/agendas/${firms.A.id}`)).statusCode).toBe(200);
  });

  it('exports the table plan and the full list to facilitators only', async () => {
    const plan = await t.call(facilitator, 'GET', `/meeting-events/${eventId}/table-plan/pdf`);
    expect(plan.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule/csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('filename="rendez-vous-rendez-vous-d-affaires-du-revermont.csv"');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFsession;début;fin;table;participants;synergies');
    const xlsx = await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule/xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    for (const url of ['/table-plan/pdf', '/schedule/csv', '/schedule/xlsx']) {
      expect((await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}${url}`)).statusCode).toBe(403);
    }
  });
});

describe('changes on the day', () => {
  it('a no-show after the first slot leaves started meetings alone and lists the agendas that changed', async () => {
    const before: { meetings: ScheduledView[] } = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    t.clock.current = parisToUtc('09:25'); // m1 is over, m2 is running
    const started = before.meetings.filter((m) => new Date(m.start) <= t.clock.current);
    const later = before.meetings.find((m) => new Date(m.start) > t.clock.current)!;
    expect(started.length).toBeGreaterThan(0);
    absent = later.organisations[0]!.id;

    expect((await t.call(firms.A.member, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'no_show', organisationId: absent })).statusCode).toBe(403);
    const res = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'no_show', organisationId: absent });
    expect(res.statusCode).toBe(200);
    const change = res.json();
    expect(change.scheduleVersion).toBe(2);
    expect(change.changedAgendas.map((o: { id: string }) => o.id)).toContain(absent);

    const after: { version: number; meetings: ScheduledView[] } = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    expect(after.version).toBe(2);
    const key = (m: ScheduledView) => `${m.requestId}@${m.slotId}#${m.tableId}`;
    for (const m of started) expect(after.meetings.map(key)).toContain(key(m));
    const future = after.meetings.filter((m) => new Date(m.start) > t.clock.current);
    expect(future.some((m) => m.organisations.some((o) => o.id === absent))).toBe(false);

    const agenda = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/agendas/${absent}`)).json();
    expect(agenda.scheduleVersion).toBe(2);
    const records = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/meetings`)).json();
    expect(records.find((r: { requestId: string }) => r.requestId === later.requestId).status).toBe('cancelled');
    const absentMember = Object.values(firms).find((f) => f.id === absent)!.member;
    const mails = await t.ctx.db.$client<{ subject: string }[]>`select subject from emails where "to" = ${absentMember.email} order by created_at`;
    // In the member's language: firm B's member reads in English since the publication test.
    const changed = absent === firms.B.id ? 'Your agenda has changed' : 'Votre agenda a changé';
    expect(mails.map((m) => m.subject)).toContain(`${changed} — Rendez-vous d’affaires du Revermont`);
  });

  it('refuses to cancel a started meeting, and unknown firms', async () => {
    const schedule: { meetings: ScheduledView[] } = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    const running = schedule.meetings.find((m) => new Date(m.start) <= t.clock.current)!;
    const cancel = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'cancellation', requestId: running.requestId });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().code).toBe('meeting_already_started');
    const stranger = await t.newOrganisation(zoneId);
    expect((await t.call(facilitator, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'no_show', organisationId: stranger.id })).json().code).toBe(
      'unknown_participant',
    );
    expect((await t.call(facilitator, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'teleport' })).statusCode).toBe(400);
    expect((await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json().version).toBe(2);
  });

  it('fits a new request into free room without moving anyone else', async () => {
    const before: { meetings: ScheduledView[] } = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    const present = Object.values(firms).find(
      (f) => f.id !== firms.E.id && f.id !== absent && before.meetings.some((m) => m.organisations.some((o) => o.id === f.id)),
    )!;
    const res = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/changes`, {
      kind: 'new_request',
      organisationId: firms.E.id,
      withOrganisationId: present.id,
    });
    expect(res.statusCode).toBe(200);
    const change = res.json();
    expect(change.changedAgendas.map((o: { id: string }) => o.id).sort()).toEqual([firms.E.id, present.id].sort());
    const after: { meetings: ScheduledView[] } = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    const added = after.meetings.find((m) => m.requestId === change.requestId)!;
    expect(new Date(added.start).getTime()).toBeGreaterThan(t.clock.current.getTime());
    const key = (m: ScheduledView) => `${m.requestId}@${m.slotId}#${m.tableId}`;
    expect(
      after.meetings
        .filter((m) => m.requestId !== change.requestId)
        .map(key)
        .sort(),
    ).toEqual(before.meetings.map(key).sort());
    const agendaE = (await t.call(firms.E.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.E.id}`)).json();
    expect(agendaE.meetings.map((m: { requestId: string }) => m.requestId)).toEqual([change.requestId]);

    const cancelled = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/changes`, { kind: 'cancellation', requestId: change.requestId });
    expect(
      cancelled
        .json()
        .changedAgendas.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([firms.E.id, present.id].sort());
    expect(cancelled.json().unscheduled).toContainEqual(expect.objectContaining({ requestId: change.requestId, reason: 'cancelled' }));
  });

  it('moves a late arrival to slots after it arrives', async () => {
    const before: { meetings: ScheduledView[] } = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    // Whatever optimal schedule the solver chose: the firm of the next meeting arrives just after it starts.
    const soon = before.meetings.filter((m) => new Date(m.start) > t.clock.current).sort((a, b) => a.start.localeCompare(b.start))[0]!;
    const late = soon.organisations[0]!;
    const arrivesAt = new Date(new Date(soon.start).getTime() + 60_000);
    const res = await t.call(facilitator, 'POST', `/meeting-events/${eventId}/changes`, {
      kind: 'late_arrival',
      organisationId: late.id,
      arrivesAt: arrivesAt.toISOString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().changedAgendas.map((o: { id: string }) => o.id)).toContain(late.id);
    const after: { meetings: ScheduledView[] } = (await t.call(facilitator, 'GET', `/meeting-events/${eventId}/schedule`)).json();
    const mine = after.meetings.filter((m) => m.organisations.some((o) => o.id === late.id) && new Date(m.start) > t.clock.current);
    for (const m of mine) expect(new Date(m.start).getTime()).toBeGreaterThanOrEqual(arrivesAt.getTime());

    // The follow-up rows follow the published schedule: same slot and table, still planned.
    const records: { requestId: string; slotId: string; tableId: string; status: string }[] = (
      await t.call(facilitator, 'GET', `/meeting-events/${eventId}/meetings`)
    ).json();
    for (const m of after.meetings) {
      expect(records.find((r) => r.requestId === m.requestId)).toMatchObject({ slotId: m.slotId, tableId: m.tableId });
    }
    const held = new Set(after.meetings.map((m) => m.requestId));
    for (const r of records.filter((x) => !held.has(x.requestId))) expect(r.status).not.toBe('scheduled');
  });
});

describe('follow-up', () => {
  it('lets a firm of the meeting or a facilitator record how it went', async () => {
    const agenda = (await t.call(firms.A.member, 'GET', `/meeting-events/${eventId}/agendas/${firms.A.id}`)).json();
    const meeting = agenda.meetings[0];
    const outsider = Object.values(firms).find((f) => f.id !== firms.A.id && !meeting.with.some((o: { id: string }) => o.id === f.id))!;
    expect((await t.call(outsider.member, 'PATCH', `/meetings/${meeting.meetingId}`, { outcome: 'Rien', version: meeting.version })).statusCode).toBe(404);
    const done = await t.call(firms.A.member, 'PATCH', `/meetings/${meeting.meetingId}`, {
      status: 'done',
      outcome: 'Échange de palettes à étudier',
      version: meeting.version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'Échange de palettes à étudier', version: meeting.version + 1 });
    expect((await t.call(facilitator, 'PATCH', `/meetings/${meeting.meetingId}`, { status: 'no_show', version: meeting.version })).statusCode).toBe(409);
    expect((await t.call(facilitator, 'PATCH', `/meetings/${meeting.meetingId}`, { version: meeting.version + 1 })).statusCode).toBe(400);
  });
});

describe('runs that cannot succeed, and outdated schedules', () => {
  let otherId: string;

  async function runToEnd(timeLimitSeconds = 1) {
    const queued = (await t.call(facilitator, 'POST', `/meeting-events/${otherId}/runs`, { timeLimitSeconds })).json();
    return eventually(async () => {
      const r = (await t.call(facilitator, 'GET', `/meeting-events/${otherId}/runs/${queued.id}`)).json();
      return r.status === 'done' || r.status === 'failed' ? r : undefined;
    }, 'the scheduling run');
  }

  it('reports why a run failed with a stable code, and leaves the event as it was', async () => {
    const input = {
      ...setup(),
      name: 'Second événement',
      participants: [{ organisationId: firms.A.id, unavailableSlots: ['m1'] }, { organisationId: firms.B.id }],
    };
    otherId = (await t.call(facilitator, 'POST', '/meeting-events', input)).json().id;
    const request = await t.call(facilitator, 'POST', `/meeting-events/${otherId}/requests`, {
      organisationId: firms.A.id,
      withOrganisationId: firms.B.id,
      fixedSlot: 'm1',
    });
    expect(request.statusCode).toBe(201);
    const run = await runToEnd();
    expect(run).toMatchObject({ status: 'failed', scheduleVersion: null, error: { code: 'infeasible_fixed_meeting' } });
    expect((await t.call(facilitator, 'GET', `/meeting-events/${otherId}`)).json().status).toBe('draft');
    // No schedule yet is an ordinary state: nothing to show, not an error.
    expect((await t.call(facilitator, 'GET', `/meeting-events/${otherId}/schedule`)).statusCode).toBe(204);
  });

  it('marks the preview outdated when requests change, and refuses to publish it', async () => {
    const [request] = (await t.call(facilitator, 'GET', `/meeting-events/${otherId}/requests`)).json();
    await t.call(facilitator, 'PATCH', `/meeting-events/${otherId}/requests/${request.id}`, { fixedSlot: null, version: request.version });
    expect((await runToEnd()).status).toBe('done');
    expect((await t.call(facilitator, 'GET', `/meeting-events/${otherId}/schedule`)).json().outdated).toBe(false);
    await t.call(facilitator, 'PATCH', `/meeting-events/${otherId}/requests/${request.id}`, { session: 'afternoon', version: request.version + 1 });
    expect((await t.call(facilitator, 'GET', `/meeting-events/${otherId}/schedule`)).json().outdated).toBe(true);
    const event = (await t.call(facilitator, 'GET', `/meeting-events/${otherId}`)).json();
    const publish = await t.call(facilitator, 'POST', `/meeting-events/${otherId}/publish`, { version: event.version });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().code).toBe('schedule_outdated');
  });
});

describe('API documentation', () => {
  it('describes the meeting routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/meeting-events', '/api/v1/meeting-events/{id}/changes', '/api/v1/meeting-events/{id}/agendas/{organisationId}/ics']),
    );
  });
});
