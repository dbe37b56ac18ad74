import type { WorkshopCounts, WorkshopPhase } from '@synergies/shared';
import type postgres from 'postgres';
import { rawSql, type Database, type RawSql, type Transaction } from '../../infra/db';

/** Drizzle's database or transaction, or a postgres.js one (the matching worker's transaction). */
type Db = Database | Transaction | RawSql;
const q = (db: Db): postgres.Sql => (typeof db === 'function' ? (db as postgres.Sql) : rawSql(db));
/** Timestamps arrive as Date or as text depending on the connection: one shape for the services. */
const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export interface WorkshopRow {
  id: string;
  zoneId: string;
  name: string;
  date: string;
  place: string;
  agenda: string;
  phase: WorkshopPhase;
  eventId: string | null;
  checkInCode: string;
  timerLabel: string | null;
  timerEndsAt: Date | null;
  version: number;
}

const WORKSHOP_COLUMNS = `id, zone_id as "zoneId", name, date, place, agenda, phase, event_id as "eventId", check_in_code as "checkInCode",
  timer_label as "timerLabel", timer_ends_at as "timerEndsAt", version`;

export async function findWorkshop(db: Db, id: string, lock = false): Promise<WorkshopRow | undefined> {
  const [row] = await q(db).unsafe<WorkshopRow[]>(`select ${WORKSHOP_COLUMNS} from workshops where id = $1 ${lock ? 'for update' : ''}`, [id]);
  return row && { ...row, timerEndsAt: toDate(row.timerEndsAt) };
}

/** Facilitators list a zone's workshops; members those their firm is invited to. */
export async function listWorkshops(db: Db, filter: { zoneIds: string[] | null; organisationId: string | null }) {
  return q(db)<{ id: string; zoneId: string; name: string; date: string; place: string; phase: WorkshopPhase; version: number }[]>`
    select w.id, w.zone_id as "zoneId", w.name, w.date, w.place, w.phase, w.version from workshops w
    where (${filter.zoneIds === null}::boolean or w.zone_id = any(${filter.zoneIds ?? []}::uuid[]))
       or exists (select 1 from workshop_firms f where f.workshop_id = w.id and f.organisation_id = ${filter.organisationId})
    order by w.date desc, w.name`;
}

export async function insertWorkshop(
  db: Db,
  v: { zoneId: string; name: string; date: string; place: string; agenda: string; eventId: string | null; checkInCode: string; createdBy: string; now: Date },
) {
  const [row] = await q(db)<{ id: string }[]>`
    insert into workshops (zone_id, name, date, place, agenda, event_id, check_in_code, created_by, created_at, updated_at)
    values (${v.zoneId}, ${v.name}, ${v.date}, ${v.place}, ${v.agenda}, ${v.eventId}, ${v.checkInCode}, ${v.createdBy}, ${v.now.toISOString()}, ${v.now.toISOString()}) returning id`;
  return row!.id;
}

/** Every change of the workshop row checks the version it read; 0 rows means someone changed it first. */
export async function updateWorkshop(
  db: Db,
  id: string,
  version: number,
  values: Partial<{
    name: string;
    date: string;
    place: string;
    agenda: string;
    eventId: string | null;
    phase: WorkshopPhase;
    timerLabel: string | null;
    timerEndsAt: Date | null;
  }>,
  now: Date,
): Promise<boolean> {
  const columns: Record<string, string> = {
    name: 'name',
    date: 'date',
    place: 'place',
    agenda: 'agenda',
    eventId: 'event_id',
    phase: 'phase',
    timerLabel: 'timer_label',
    timerEndsAt: 'timer_ends_at',
  };
  const set = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [columns[k]!, v instanceof Date ? v.toISOString() : v]),
  );
  const rows = await q(db)`
    update workshops set ${q(db)(set as Record<string, string>)}, updated_at = ${now.toISOString()}, version = version + 1
    where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}

export interface FirmRow {
  organisationId: string;
  name: string;
  headcount: number | null;
  joinCode: string;
  joined: boolean;
  checkedIn: boolean;
  cards: number;
}

export function firmsOf(db: Db, workshopId: string): Promise<FirmRow[]> {
  return q(db)<FirmRow[]>`
    select f.organisation_id as "organisationId", o.name, o.headcount, f.join_code as "joinCode",
           f.joined_at is not null as joined, f.checked_in_at is not null as "checkedIn",
           (select count(*)::int from workshop_cards c where c.workshop_id = f.workshop_id and c.organisation_id = f.organisation_id) as cards
    from workshop_firms f join organisations o on o.id = f.organisation_id
    where f.workshop_id = ${workshopId} order by o.name`;
}

export async function isInvited(db: Db, workshopId: string, organisationId: string): Promise<boolean> {
  const rows = await q(db)`select 1 from workshop_firms where workshop_id = ${workshopId} and organisation_id = ${organisationId}`;
  return rows.length === 1;
}

/** Zone organisations among `ids` (not archived). */
export async function zoneOrganisations(db: Db, zoneId: string, ids: string[]) {
  return q(db)<{ id: string; name: string }[]>`select id, name from organisations where zone_id = ${zoneId} and not archived and id = any(${ids}::uuid[])`;
}

/** Invites firms; an already invited firm keeps its code. Returns the ones newly invited. */
export async function inviteFirms(db: Db, workshopId: string, firms: { organisationId: string; joinCode: string }[], now: Date): Promise<string[]> {
  if (firms.length === 0) return [];
  const rows = await q(db)<{ organisationId: string }[]>`
    insert into workshop_firms ${q(db)(firms.map((f) => ({ workshop_id: workshopId, organisation_id: f.organisationId, join_code: f.joinCode, created_at: now.toISOString() })))}
    on conflict (workshop_id, organisation_id) do nothing returning organisation_id as "organisationId"`;
  return rows.map((r) => r.organisationId);
}

/** The linked event's participants follow the invitations (before publication). */
export async function addEventParticipants(db: Db, eventId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return;
  await q(db)`
    insert into meeting_participants ${q(db)(organisationIds.map((id) => ({ event_id: eventId, organisation_id: id })))}
    on conflict do nothing`;
}

export async function findByJoinCode(db: Db, code: string) {
  const [row] = await q(db)<
    {
      workshopId: string;
      organisationId: string;
      organisationName: string;
      zoneId: string;
      joinedAt: Date | null;
      workshopName: string;
      date: string;
      place: string;
    }[]
  >`
    select f.workshop_id as "workshopId", f.organisation_id as "organisationId", o.name as "organisationName", w.zone_id as "zoneId",
           f.joined_at as "joinedAt", w.name as "workshopName", w.date, w.place
    from workshop_firms f join workshops w on w.id = f.workshop_id join organisations o on o.id = f.organisation_id
    where f.join_code = ${code}`;
  return row;
}

/** Single use: only the first join of a code succeeds. */
export async function consumeJoinCode(db: Db, code: string, now: Date): Promise<boolean> {
  const rows = await q(db)`update workshop_firms set joined_at = ${now.toISOString()} where join_code = ${code} and joined_at is null returning 1`;
  return rows.length === 1;
}

export async function markJoined(db: Db, workshopId: string, organisationId: string, now: Date) {
  await q(
    db,
  )`update workshop_firms set joined_at = coalesce(joined_at, ${now.toISOString()}) where workshop_id = ${workshopId} and organisation_id = ${organisationId}`;
}

export async function renewJoinCode(db: Db, workshopId: string, organisationId: string, code: string): Promise<boolean> {
  const rows = await q(
    db,
  )`update workshop_firms set join_code = ${code}, joined_at = null where workshop_id = ${workshopId} and organisation_id = ${organisationId} returning 1`;
  return rows.length === 1;
}

/** Returns false when the firm was already checked in (a second scan changes nothing). */
export async function checkIn(db: Db, workshopId: string, organisationId: string, now: Date): Promise<boolean> {
  const rows = await q(db)`
    update workshop_firms set checked_in_at = ${now.toISOString()}, joined_at = coalesce(joined_at, ${now.toISOString()})
    where workshop_id = ${workshopId} and organisation_id = ${organisationId} and checked_in_at is null returning 1`;
  return rows.length === 1;
}

export async function insertCard(
  db: Db,
  v: { workshopId: string; declarationId: string; organisationId: string; enteredBy: string; byFacilitator: boolean; now: Date },
) {
  await q(db)`
    insert into workshop_cards (workshop_id, declaration_id, organisation_id, entered_by, by_facilitator, created_at)
    values (${v.workshopId}, ${v.declarationId}, ${v.organisationId}, ${v.enteredBy}, ${v.byFacilitator}, ${v.now.toISOString()})`;
}

export interface CardRow {
  declarationId: string;
  organisationId: string;
  organisationName: string;
  kind: 'offer' | 'need';
  categoryCode: string;
  title: string;
  quantity: number | null;
  unit: string;
  byFacilitator: boolean;
  createdAt: Date;
}

export async function cardsOf(db: Db, workshopId: string, organisationId?: string): Promise<CardRow[]> {
  const rows = await q(db)<CardRow[]>`
    select c.declaration_id as "declarationId", c.organisation_id as "organisationId", o.name as "organisationName", d.kind,
           d.category_code as "categoryCode", d.title, d.quantity::float8 as quantity, d.unit, c.by_facilitator as "byFacilitator", c.created_at as "createdAt"
    from workshop_cards c join declarations d on d.id = c.declaration_id join organisations o on o.id = c.organisation_id
    where c.workshop_id = ${workshopId} ${organisationId ? q(db)`and c.organisation_id = ${organisationId}` : q(db)``}
    order by c.created_at desc, c.declaration_id`;
  return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt)! }));
}

export interface LeadRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  score: number | null;
  categoryCode: string | null;
  validated: boolean;
  version: number;
  zoneId: string;
}

/**
 * The workshop's leads: synergies of its zone, not dropped, between at least two of its firms.
 * The theme is the category of the offer (or any declaration) the lead is about.
 */
export function leadsOf(db: Db, workshopId: string, leadId?: string): Promise<LeadRow[]> {
  return q(db)<LeadRow[]>`
    select s.id, s.title, s.kind, s.status, s.score, s.validated_at is not null as validated, s.version, s.zone_id as "zoneId",
           (select d.category_code from synergy_declarations sd join declarations d on d.id = sd.declaration_id
             where sd.synergy_id = s.id order by (d.kind = 'offer') desc, d.id limit 1) as "categoryCode"
    from synergies s join workshops w on w.id = ${workshopId} and w.zone_id = s.zone_id
    where s.status <> 'dropped' ${leadId ? q(db)`and s.id = ${leadId}` : q(db)``}
      and (select count(*) from synergy_parties p join workshop_firms f on f.organisation_id = p.organisation_id and f.workshop_id = w.id
           where p.synergy_id = s.id) >= 2
    order by s.score desc nulls last, s.created_at, s.id`;
}

export function partiesOf(db: Db, synergyIds: string[]) {
  return q(db)<{ synergyId: string; organisationId: string; organisationName: string; declarationTitle: string | null; role: string }[]>`
    select p.synergy_id as "synergyId", p.organisation_id as "organisationId", o.name as "organisationName", d.title as "declarationTitle", p.role
    from synergy_parties p join organisations o on o.id = p.organisation_id left join declarations d on d.id = p.declaration_id
    where p.synergy_id = any(${synergyIds}::uuid[]) order by o.name`;
}

export async function counts(db: Db, workshopId: string): Promise<WorkshopCounts> {
  const [row] = await q(db)<Omit<WorkshopCounts, 'leads' | 'validatedLeads'>[]>`
    select count(*)::int as firms, coalesce(sum(o.headcount), 0)::int as employees,
           count(*) filter (where f.joined_at is not null)::int as joined, count(*) filter (where f.checked_in_at is not null)::int as "checkedIn",
           (select count(*)::int from workshop_cards c where c.workshop_id = ${workshopId}) as cards,
           (select count(*)::int from workshop_cards c join declarations d on d.id = c.declaration_id where c.workshop_id = ${workshopId} and d.kind = 'offer') as haves,
           (select count(*)::int from workshop_cards c join declarations d on d.id = c.declaration_id where c.workshop_id = ${workshopId} and d.kind = 'need') as needs
    from workshop_firms f join organisations o on o.id = f.organisation_id where f.workshop_id = ${workshopId}`;
  const leads = await leadsOf(db, workshopId);
  return { ...row!, leads: leads.length, validatedLeads: leads.filter((l) => l.validated).length };
}

/** A lead edit: the version read goes into the UPDATE, so of two concurrent edits only the first applies. */
export async function renameLead(db: Db, id: string, version: number, title: string, now: Date): Promise<boolean> {
  const rows = await q(
    db,
  )`update synergies set title = ${title}, updated_at = ${now.toISOString()}, version = version + 1 where id = ${id} and version = ${version} returning 1`;
  return rows.length === 1;
}

export async function validateLead(db: Db, id: string, version: number, userId: string, now: Date): Promise<boolean> {
  const rows = await q(db)`
    update synergies set validated_by = ${userId}, validated_at = coalesce(validated_at, ${now.toISOString()}), updated_at = ${now.toISOString()}, version = version + 1
    where id = ${id} and version = ${version} returning 1`;
  return rows.length === 1;
}

/** The duplicate is dropped (its history says into which lead); its firms and declarations join the kept lead. */
export async function mergeLead(
  db: Db,
  duplicate: { id: string; version: number },
  into: { id: string; version: number; title: string },
  userId: string,
  now: Date,
): Promise<boolean> {
  const sql = q(db);
  const note = `Doublon fusionné dans « ${into.title} »`;
  const dropped = await sql`
    update synergies set status = 'dropped', drop_reason = ${note}, updated_at = ${now.toISOString()}, version = version + 1
    where id = ${duplicate.id} and version = ${duplicate.version} and status <> 'dropped' returning 1`;
  if (dropped.length !== 1) return false;
  const kept =
    await sql`update synergies set updated_at = ${now.toISOString()}, version = version + 1 where id = ${into.id} and version = ${into.version} returning 1`;
  if (kept.length !== 1) return false;
  await sql`
    insert into synergy_parties (synergy_id, organisation_id, declaration_id, role)
    select ${into.id}, organisation_id, declaration_id, role from synergy_parties where synergy_id = ${duplicate.id}
    on conflict do nothing`;
  await sql`
    insert into synergy_declarations (synergy_id, declaration_id)
    select ${into.id}, declaration_id from synergy_declarations where synergy_id = ${duplicate.id} on conflict do nothing`;
  await sql`insert into synergy_events (synergy_id, type, from_status, to_status, user_id, note, at) values (${duplicate.id}, 'merged', null, 'dropped', ${userId}, ${note}, ${now.toISOString()})`;
  return true;
}

export async function addLeadEvent(db: Db, synergyId: string, type: string, userId: string, note: string | null, now: Date) {
  await q(db)`insert into synergy_events (synergy_id, type, user_id, note, at) values (${synergyId}, ${type}, ${userId}, ${note}, ${now.toISOString()})`;
}

export async function insertDisplayToken(db: Db, v: { workshopId: string; tokenHash: string; label: string; createdBy: string; now: Date }) {
  const [row] = await q(db)<{ id: string; createdAt: Date }[]>`
    insert into workshop_display_tokens (workshop_id, token_hash, label, created_by, created_at)
    values (${v.workshopId}, ${v.tokenHash}, ${v.label}, ${v.createdBy}, ${v.now.toISOString()}) returning id, created_at as "createdAt"`;
  return { id: row!.id, createdAt: toDate(row!.createdAt)! };
}

export async function displayTokensOf(db: Db, workshopId: string) {
  const rows = await q(db)<{ id: string; label: string; createdAt: Date; revokedAt: Date | null }[]>`
    select id, label, created_at as "createdAt", revoked_at as "revokedAt" from workshop_display_tokens where workshop_id = ${workshopId} order by created_at`;
  return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt)!, revokedAt: toDate(r.revokedAt) }));
}

export async function revokeDisplayToken(db: Db, workshopId: string, id: string, now: Date): Promise<boolean> {
  const rows = await q(
    db,
  )`update workshop_display_tokens set revoked_at = coalesce(revoked_at, ${now.toISOString()}) where workshop_id = ${workshopId} and id = ${id} returning 1`;
  return rows.length === 1;
}

/** The workshop a live (unrevoked) display token opens. */
export async function workshopOfDisplayToken(db: Db, tokenHash: string): Promise<string | undefined> {
  const [row] = await q(db)<
    { workshopId: string }[]
  >`select workshop_id as "workshopId" from workshop_display_tokens where token_hash = ${tokenHash} and revoked_at is null`;
  return row?.workshopId;
}

export async function meetingFigures(db: Db, eventId: string) {
  const [row] = await q(db)<{ scheduled: number; held: number; noShow: number }[]>`
    select count(*) filter (where status <> 'cancelled')::int as scheduled, count(*) filter (where status = 'done')::int as held,
           count(*) filter (where status = 'no_show')::int as "noShow"
    from meetings where event_id = ${eventId}`;
  return row!;
}

/** Leads of the workshop that firms took further than a proposal. */
export async function startedSynergies(db: Db, workshopId: string): Promise<number> {
  const leads = await leadsOf(db, workshopId);
  return leads.filter((l) => ['under_discussion', 'in_study', 'implemented'].includes(l.status)).length;
}

/** Workshops still collecting or sorting leads that hold a card among `declarationIds`. */
export async function liveWorkshopsOfDeclarations(db: Db, declarationIds: string[]): Promise<string[]> {
  if (declarationIds.length === 0) return [];
  const rows = await q(db)<{ id: string }[]>`
    select distinct w.id from workshop_cards c join workshops w on w.id = c.workshop_id
    where c.declaration_id = any(${declarationIds}::uuid[]) and w.phase in ('setup', 'cards', 'board', 'requests')`;
  return rows.map((r) => r.id);
}
