import type { BookingPlace, BookingStatus } from '@synergies/shared';
import type postgres from 'postgres';
import type { RawSql } from '../../infra/db';

// drizzle makes postgres.js pass timestamps through as text: instants are bound and read as ISO strings.
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface BookingRow {
  id: string;
  zone_id: string;
  proposer_id: string;
  recipient_id: string;
  organisation_a: string;
  organisation_b: string;
  subject_key: string;
  subject: string;
  synergy_ids: string[];
  declaration_ids: string[];
  from_suggestion: boolean;
  place: BookingPlace;
  video_url: string | null;
  association_id: string | null;
  status: BookingStatus;
  awaiting_id: string | null;
  expires_at: string | null;
  starts_at: string | null;
  ends_at: string | null;
  ics_sequence: number;
  decline_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  answered_at: string | null;
  version: number;
}

export interface OptionRow {
  id: string;
  booking_id: string;
  round: number;
  proposed_by: string;
  starts_at: string;
  ends_at: string;
}

export interface AttendeeRow {
  booking_id: string;
  organisation_id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  starts_at: string;
  ends_at: string;
  outcome: 'held' | 'no_show' | null;
  notes: string;
  advance: boolean;
  version: number;
}

/** Constraint names the service turns into domain errors. */
export const OPEN_SUBJECT_CONSTRAINT = 'bookings_open_subject_key';
export const NO_OVERLAP_CONSTRAINT = 'booking_attendees_no_overlap';

export function isViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint_name?: string };
  return (e?.code === '23505' || e?.code === '23P01') && e.constraint_name === constraint;
}

export async function insertBooking(
  sql: RawSql,
  v: Pick<
    BookingRow,
    | 'zone_id'
    | 'proposer_id'
    | 'recipient_id'
    | 'subject_key'
    | 'subject'
    | 'synergy_ids'
    | 'declaration_ids'
    | 'from_suggestion'
    | 'place'
    | 'video_url'
    | 'association_id'
    | 'awaiting_id'
    | 'created_by'
  > & { expires_at: Date; created_at: Date },
): Promise<BookingRow> {
  const [a, b] = [v.proposer_id, v.recipient_id].sort() as [string, string];
  const [row] = await sql<BookingRow[]>`
    insert into bookings (zone_id, proposer_id, recipient_id, organisation_a, organisation_b, subject_key, subject, synergy_ids, declaration_ids,
                          from_suggestion, place, video_url, association_id, awaiting_id, expires_at, created_by, created_at, updated_at)
    values (${v.zone_id}, ${v.proposer_id}, ${v.recipient_id}, ${a}, ${b}, ${v.subject_key}, ${v.subject}, ${v.synergy_ids}::uuid[], ${v.declaration_ids}::uuid[],
            ${v.from_suggestion}, ${v.place}, ${v.video_url}, ${v.association_id}, ${v.awaiting_id}, ${iso(v.expires_at)}, ${v.created_by}, ${iso(v.created_at)}, ${iso(v.created_at)})
    returning *`;
  return row!;
}

/** The open proposal a duplicate ran into, to name it in the 409. */
export async function findOpenBooking(sql: RawSql, proposerId: string, recipientId: string, subjectKey: string): Promise<string | undefined> {
  const [a, b] = [proposerId, recipientId].sort() as [string, string];
  const [row] = await sql<{ id: string }[]>`
    select id from bookings where organisation_a = ${a} and organisation_b = ${b} and subject_key = ${subjectKey} and status = 'proposed'`;
  return row?.id;
}

export async function findBooking(sql: RawSql, id: string): Promise<BookingRow | undefined> {
  const [row] = await sql<BookingRow[]>`select * from bookings where id = ${id}`;
  return row;
}

type BookingChange = Partial<Pick<BookingRow, 'status' | 'awaiting_id' | 'decline_reason'>> & {
  expires_at?: Date | null;
  starts_at?: Date | null;
  ends_at?: Date | null;
  answered_at?: Date | null;
  bumpSequence?: boolean;
};

/** Applies a change only if `version` is still current; undefined otherwise (409 for the caller). */
export async function updateBooking(sql: RawSql, id: string, version: number, change: BookingChange, now: Date): Promise<BookingRow | undefined> {
  const { bumpSequence, ...fields } = change;
  const set: Record<string, unknown> = { updated_at: now.toISOString() };
  for (const [key, value] of Object.entries(fields)) set[key] = value instanceof Date ? value.toISOString() : value;
  const [row] = await sql<BookingRow[]>`
    update bookings set ${sql(set as Record<string, postgres.ParameterOrJSON<never>>)}, version = version + 1,
      ics_sequence = ics_sequence + ${bumpSequence ? 1 : 0}
    where id = ${id} and version = ${version}
    returning *`;
  return row;
}

export async function insertOptions(sql: RawSql, bookingId: string, round: number, proposedBy: string, options: { start: Date; end: Date }[]): Promise<void> {
  const rows = options.map((o) => ({ booking_id: bookingId, round, proposed_by: proposedBy, starts_at: o.start.toISOString(), ends_at: o.end.toISOString() }));
  await sql`insert into booking_options ${sql(rows)}`;
}

export function optionsOf(sql: RawSql, bookingId: string) {
  return sql<OptionRow[]>`select * from booking_options where booking_id = ${bookingId} order by round, starts_at`;
}

/** The latest round of time options offered (0 before any). */
export async function lastRound(sql: RawSql, bookingId: string): Promise<number> {
  const [row] = await sql<{ round: number }[]>`select coalesce(max(round), 0)::int as round from booking_options where booking_id = ${bookingId}`;
  return row!.round;
}

export async function insertMessage(
  sql: RawSql,
  m: {
    bookingId: string;
    kind: string;
    authorId: string | null;
    organisationId: string | null;
    body?: string;
    round?: number | null;
    representativeId?: string | null;
    at: Date;
  },
): Promise<void> {
  await sql`insert into booking_messages (booking_id, kind, author_id, organisation_id, body, round, representative_id, created_at)
            values (${m.bookingId}, ${m.kind}, ${m.authorId}, ${m.organisationId}, ${m.body ?? ''}, ${m.round ?? null}, ${m.representativeId ?? null}, ${m.at.toISOString()})`;
}

/**
 * Each firm's representative as last named in the thread (a proposal, a counter-proposal or the
 * acceptance; a message without one names its author), latest first per firm.
 */
export function namedRepresentatives(sql: RawSql, bookingId: string) {
  return sql<{ organisation_id: string; user_id: string; name: string; author_id: string | null }[]>`
    select distinct on (m.organisation_id) m.organisation_id, u.id as user_id, u.display_name as name, m.author_id
    from booking_messages m join users u on u.id = coalesce(m.representative_id, m.author_id)
    where m.booking_id = ${bookingId} and m.organisation_id is not null and m.kind in ('proposed', 'countered', 'accepted')
    order by m.organisation_id, m.position desc`;
}

/** Whether the person can attend for the firm: a member of it whose account is activated and not deleted. */
export async function isActiveMember(sql: RawSql, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await sql<{ ok: boolean }[]>`
    select exists (select 1 from users where id = ${userId} and organisation_id = ${organisationId} and role = 'member'
                   and deleted_at is null and password_hash is not null) as ok`;
  return row!.ok;
}

export function messagesOf(sql: RawSql, bookingId: string) {
  return sql<
    { id: string; kind: string; author_name: string | null; organisation_id: string | null; body: string; round: number | null; created_at: string }[]
  >`
    select m.id, m.kind, u.display_name as author_name, m.organisation_id, m.body, m.round, m.created_at
    from booking_messages m left join users u on u.id = m.author_id
    where m.booking_id = ${bookingId} order by m.position`;
}

export function attendeesOf(sql: RawSql, bookingIds: string[]) {
  return sql<AttendeeRow[]>`
    select a.*, u.display_name as user_name, u.email as user_email
    from booking_attendees a join users u on u.id = a.user_id
    where a.booking_id = any(${bookingIds}::uuid[]) order by a.organisation_id`;
}

export async function insertAttendees(
  sql: RawSql,
  bookingId: string,
  rows: { organisationId: string; userId: string }[],
  start: Date,
  end: Date,
): Promise<void> {
  await sql`insert into booking_attendees ${sql(rows.map((r) => ({ booking_id: bookingId, organisation_id: r.organisationId, user_id: r.userId, starts_at: start.toISOString(), ends_at: end.toISOString() })))}`;
}

export async function moveAttendees(sql: RawSql, bookingId: string, start: Date, end: Date): Promise<void> {
  await sql`update booking_attendees set starts_at = ${start.toISOString()}, ends_at = ${end.toISOString()}, version = version + 1 where booking_id = ${bookingId}`;
}

export async function deleteAttendees(sql: RawSql, bookingId: string): Promise<void> {
  await sql`delete from booking_attendees where booking_id = ${bookingId}`;
}

export async function updateOutcome(
  sql: RawSql,
  bookingId: string,
  organisationId: string,
  version: number,
  v: { outcome: 'held' | 'no_show'; notes: string; advance: boolean },
): Promise<boolean> {
  const rows = await sql`
    update booking_attendees set outcome = ${v.outcome}, notes = ${v.notes}, advance = ${v.advance}, version = version + 1
    where booking_id = ${bookingId} and organisation_id = ${organisationId} and version = ${version} returning booking_id`;
  return rows.length === 1;
}

/** Bookings a firm is part of, latest first. */
export function bookingsOfFirm(sql: RawSql, organisationId: string, status?: BookingStatus) {
  return sql<BookingRow[]>`
    select * from bookings where (proposer_id = ${organisationId} or recipient_id = ${organisationId})
      ${status ? sql`and status = ${status}` : sql``}
    order by coalesce(starts_at, created_at) desc limit 500`;
}

/** Bookings of a zone, or those involving an association's members. */
export function bookingsOfScope(sql: RawSql, scope: { zoneId?: string; associationId?: string }, status?: BookingStatus) {
  return sql<BookingRow[]>`
    select b.* from bookings b
    where ${scope.zoneId ? sql`b.zone_id = ${scope.zoneId}` : sql`true`}
      ${scope.associationId ? sql`and exists (select 1 from association_members m where m.association_id = ${scope.associationId} and m.organisation_id in (b.proposer_id, b.recipient_id))` : sql``}
      ${status ? sql`and b.status = ${status}` : sql``}
    order by b.created_at desc limit 500`;
}

export function organisations(sql: RawSql, ids: string[]) {
  return sql<{ id: string; name: string; zone_id: string; archived: boolean; address: string }[]>`
    select o.id, o.name, o.zone_id, o.archived,
      coalesce((select concat_ws(', ', nullif(s.address, ''), nullif(concat_ws(' ', nullif(s.postal_code, ''), nullif(s.city, '')), ''))
                from sites s where s.organisation_id = o.id order by s.name, s.id limit 1), '') as address
    from organisations o where o.id = any(${ids}::uuid[])`;
}

export function synergies(sql: RawSql, ids: string[]) {
  return sql<
    {
      id: string;
      zone_id: string;
      title: string;
      status: 'proposed' | 'under_discussion' | 'in_study' | 'implemented' | 'dropped';
      origin: string;
      version: number;
      organisation_ids: string[];
    }[]
  >`
    select s.id, s.zone_id, s.title, s.status, s.origin, s.version,
      array(select p.organisation_id from synergy_parties p where p.synergy_id = s.id) as organisation_ids
    from synergies s where s.id = any(${ids}::uuid[])`;
}

export function declarations(sql: RawSql, ids: string[]) {
  return sql<{ id: string; title: string; kind: 'offer' | 'need'; organisation_id: string }[]>`
    select id, title, kind, organisation_id from declarations where id = any(${ids}::uuid[])`;
}

export async function association(sql: RawSql, id: string) {
  const [row] = await sql<{ id: string; name: string; premises: string; zone_id: string; member_ids: string[] }[]>`
    select a.id, a.name, a.premises, a.zone_id, array(select m.organisation_id from association_members m where m.association_id = a.id) as member_ids
    from associations a where a.id = ${id}`;
  return row;
}

/** Whether the user organises an association one of these firms belongs to. */
export async function organisesAnyOf(sql: RawSql, userId: string, organisationIds: string[]): Promise<boolean> {
  const [row] = await sql<{ ok: boolean }[]>`
    select exists (select 1 from association_organisers o join association_members m on m.association_id = o.association_id
                   where o.user_id = ${userId} and m.organisation_id = any(${organisationIds}::uuid[])) as ok`;
  return row!.ok;
}

export async function organises(sql: RawSql, userId: string, associationId: string): Promise<boolean> {
  const [row] = await sql<
    { ok: boolean }[]
  >`select exists (select 1 from association_organisers where user_id = ${userId} and association_id = ${associationId}) as ok`;
  return row!.ok;
}

/** People who speak for these firms, to email them. */
export function membersOf(sql: RawSql, organisationIds: string[]) {
  return sql<{ id: string; email: string; display_name: string; organisation_id: string; locale: 'fr' | 'en' }[]>`
    select id, email, display_name, organisation_id, locale from users
    where organisation_id = any(${organisationIds}::uuid[]) and role = 'member' order by display_name`;
}

// Availability ------------------------------------------------------------------------------------

export async function availabilityOf(sql: RawSql, organisationIds: string[]) {
  return sql<{ organisation_id: string; weekly: { weekday: number; start: string; end: string }[]; unavailable_days: string[]; version: number }[]>`
    select organisation_id, weekly, array(select to_char(d, 'YYYY-MM-DD') from unnest(unavailable_days) d order by d) as unavailable_days, version
    from firm_availability where organisation_id = any(${organisationIds}::uuid[])`;
}

/** Creates the row at version 0 → 1, or updates it if `version` is current. */
export async function saveAvailability(
  sql: RawSql,
  organisationId: string,
  version: number,
  weekly: unknown,
  unavailableDays: string[],
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const rows = await sql`insert into firm_availability (organisation_id, weekly, unavailable_days, updated_at)
      values (${organisationId}, ${JSON.stringify(weekly)}::jsonb, ${unavailableDays}::text[]::date[], ${now.toISOString()}) on conflict do nothing returning organisation_id`;
    return rows.length === 1;
  }
  const rows = await sql`update firm_availability set weekly = ${JSON.stringify(weekly)}::jsonb, unavailable_days = ${unavailableDays}::text[]::date[],
      updated_at = ${now.toISOString()}, version = version + 1 where organisation_id = ${organisationId} and version = ${version} returning organisation_id`;
  return rows.length === 1;
}

// What already fills calendars ---------------------------------------------------------------------

/** A firm's confirmed and cancelled bookings overlapping [from, to), for its agenda and calendar feed. */
export function calendarBookingsOf(sql: RawSql, organisationId: string, from: Date, to: Date) {
  return sql<BookingRow[]>`
    select * from bookings where status in ('accepted', 'cancelled') and starts_at is not null
      and (proposer_id = ${organisationId} or recipient_id = ${organisationId})
      and starts_at < ${to.toISOString()} and ends_at > ${from.toISOString()} order by starts_at`;
}

/** Accepted bookings of these firms overlapping [from, to). */
export function acceptedBookingsOf(sql: RawSql, organisationIds: string[], from: Date, to: Date) {
  return sql<BookingRow[]>`
    select * from bookings where status = 'accepted' and (proposer_id = any(${organisationIds}::uuid[]) or recipient_id = any(${organisationIds}::uuid[]))
      and starts_at < ${to.toISOString()} and ends_at > ${from.toISOString()} order by starts_at`;
}

export interface EventMeetingRow {
  meeting_id: string;
  request_id: string;
  event_id: string;
  event_name: string;
  date: string;
  time_zone: string;
  slot_start: string;
  duration_minutes: number;
  table_name: string;
  status: string;
  organisation_ids: string[];
  updated_at: string;
  version: number;
}

/** Meetings of published event schedules involving these firms, between two dates. */
export function eventMeetingsOf(sql: RawSql, organisationIds: string[], fromDate: string, toDate: string) {
  return sql<EventMeetingRow[]>`
    select m.id as meeting_id, m.request_id, e.id as event_id, e.name as event_name, to_char(e.date, 'YYYY-MM-DD') as date, e.time_zone,
           slot->>'start' as slot_start, (slot->>'durationMinutes')::int as duration_minutes,
           coalesce((select t->>'name' from jsonb_array_elements(e.tables) t where t->>'id' = m.table_id), m.table_id) as table_name,
           m.status, m.organisation_ids, m.updated_at, m.version
    from meetings m
    join meeting_events e on e.id = m.event_id and e.status = 'published'
    cross join lateral jsonb_array_elements(e.sessions) s
    cross join lateral jsonb_array_elements(s->'slots') slot
    where slot->>'id' = m.slot_id and m.organisation_ids && ${organisationIds}::uuid[]
      and e.date between ${fromDate}::date and ${toDate}::date`;
}

// Expiry, reminders, feed, activity -----------------------------------------------------------------

/** Closes every proposal past its time limit; returns them for the notices. */
export function expireDue(sql: RawSql, now: Date) {
  return sql<BookingRow[]>`
    update bookings set status = 'expired', awaiting_id = null, updated_at = ${now.toISOString()}, version = version + 1
    where status = 'proposed' and expires_at <= ${now.toISOString()} returning *`;
}

export async function feedUser(sql: RawSql, tokenHash: string) {
  const [row] = await sql<{ user_id: string; organisation_id: string | null; display_name: string; locale: 'fr' | 'en' }[]>`
    select f.user_id, u.organisation_id, u.display_name, u.locale from calendar_feeds f join users u on u.id = f.user_id where f.token_hash = ${tokenHash}`;
  return row;
}

export async function feedOf(sql: RawSql, userId: string) {
  const [row] = await sql<{ created_at: string }[]>`select created_at from calendar_feeds where user_id = ${userId}`;
  return row;
}

/** One feed per person: a new secret replaces the old one, which stops working at once. */
export async function replaceFeed(sql: RawSql, userId: string, tokenHash: string, now: Date): Promise<void> {
  await sql`insert into calendar_feeds (user_id, token_hash, created_at) values (${userId}, ${tokenHash}, ${now.toISOString()})
            on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at`;
}

export async function deleteFeed(sql: RawSql, userId: string): Promise<void> {
  await sql`delete from calendar_feeds where user_id = ${userId}`;
}

/** Per month (Paris): proposals made, meetings held (a firm said so), proposals declined, and those from a suggestion. */
export function activity(sql: RawSql, scope: { zoneId?: string; associationId?: string }) {
  return sql<{ month: string; proposed: number; held: number; declined: number; from_suggestion: number }[]>`
    with scoped as (
      select b.* from bookings b
      where ${scope.zoneId ? sql`b.zone_id = ${scope.zoneId}` : sql`true`}
        ${scope.associationId ? sql`and exists (select 1 from association_members m where m.association_id = ${scope.associationId} and m.organisation_id in (b.proposer_id, b.recipient_id))` : sql``}
    ), facts as (
      select to_char(created_at at time zone 'Europe/Paris', 'YYYY-MM') as month, 1 as proposed, 0 as held, 0 as declined, from_suggestion::int as from_suggestion from scoped
      union all
      select to_char(starts_at at time zone 'Europe/Paris', 'YYYY-MM'), 0, 1, 0, 0 from scoped s
        where s.status = 'accepted' and exists (select 1 from booking_attendees a where a.booking_id = s.id and a.outcome = 'held')
      union all
      select to_char(coalesce(answered_at, updated_at) at time zone 'Europe/Paris', 'YYYY-MM'), 0, 0, 1, 0 from scoped where status = 'declined'
    )
    select month, sum(proposed)::int as proposed, sum(held)::int as held, sum(declined)::int as declined, sum(from_suggestion)::int as from_suggestion
    from facts group by month order by month`;
}
