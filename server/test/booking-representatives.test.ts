import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type TestUser } from './context';
import { option } from './fixtures/booking-times';

/*
 * Each firm names the person it sends to a booked meeting: with its proposal, its
 * counter-proposal or its acceptance (the acting person by default). The no-double-booking
 * rule then holds for that person.
 */

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let facilitator: TestUser;
let firmA: string;
let firmB: string;
let firmC: string;
let memberA: TestUser;
let colleagueA: TestUser;
let memberB: TestUser;
let colleagueB: TestUser;
let memberC: TestUser;
let invitedA: string;

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = new Date('2026-10-01T08:00:00Z'); // a Thursday
  const s = await t.scenario();
  facilitator = s.facilitator;
  [firmA, firmB, memberA, memberB] = [s.firmA.id, s.firmB.id, s.memberA, s.memberB];
  colleagueA = await t.newUser('member', { organisationId: firmA });
  colleagueB = await t.newUser('member', { organisationId: firmB });
  firmC = (await t.newOrganisation(s.zoneId, { name: 'Cartonnerie Jurassienne' })).id;
  memberC = await t.newUser('member', { organisationId: firmC });
  // Invited, not yet activated: no one to send to a meeting.
  const invited = await t.call(facilitator, 'POST', `/organisations/${firmA}/invitations`, { email: 'pas-encore@example.fr', displayName: 'Pas Encore' });
  expect(invited.statusCode).toBe(201);
  invitedA = invited.json().userId;
});
afterAll(() => t.close());

const propose = (from: TestUser, body: Record<string, unknown>) => t.call(from, 'POST', '/bookings', { place: 'proposer_site', ...body });
const answer = (user: TestUser, id: string, body: Record<string, unknown>) => t.call(user, 'POST', `/bookings/${id}/answer`, body);
const repsOf = (b: { representatives: { organisationId: string; userId: string }[] }) =>
  Object.fromEntries(b.representatives.map((r) => [r.organisationId, r.userId]));
const attendeesInDb = async (bookingId: string) =>
  Object.fromEntries(
    (
      await t.ctx.db.$client<{ organisation_id: string; user_id: string }[]>`
        select organisation_id, user_id from booking_attendees where booking_id = ${bookingId}`
    ).map((r) => [r.organisation_id, r.user_id]),
  );
async function lastIcs(user: TestUser) {
  const [row] = await t.ctx.db.$client<{ content: string }[]>`
    select a->>'content' as content from emails e, jsonb_array_elements(e.attachments) a where e."to" = ${user.email} order by e.created_at desc, e.id desc limit 1`;
  return Object.values(ical.sync.parseICS(row!.content)).find((c) => c?.type === 'VEVENT') as VEvent;
}
const attendeeEmails = (event: VEvent) =>
  ([] as unknown[])
    .concat(event.attendee ?? [])
    .map((a) => String(typeof a === 'string' ? a : (a as { val: string }).val).replace(/^mailto:/i, ''))
    .sort();

describe('naming the representative', () => {
  it('seats the people each side named, puts them in the invitation, and keeps them on reschedule', async () => {
    const [colleagueAId, colleagueBId, memberAId] = [colleagueA.id, colleagueB.id, memberA.id];
    let res = await propose(memberA, {
      recipientId: firmB,
      subject: 'Palettes 120×80',
      representativeId: colleagueAId,
      options: [option('2026-10-05', '09:00'), option('2026-10-05', '14:00')],
    });
    expect(res.statusCode, res.body).toBe(201);
    let b = res.json();
    expect(repsOf(b)).toEqual({ [firmA]: colleagueAId });
    expect(b.representatives[0].name).toMatch(/^member /);
    // The other firm is told whom firm A sends.
    const [proposal] = await t.ctx.db.$client<{ text: string }[]>`
      select text from emails where "to" = ${memberB.email} order by created_at desc, id desc limit 1`;
    expect(proposal!.text).toContain(`Plasturgie du Revermont sera représentée par ${b.representatives[0].name}.`);

    res = await answer(memberB, b.id, { action: 'accept', optionId: b.options[0].id, representativeId: colleagueBId, version: b.version });
    expect(res.statusCode, res.body).toBe(200);
    b = res.json();
    expect(repsOf(b)).toEqual({ [firmA]: colleagueAId, [firmB]: colleagueBId });
    expect(await attendeesInDb(b.id)).toEqual({ [firmA]: colleagueAId, [firmB]: colleagueBId });
    expect(attendeeEmails(await lastIcs(memberA))).toEqual([colleagueA.email, colleagueB.email].sort());
    // Everyone of both firms is told who goes, the named colleagues included.
    for (const user of [memberA, colleagueA, memberB, colleagueB]) {
      const [mail] = await t.ctx.db.$client<{ subject: string; text: string }[]>`
        select subject, text from emails where "to" = ${user.email} order by created_at desc, id desc limit 1`;
      expect(mail!.subject).toMatch(/^Rendez-vous confirmé/);
      expect(mail!.text).toMatch(/^Représentants : .+, .+$/m);
    }
    const names = (await t.call(memberA, 'GET', `/bookings/${b.id}`)).json().representatives.map((r: { name: string }) => r.name);
    const confirmation = (
      await t.ctx.db.$client<{ text: string }[]>`select text from emails where "to" = ${memberA.email} order by created_at desc, id desc limit 1`
    )[0]!;
    for (const name of names) expect(confirmation.text).toContain(name);

    res = await t.call(memberA, 'POST', `/bookings/${b.id}/reschedule`, { option: option('2026-10-05', '16:00'), version: b.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await attendeesInDb(b.id)).toEqual({ [firmA]: colleagueAId, [firmB]: colleagueBId });
    const moved = await lastIcs(memberB);
    expect(Number(moved.sequence)).toBe(1);
    expect(attendeeEmails(moved)).toEqual([colleagueA.email, colleagueB.email].sort());
    expect(await attendeesInDb(b.id)).not.toHaveProperty(firmA, memberAId);
  });

  it('takes the representative named with a counter-proposal, and the acting person by default', async () => {
    const [colleagueBId, memberAId] = [colleagueB.id, memberA.id];
    let b = (await propose(memberA, { recipientId: firmB, subject: 'Carton', options: [option('2026-10-06', '09:00'), option('2026-10-06', '10:30')] })).json();
    expect(repsOf(b)).toEqual({ [firmA]: memberAId });
    const res = await answer(memberB, b.id, {
      action: 'counter',
      options: [option('2026-10-06', '14:00')],
      representativeId: colleagueBId,
      version: b.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    b = res.json();
    expect(repsOf(b)).toEqual({ [firmA]: memberAId, [firmB]: colleagueBId });
    b = (await answer(memberA, b.id, { action: 'accept', optionId: b.options[0].id, version: b.version })).json();
    expect(b.status).toBe('accepted');
    expect(await attendeesInDb(b.id)).toEqual({ [firmA]: memberAId, [firmB]: colleagueBId });
  });
  it('falls back to the member who proposed when the named person has left the firm before the answer', async () => {
    const leaving = await t.newUser('member', { organisationId: firmA });
    const b = (
      await propose(memberA, {
        recipientId: firmB,
        subject: 'Huiles usagées',
        representativeId: leaving.id,
        options: [option('2026-10-12', '09:00'), option('2026-10-12', '10:30')],
      })
    ).json();
    expect(repsOf(b)).toEqual({ [firmA]: leaving.id });
    const gone = await t.app.inject({ method: 'DELETE', url: '/api/v1/account', headers: { cookie: leaving.cookie }, payload: { password: PASSWORD } });
    expect(gone.statusCode).toBe(204);
    const accepted = await answer(memberB, b.id, { action: 'accept', optionId: b.options[0].id, version: b.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await attendeesInDb(b.id)).toEqual({ [firmA]: memberA.id, [firmB]: memberB.id });
  });
});

describe('bad representatives', () => {
  const bookingCount = async () => (await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from bookings`)[0]!.n;

  it('refuses anyone but an active member of the acting firm, with a 422 that changes nothing', async () => {
    const [colleagueBId, memberCId] = [colleagueB.id, memberC.id];
    const facilitatorId = facilitator.id;
    const count = await bookingCount();
    const base = { recipientId: firmB, subject: 'Glassine', options: [option('2026-10-07', '09:00'), option('2026-10-07', '10:30')] };
    for (const representativeId of [colleagueBId, memberCId, facilitatorId, invitedA, '00000000-0000-4000-8000-000000000000']) {
      const res = await propose(memberA, { ...base, representativeId });
      expect(res.statusCode, representativeId).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'invalid_representative' });
      expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'body.representativeId' }));
    }
    const malformed = await propose(memberA, { ...base, representativeId: 'quelqu-un' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(await bookingCount()).toBe(count);

    // A counter-proposal or an acceptance naming someone of the other firm changes nothing either.
    const b = (await propose(memberA, base)).json();
    const memberAId = memberA.id;
    for (const body of [
      { action: 'counter', options: [option('2026-10-07', '14:00')], representativeId: memberAId, version: b.version },
      { action: 'accept', optionId: b.options[0].id, representativeId: memberAId, version: b.version },
      { action: 'accept', optionId: b.options[0].id, representativeId: invitedA, version: b.version },
    ]) {
      const res = await answer(memberB, b.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().code).toBe('invalid_representative');
    }
    const after = (await t.call(memberB, 'GET', `/bookings/${b.id}`)).json();
    expect(after).toMatchObject({ status: 'proposed', version: b.version, round: 1, awaitingId: firmB });
    expect(after.messages).toHaveLength(1);
    expect(await attendeesInDb(b.id)).toEqual({});
  });
});

describe('double booking of the chosen person', () => {
  it('refuses the same representative twice at overlapping times, and allows two different ones', async () => {
    const colleagueAId = colleagueA.id;
    const options = [option('2026-10-08', '09:00'), option('2026-10-08', '14:00')];
    // Both of firm A's meetings seat its colleague; the second one overlaps by half an hour.
    const toB = (await propose(memberA, { recipientId: firmB, subject: 'Transport mutualisé', representativeId: colleagueAId, options })).json();
    const toC = (
      await propose(memberA, {
        recipientId: firmC,
        subject: 'Machine de contrôle',
        representativeId: colleagueAId,
        options: [option('2026-10-08', '09:30'), option('2026-10-08', '15:30')],
      })
    ).json();
    expect((await answer(memberB, toB.id, { action: 'accept', optionId: toB.options[0].id, version: toB.version })).statusCode).toBe(200);
    const clash = await answer(memberC, toC.id, { action: 'accept', optionId: toC.options[0].id, version: toC.version });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toContain('application/problem+json');
    expect(clash.json().code).toBe('double_booked');
    expect((await t.call(memberC, 'GET', `/bookings/${toC.id}`)).json()).toMatchObject({ status: 'proposed', version: toC.version });
    expect(await attendeesInDb(toC.id)).toEqual({});

    // Firm A sends someone else to the same hour with C: both meetings hold.
    const memberAId = memberA.id;
    const other = (
      await propose(memberA, {
        recipientId: firmC,
        subject: 'Bois de calage',
        representativeId: memberAId,
        options: [option('2026-10-08', '09:00'), option('2026-10-08', '11:00')],
      })
    ).json();
    const ok = await answer(memberC, other.id, { action: 'accept', optionId: other.options[0].id, version: other.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await attendeesInDb(other.id)).toMatchObject({ [firmA]: memberAId });
  });

  it('lets exactly one of two parallel acceptances seating the same representative win', async () => {
    const colleagueAId = colleagueA.id;
    const options = [option('2026-10-09', '09:00'), option('2026-10-09', '14:00')];
    const toB = (await propose(memberA, { recipientId: firmB, subject: 'Chaleur fatale', representativeId: colleagueAId, options })).json();
    const toC = (await propose(memberA, { recipientId: firmC, subject: 'Compétences partagées', representativeId: colleagueAId, options })).json();
    const answers = await Promise.all([
      answer(memberB, toB.id, { action: 'accept', optionId: toB.options[0].id, version: toB.version }),
      answer(memberC, toC.id, { action: 'accept', optionId: toC.options[0].id, version: toC.version }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().code).toBe('double_booked');
    const [row] = await t.ctx.db.$client<{ n: number }[]>`
      select count(*)::int as n from booking_attendees where booking_id in (${toB.id}, ${toC.id}) and user_id = ${colleagueAId}`;
    expect(row!.n).toBe(1);
  });
});
