import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expireBookings, remindBooking } from '../src/modules/bookings';
import { createTestContext, type TestContext, type TestUser } from './context';
import { option, paris } from './fixtures/booking-times';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let zoneId: string;
let facilitator: TestUser;
let organiser: TestUser;
let outsider: TestUser;
let associationId: string;
const firms: Record<'A' | 'B' | 'C', { id: string; member: TestUser }> = {} as never;

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = new Date('2026-10-01T08:00:00Z'); // a Thursday
  const s = await t.scenario();
  zoneId = s.zoneId;
  facilitator = s.facilitator;
  firms.A = { id: s.firmA.id, member: s.memberA };
  firms.B = { id: s.firmB.id, member: s.memberB };
  const c = await t.newOrganisation(zoneId, { name: 'Cartonnerie Jurassienne' });
  firms.C = { id: c.id, member: await t.newUser('member', { organisationId: c.id }) };
  organiser = await t.newUser('member', { organisationId: c.id });
  const elsewhere = await t.newOrganisation(await t.newZone());
  outsider = await t.newUser('member', { organisationId: elsewhere.id });
  const res = await t.call(facilitator, 'POST', '/associations', {
    zoneId,
    name: "ALons'ZI",
    premises: 'Maison des entreprises, Perrigny',
    memberIds: [firms.A.id, firms.B.id],
  });
  expect(res.statusCode).toBe(201);
  associationId = res.json().id;
  expect((await t.call(facilitator, 'POST', `/associations/${associationId}/organisers`, { email: organiser.email })).statusCode).toBe(200);
});
afterAll(() => t.close());

const bookingCount = async () => (await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from bookings`)[0]!.n;
const emailsTo = (user: TestUser) =>
  t.ctx.db.$client<{ id: string; subject: string; text: string }[]>`select id, subject, text from emails where "to" = ${user.email} order by created_at, id`;
async function lastIcs(user: TestUser) {
  const [row] = await t.ctx.db.$client<{ content: string }[]>`
    select a->>'content' as content from emails e, jsonb_array_elements(e.attachments) a where e."to" = ${user.email} order by e.created_at desc, e.id desc limit 1`;
  return row!.content;
}
/** The ICS parsed back by a maintained parser: its METHOD and its one event. */
function parseIcs(text: string) {
  const parsed = ical.sync.parseICS(text);
  const event = Object.values(parsed).find((c) => c && c.type === 'VEVENT') as VEvent;
  const method = /^METHOD:(.+)$/m.exec(text)?.[1]?.trim();
  return { event, method };
}

/** The shared test helper speaks GET, POST, PATCH and DELETE; availability is a PUT. */
const putAvailability = (user: TestUser, payload: object) =>
  t.app.inject({ method: 'PUT', url: '/api/v1/availability', headers: { cookie: user.cookie }, payload });

async function propose(from: TestUser, body: Record<string, unknown>) {
  return t.call(from, 'POST', '/bookings', { place: 'proposer_site', ...body });
}

describe('proposing', () => {
  let bookingId: string;

  it('sends two or three options to the other firm, which is told by email', async () => {
    const before = (await emailsTo(firms.B.member)).length;
    const res = await propose(firms.A.member, {
      recipientId: firms.B.id,
      subject: 'Palettes bois 120×80',
      options: [option('2026-10-05', '09:00'), option('2026-10-05', '14:00')],
      message: 'Nos palettes vous intéressent ?',
    });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    bookingId = b.id;
    expect(b).toMatchObject({ status: 'proposed', awaitingId: firms.B.id, round: 1, proposer: { id: firms.A.id }, recipient: { id: firms.B.id } });
    expect(b.options).toHaveLength(2);
    expect(b.messages.map((m: { kind: string }) => m.kind)).toEqual(['proposed']);
    expect(b.location).toContain('Chez Plasturgie du Revermont');
    const mails = await emailsTo(firms.B.member);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.subject).toContain('Proposition de rendez-vous');
  });

  it('keeps one open proposal per pair and subject (409 naming it), whichever side asks', async () => {
    const again = await propose(firms.B.member, {
      recipientId: firms.A.id,
      subject: 'Palettes bois 120×80',
      options: [option('2026-10-06', '09:00'), option('2026-10-06', '10:30')],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'proposal_already_open', existingId: bookingId });
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const count = await bookingCount();
    const base = { recipientId: firms.B.id, subject: 'Autre sujet' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, options: [option('2026-10-07', '09:00')] }, 400, 'validation_failed'],
      [{ ...base, options: [option('2026-09-30', '09:00'), option('2026-10-07', '09:00')] }, 422, 'option_in_past'],
      [{ ...base, options: [option('2026-10-10', '09:00'), option('2026-10-07', '09:00')] }, 422, 'outside_availability'],
      [{ ...base, options: [option('2026-10-07', '09:00', 5), option('2026-10-07', '10:00')] }, 422, 'invalid_duration'],
      [
        { ...base, place: 'video', videoUrl: 'javascript:alert(1)', options: [option('2026-10-07', '09:00'), option('2026-10-07', '10:00')] },
        400,
        'validation_failed',
      ],
      [{ ...base, place: 'video', options: [option('2026-10-07', '09:00'), option('2026-10-07', '10:00')] }, 400, 'validation_failed'],
      [{ ...base, recipientId: firms.A.id, options: [option('2026-10-07', '09:00'), option('2026-10-07', '10:00')] }, 422, 'invalid_recipient'],
      [
        { ...base, place: 'association', associationId, recipientId: firms.C.id, options: [option('2026-10-07', '09:00'), option('2026-10-07', '10:00')] },
        422,
        'not_association_members',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await propose(firms.A.member, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (code !== 'validation_failed') expect(res.json().code).toBe(code);
    }
    expect((await propose(facilitator, { ...base, options: [option('2026-10-07', '09:00'), option('2026-10-07', '10:00')] })).statusCode).toBe(403);
    expect(await bookingCount()).toBe(count);
  });

  it('is seen only by the two firms, their association’s organisers and the zone’s facilitators', async () => {
    expect((await t.call(null, 'GET', `/bookings/${bookingId}`)).statusCode).toBe(401);
    for (const user of [firms.A.member, firms.B.member, facilitator, organiser])
      expect((await t.call(user, 'GET', `/bookings/${bookingId}`)).statusCode).toBe(200);
    for (const user of [firms.C.member, outsider]) expect((await t.call(user, 'GET', `/bookings/${bookingId}`)).statusCode).toBe(404);
    const list = (await t.call(firms.C.member, 'GET', '/bookings')).json();
    expect(list.some((b: { id: string }) => b.id === bookingId)).toBe(false);
    // Only the awaited firm answers; organisers and facilitators watch.
    const version = (await t.call(firms.A.member, 'GET', `/bookings/${bookingId}`)).json().version;
    expect((await t.call(firms.A.member, 'POST', `/bookings/${bookingId}/answer`, { action: 'decline', version })).statusCode).toBe(403);
    expect((await t.call(organiser, 'POST', `/bookings/${bookingId}/answer`, { action: 'decline', version })).statusCode).toBe(403);
  });

  it('goes back and forth: a counter-proposal, then the first firm accepts one of its options', async () => {
    let b = (await t.call(firms.B.member, 'GET', `/bookings/${bookingId}`)).json();
    const firstOptionId = b.options[0].id;
    // Firm A's member reads in English: the counter-proposal reaches them in English.
    expect((await t.call(firms.A.member, 'PATCH', '/auth/me', { locale: 'en' })).statusCode).toBe(200);
    let res = await t.call(firms.B.member, 'POST', `/bookings/${bookingId}/answer`, {
      action: 'counter',
      options: [option('2026-10-06', '10:00')],
      message: 'Plutôt mardi ?',
      version: b.version,
    });
    expect(res.statusCode).toBe(200);
    b = res.json();
    const countered = (await emailsTo(firms.A.member)).at(-1)!;
    expect(countered.subject).toBe('New times proposed — Palettes bois 120×80');
    expect(countered.text).toContain('Option 1: Tuesday, 6 October 2026, 10:00–11:00');
    expect(countered.text).toContain('Plutôt mardi ?');
    expect(countered.text).toMatch(/^Hello /);
    expect(b).toMatchObject({ status: 'proposed', awaitingId: firms.A.id, round: 2 });
    expect(b.options).toHaveLength(1);
    expect(b.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ['proposed', 'Nos palettes vous intéressent ?'],
      ['countered', 'Plutôt mardi ?'],
    ]);
    // A stale version, and an option of the earlier round, are refused.
    expect(
      (await t.call(firms.A.member, 'POST', `/bookings/${bookingId}/answer`, { action: 'accept', optionId: b.options[0].id, version: b.version - 1 })).json()
        .code,
    ).toBe('version_conflict');
    expect(
      (await t.call(firms.A.member, 'POST', `/bookings/${bookingId}/answer`, { action: 'accept', optionId: firstOptionId, version: b.version })).json().code,
    ).toBe('unknown_option');

    const aBefore = (await emailsTo(firms.A.member)).length;
    res = await t.call(firms.A.member, 'POST', `/bookings/${bookingId}/answer`, { action: 'accept', optionId: b.options[0].id, version: b.version });
    expect(res.statusCode).toBe(200);
    b = res.json();
    expect(b).toMatchObject({ status: 'accepted', awaitingId: null, startsAt: paris('2026-10-06', '10:00'), icsSequence: 0 });
    expect(b.attendees.map((a: { organisationId: string }) => a.organisationId).sort()).toEqual([firms.A.id, firms.B.id].sort());

    // Both firms get the confirmation with its invitation, each in its reader's language.
    expect((await emailsTo(firms.A.member)).length).toBe(aBefore + 1);
    const words = new Map([
      [firms.A.member, { summary: 'Meeting ', location: 'At Plasturgie du Revermont' }],
      [firms.B.member, { summary: 'Rendez-vous ', location: 'Chez Plasturgie du Revermont' }],
    ]);
    for (const [member, said] of words) {
      const { event, method } = parseIcs(await lastIcs(member));
      expect(method).toBe('REQUEST');
      expect(event.uid).toBe(`booking-${bookingId}@synergies`);
      expect(Number(event.sequence)).toBe(0);
      expect(event.start.toISOString()).toBe(paris('2026-10-06', '10:00'));
      expect(String(event.summary)).toMatch(new RegExp(`^${said.summary}`));
      expect(event.location).toContain(said.location);
      expect((await t.call(member, 'GET', `/bookings/${bookingId}`)).json().location).toContain(said.location);
    }
    // The reminder of the day before waits in the queue.
    const jobs = await t.ctx.db.$client<
      { start_after: Date }[]
    >`select start_after from pgboss.job where name = 'booking-reminder' and data->>'bookingId' = ${bookingId}`;
    expect(jobs.map((j) => new Date(j.start_after).toISOString())).toEqual([new Date(Date.parse(paris('2026-10-05', '10:00'))).toISOString()]);
    // The job's worker sends it the day before, not earlier.
    const reminder = { bookingId, startsAt: paris('2026-10-06', '10:00') };
    expect(await remindBooking(t.ctx, reminder)).toBe(false);
    const now = t.clock.current;
    t.clock.current = new Date(paris('2026-10-05', '10:00'));
    expect(await remindBooking(t.ctx, reminder)).toBe(true);
    t.clock.current = now;
    expect((await emailsTo(firms.B.member)).at(-1)!.subject).toContain('Rappel');
  });

  it('shows the meeting in both agendas', async () => {
    for (const member of [firms.A.member, firms.B.member]) {
      const agenda = (await t.call(member, 'GET', '/agenda')).json();
      expect(agenda).toContainEqual(expect.objectContaining({ kind: 'booking', bookingId, startsAt: paris('2026-10-06', '10:00'), status: 'accepted' }));
    }
  });

  it('moves the same calendar entry on reschedule, then cancels it (SEQUENCE grows, METHOD:CANCEL)', async () => {
    let b = (await t.call(firms.B.member, 'GET', `/bookings/${bookingId}`)).json();
    let res = await t.call(firms.B.member, 'POST', `/bookings/${bookingId}/reschedule`, { option: option('2026-10-06', '15:00'), version: b.version });
    expect(res.statusCode).toBe(200);
    b = res.json();
    expect(b).toMatchObject({ startsAt: paris('2026-10-06', '15:00'), icsSequence: 1 });
    let ics = parseIcs(await lastIcs(firms.A.member));
    expect(ics.method).toBe('REQUEST');
    expect(ics.event.uid).toBe(`booking-${bookingId}@synergies`);
    expect(Number(ics.event.sequence)).toBe(1);
    expect(ics.event.start.toISOString()).toBe(paris('2026-10-06', '15:00'));

    // A bad reschedule changes nothing.
    expect(
      (await t.call(firms.B.member, 'POST', `/bookings/${bookingId}/reschedule`, { option: option('2026-10-11', '10:00'), version: b.version })).json().code,
    ).toBe('outside_availability');
    expect(
      (await t.call(firms.C.member, 'POST', `/bookings/${bookingId}/reschedule`, { option: option('2026-10-06', '16:00'), version: b.version })).statusCode,
    ).toBe(404);
    expect((await t.call(firms.A.member, 'GET', `/bookings/${bookingId}`)).json()).toMatchObject({
      version: b.version,
      startsAt: paris('2026-10-06', '15:00'),
    });

    res = await t.call(firms.A.member, 'POST', `/bookings/${bookingId}/cancel`, { reason: 'Imprévu', version: b.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', icsSequence: 2 });
    for (const member of [firms.A.member, firms.B.member]) {
      ics = parseIcs(await lastIcs(member));
      expect(ics.method).toBe('CANCEL');
      expect(ics.event.uid).toBe(`booking-${bookingId}@synergies`);
      expect(Number(ics.event.sequence)).toBe(2);
      expect(ics.event.status).toBe('CANCELLED');
    }
  });
});

describe('double booking', () => {
  it('refuses a second meeting of the same representative at the same time', async () => {
    const options = [option('2026-10-07', '09:00'), option('2026-10-07', '11:00')];
    const toB = (await propose(firms.A.member, { recipientId: firms.B.id, subject: 'Carton ondulé', options })).json();
    const toC = (await propose(firms.A.member, { recipientId: firms.C.id, subject: 'Papier glassine', options })).json();
    expect(
      (await t.call(firms.B.member, 'POST', `/bookings/${toB.id}/answer`, { action: 'accept', optionId: toB.options[0].id, version: toB.version })).statusCode,
    ).toBe(200);
    const clash = await t.call(firms.C.member, 'POST', `/bookings/${toC.id}/answer`, { action: 'accept', optionId: toC.options[0].id, version: toC.version });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('double_booked');
    expect((await t.call(firms.C.member, 'GET', `/bookings/${toC.id}`)).json()).toMatchObject({ status: 'proposed', version: toC.version });
    // The other option is free: accepted.
    expect(
      (await t.call(firms.C.member, 'POST', `/bookings/${toC.id}/answer`, { action: 'accept', optionId: toC.options[1].id, version: toC.version })).statusCode,
    ).toBe(200);
    // Suggestions now avoid the booked hour.
    const suggestions = (await t.call(firms.A.member, 'GET', `/bookings/suggestions?organisationId=${firms.B.id}&days=10&limit=20`)).json() as {
      startsAt: string;
    }[];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.startsAt)).not.toContain(paris('2026-10-07', '09:00'));
  });

  it('lets exactly one of two truly parallel acceptances win', async () => {
    const options = [option('2026-10-08', '09:00'), option('2026-10-08', '14:00')];
    const toB = (await propose(firms.A.member, { recipientId: firms.B.id, subject: 'Mutualisation transport', options })).json();
    const toC = (await propose(firms.A.member, { recipientId: firms.C.id, subject: 'Machine de contrôle textile', options })).json();
    const answers = await Promise.all([
      t.call(firms.B.member, 'POST', `/bookings/${toB.id}/answer`, { action: 'accept', optionId: toB.options[0].id, version: toB.version }),
      t.call(firms.C.member, 'POST', `/bookings/${toC.id}/answer`, { action: 'accept', optionId: toC.options[0].id, version: toC.version }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().code).toBe('double_booked');
    const [row] = await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from bookings where id in (${toB.id}, ${toC.id}) and status = 'accepted'`;
    expect(row!.n).toBe(1);
  });
});

describe('availability', () => {
  it('is the firm’s own to set; options outside it are refused', async () => {
    const current = (await t.call(firms.B.member, 'GET', '/availability')).json();
    expect(current).toMatchObject({ custom: false, version: 0 });
    const weekly = [1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
    const res = await putAvailability(firms.B.member, { weekly, unavailableDays: ['2026-10-12'], version: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ custom: true, version: 1, unavailableDays: ['2026-10-12'] });
    expect((await putAvailability(firms.B.member, { weekly, unavailableDays: [], version: 0 })).json().code).toBe('version_conflict');
    expect(
      (
        await putAvailability(firms.B.member, {
          weekly: [
            { weekday: 1, start: '09:00', end: '11:00' },
            { weekday: 1, start: '10:00', end: '12:00' },
          ],
          unavailableDays: [],
          version: 1,
        })
      ).json().code,
    ).toBe('overlapping_hours');
    const outside = await propose(firms.A.member, {
      recipientId: firms.B.id,
      subject: 'Friday',
      options: [option('2026-10-09', '09:00'), option('2026-10-13', '09:00')],
    });
    expect(outside.json().code).toBe('outside_availability');
    const dayOff = await propose(firms.A.member, {
      recipientId: firms.B.id,
      subject: 'Monday off',
      options: [option('2026-10-12', '09:00'), option('2026-10-13', '09:00')],
    });
    expect(dayOff.json().code).toBe('outside_availability');
    const suggestions = (await t.call(firms.A.member, 'GET', `/bookings/suggestions?organisationId=${firms.B.id}&days=14&limit=20`)).json() as {
      startsAt: string;
    }[];
    for (const s of suggestions) {
      const local = new Date(s.startsAt).toLocaleString('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: '2-digit', hour12: false });
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu),? (09|10|11)$/);
      expect(s.startsAt.slice(0, 10)).not.toBe('2026-10-12');
    }
  });
});

describe('calendar feed', () => {
  it('serves both firms’ booked meetings behind a secret URL that can be regenerated and revoked', async () => {
    expect((await t.call(firms.A.member, 'GET', '/calendar/feed')).json()).toMatchObject({ active: false });
    const created = await t.call(firms.A.member, 'POST', '/calendar/feed');
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().url);
    const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });
    const res = await fetchFeed(url.pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = Object.values(ical.sync.parseICS(res.body)).filter((c) => c?.type === 'VEVENT') as VEvent[];
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.some((e) => e.status === 'CANCELLED')).toBe(true);
    // The feed speaks its owner's language (firm A's member reads English).
    expect(events.every((e) => String(e.summary).startsWith('Meeting with '))).toBe(true);
    expect((await t.call(firms.A.member, 'GET', '/calendar/feed')).json()).toMatchObject({ active: true, url: null });
    // Regenerating replaces the secret: the old URL stops working.
    const again = new URL((await t.call(firms.A.member, 'POST', '/calendar/feed')).json().url);
    expect((await fetchFeed(url.pathname)).statusCode).toBe(404);
    expect((await fetchFeed(again.pathname)).statusCode).toBe(200);
    expect((await t.call(firms.A.member, 'DELETE', '/calendar/feed')).statusCode).toBe(204);
    expect((await fetchFeed(again.pathname)).statusCode).toBe(404);
    // A malformed secret names nothing: not found, like any malformed id in a URL.
    expect((await fetchFeed('/api/v1/calendar/feed/not-a-token')).statusCode).toBe(404);
  });
});

describe('event meetings', () => {
  it('count in the one agenda, the suggestions, the double-booking rule and the feed', async () => {
    // A published event of 9 October where A meets C at 09:00–09:20 (written as the meetings module stores it).
    const sql = t.ctx.db.$client;
    const [event] = await sql<{ id: string }[]>`
      insert into meeting_events (zone_id, name, date, status, sessions, tables)
      values (${zoneId}, 'Rendez-vous du Revermont', '2026-10-09', 'published',
              ${JSON.stringify([{ id: 'm', name: 'Matin', slots: [{ id: 'm1', start: '09:00', durationMinutes: 20 }] }])}::jsonb,
              ${JSON.stringify([{ id: 'T1', name: 'Table 1', reservedFor: null }])}::jsonb) returning id`;
    await sql`insert into meeting_participants (event_id, organisation_id) values (${event!.id}, ${firms.A.id}), (${event!.id}, ${firms.C.id})`;
    const [a, c] = [firms.A.id, firms.C.id].sort() as [string, string];
    const [request] = await sql<{ id: string }[]>`
      insert into meeting_requests (event_id, organisation_a, organisation_b, priority_a) values (${event!.id}, ${a}, ${c}, 1) returning id`;
    await sql`insert into meetings (event_id, request_id, organisation_ids, slot_id, table_id) values (${event!.id}, ${request!.id}, ${[firms.A.id, firms.C.id]}::uuid[], 'm1', 'T1')`;

    const agenda = (await t.call(firms.A.member, 'GET', '/agenda')).json();
    expect(agenda).toContainEqual(
      expect.objectContaining({
        kind: 'event',
        eventId: event!.id,
        startsAt: paris('2026-10-09', '09:00'),
        endsAt: paris('2026-10-09', '09:20'),
        location: 'Rendez-vous du Revermont, Table 1',
      }),
    );
    // Each meeting once, booked or from an event.
    expect(agenda.filter((e: { eventId: string | null }) => e.eventId === event!.id)).toHaveLength(1);
    expect(new Set(agenda.map((e: { kind: string; id: string }) => `${e.kind}-${e.id}`)).size).toBe(agenda.length);
    const suggestions = (
      await t.call(firms.A.member, 'GET', `/bookings/suggestions?organisationId=${firms.C.id}&days=14&limit=20&durationMinutes=30`)
    ).json() as { startsAt: string; endsAt: string }[];
    expect(suggestions.some((o) => o.startsAt < paris('2026-10-09', '09:20') && o.endsAt > paris('2026-10-09', '09:00'))).toBe(false);
    const b = (
      await propose(firms.C.member, {
        recipientId: firms.A.id,
        subject: 'Suite de l’atelier',
        options: [option('2026-10-09', '09:00', 30), option('2026-10-09', '11:00', 30)],
      })
    ).json();
    const clash = await t.call(firms.A.member, 'POST', `/bookings/${b.id}/answer`, { action: 'accept', optionId: b.options[0].id, version: b.version });
    expect(clash.json().code).toBe('double_booked');

    const url = new URL((await t.call(firms.C.member, 'POST', '/calendar/feed')).json().url);
    const feed = ical.sync.parseICS((await t.app.inject({ method: 'GET', url: url.pathname })).body);
    const entry = feed[`${request!.id}-${firms.C.id}@synergies`] as VEvent;
    expect(entry.start.toISOString()).toBe(paris('2026-10-09', '09:00'));
  });
});

describe('after the meeting', () => {
  it('moves the linked synergy forward once both firms say so', async () => {
    const synergy = (
      await t.call(facilitator, 'POST', '/synergies', {
        kind: 'substitution',
        title: 'Palettes de la plasturgie vers la fromagerie',
        organisationIds: [firms.A.id, firms.C.id],
      })
    ).json();
    let b = (
      await propose(firms.C.member, {
        recipientId: firms.A.id,
        subject: 'Palettes',
        synergyIds: [synergy.id],
        options: [option('2026-10-13', '14:00'), option('2026-10-13', '16:00')],
      })
    ).json();
    expect(b.synergies).toEqual([{ id: synergy.id, title: synergy.title, status: 'proposed' }]);
    b = (await t.call(firms.A.member, 'POST', `/bookings/${b.id}/answer`, { action: 'accept', optionId: b.options[0].id, version: b.version })).json();
    const attendee = (org: string) => b.attendees.find((a: { organisationId: string }) => a.organisationId === org);
    expect(
      (await t.call(firms.A.member, 'POST', `/bookings/${b.id}/outcome`, { outcome: 'held', advance: true, version: attendee(firms.A.id).version })).json()
        .code,
    ).toBe('meeting_not_over');
    t.clock.current = new Date(paris('2026-10-13', '16:00'));
    b = (
      await t.call(firms.A.member, 'POST', `/bookings/${b.id}/outcome`, {
        outcome: 'held',
        notes: 'Essai en novembre',
        advance: true,
        version: attendee(firms.A.id).version,
      })
    ).json();
    expect((await t.call(facilitator, 'GET', `/synergies/${synergy.id}`)).json().status).toBe('proposed');
    b = (await t.call(firms.C.member, 'POST', `/bookings/${b.id}/outcome`, { outcome: 'held', advance: true, version: attendee(firms.C.id).version })).json();
    expect(b.synergies[0].status).toBe('under_discussion');
    expect((await t.call(facilitator, 'GET', `/synergies/${synergy.id}`)).json().status).toBe('under_discussion');
  });
});

describe('activity and expiry', () => {
  it('expires unanswered proposals after the time limit and tells both firms', async () => {
    const res = await propose(firms.C.member, {
      recipientId: firms.A.id,
      subject: 'Bois de calage',
      options: [option('2026-10-22', '09:00'), option('2026-10-22', '10:00')],
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(new Date(b.expiresAt).getTime()).toBe(t.clock.current.getTime() + 7 * 86400_000);
    await expireBookings(t.ctx);
    expect((await t.call(firms.A.member, 'GET', `/bookings/${b.id}`)).json().status).toBe('proposed');
    t.clock.advance(7 * 86400_000 + 1000);
    // The sweep job runs every minute; here it is run at once (it may also have run in the background).
    await expireBookings(t.ctx);
    const after = (await t.call(firms.A.member, 'GET', `/bookings/${b.id}`)).json();
    expect(after.status).toBe('expired');
    expect(after.messages.at(-1).kind).toBe('expired');
    // Each in their own language (A's member switched to English above).
    for (const [member, subject] of [
      [firms.A.member, 'Meeting proposal expired — Bois de calage'],
      [firms.C.member, 'Proposition de rendez-vous expirée — Bois de calage'],
    ] as const) {
      const notices = (await emailsTo(member)).filter((m) => m.subject === subject);
      expect(notices).toHaveLength(1);
    }
    expect((await t.call(firms.A.member, 'POST', `/bookings/${b.id}/answer`, { action: 'decline', version: after.version })).json().code).toBe(
      'booking_closed',
    );
    // A new proposal on the same subject is possible again.
    expect(
      (
        await propose(firms.C.member, {
          recipientId: firms.A.id,
          subject: 'Bois de calage',
          options: [option('2026-10-23', '09:00'), option('2026-10-23', '10:00')],
        })
      ).statusCode,
    ).toBe(201);
  });

  it('reports proposed, held and declined per month to facilitators and organisers only', async () => {
    const b = (
      await propose(firms.B.member, { recipientId: firms.A.id, subject: 'Déclinée', options: [option('2026-10-22', '09:00'), option('2026-10-22', '10:00')] })
    ).json();
    expect(
      (await t.call(firms.A.member, 'POST', `/bookings/${b.id}/answer`, { action: 'decline', reason: 'Pas le moment', version: b.version })).json(),
    ).toMatchObject({ status: 'declined', declineReason: 'Pas le moment' });
    const zone = (await t.call(facilitator, 'GET', `/bookings/stats?zoneId=${zoneId}`)).json();
    const total = await bookingCount();
    expect(zone.totals).toMatchObject({ proposed: total, held: 1, declined: 1, fromSuggestion: 0 });
    expect(zone.months.map((m: { month: string }) => m.month)).toEqual(['2026-10']);
    const association = await t.call(organiser, 'GET', `/bookings/stats?associationId=${associationId}`);
    expect(association.statusCode).toBe(200);
    expect(association.json().totals.proposed).toBeGreaterThan(0);
    expect((await t.call(firms.A.member, 'GET', `/bookings/stats?zoneId=${zoneId}`)).statusCode).toBe(403);
    expect((await t.call(firms.A.member, 'GET', `/bookings/stats?associationId=${associationId}`)).statusCode).toBe(403);
  });
});
