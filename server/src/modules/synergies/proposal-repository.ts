import type postgres from 'postgres';

/*
 * The engine's writes. Raw SQL on the postgres.js transaction, not drizzle: a zone rematch
 * writes thousands of proposals, so rows go in as one `jsonb_to_recordset` statement per
 * batch and independent inserts are pipelined on the connection (drizzle builds one
 * parameter per value and awaits statement by statement).
 */
export type Sql = postgres.TransactionSql;

export interface ExistingProposal {
  id: string;
  proposal_key: string;
  status: string;
  fingerprint: string | null;
  drop_reason: string | null;
}

export interface ProposalValues {
  score: number;
  reasons: unknown[];
  explanationFr: string;
  explanationEn: string;
  fingerprint: string;
}

export function proposalsByKey(sql: Sql, keys: string[]): Promise<ExistingProposal[]> | ExistingProposal[] {
  if (keys.length === 0) return [];
  return sql<ExistingProposal[]>`select id, proposal_key, status, fingerprint, drop_reason from synergies where proposal_key = any(${keys})`;
}

/** A dropped proposal proposed again: open, unanswered, with a history line. */
export async function repropose(sql: Sql, id: string, p: ProposalValues, nowIso: string) {
  await sql`update synergies set status = 'proposed', drop_reason = null, score = ${p.score}, reasons = ${JSON.stringify(p.reasons)}::jsonb,
              explanation_fr = ${p.explanationFr}, explanation_en = ${p.explanationEn}, fingerprint = ${p.fingerprint},
              updated_at = ${nowIso}, version = version + 1 where id = ${id}`;
  await sql`update synergy_parties set accepted_at = null, declined_at = null where synergy_id = ${id}`;
  await sql`insert into synergy_events (synergy_id, type, from_status, to_status, at)
            values (${id}, 'reproposed', 'dropped', 'proposed', ${nowIso})`;
}

/** New scores and explanations of open proposals, written only where they changed. */
export async function refresh(
  sql: Sql,
  values: { id: string; score: number; reasons: unknown[]; fr: string; en: string; fingerprint: string }[],
  nowIso: string,
): Promise<number> {
  const result = await sql`
    update synergies s set score = v.score, reasons = v.reasons, explanation_fr = v.fr, explanation_en = v.en, fingerprint = v.fingerprint, updated_at = ${nowIso}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, score float8, reasons jsonb, fr text, en text, fingerprint text)
    where s.id = v.id and (s.score is distinct from v.score or s.fingerprint is distinct from v.fingerprint)`;
  return result.count;
}

export interface NewProposalRow {
  zone_id: string;
  kind: string;
  proposal_key: string;
  origin: 'engine';
  status: 'proposed';
  title: string;
  title_parts: string;
  score: number;
  reasons: string;
  explanation_fr: string;
  explanation_en: string;
  fingerprint: string;
  created_at: string;
  updated_at: string;
}

export function insertProposals(sql: Sql, rows: NewProposalRow[]) {
  return sql<{ id: string; proposal_key: string }[]>`
    insert into synergies (zone_id, kind, proposal_key, origin, status, title, title_parts, score, reasons, explanation_fr, explanation_en, fingerprint, created_at, updated_at)
    select zone_id, kind, proposal_key, origin, status, title, title_parts::jsonb, score, reasons::jsonb, explanation_fr, explanation_en, fingerprint, created_at::timestamptz, updated_at::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(zone_id uuid, kind synergy_kind, proposal_key text, origin synergy_origin, status synergy_status,
      title text, title_parts text, score float8, reasons text, explanation_fr text, explanation_en text, fingerprint text, created_at text, updated_at text)
    returning id, proposal_key`;
}

// Columns as arrays through unnest: one statement text whatever the row count, so each
// connection prepares it once (a VALUES list made a new statement, parsed and planned,
// for every count), and no limit of 65,535 parameters.

export async function insertParties(sql: Sql, rows: { synergy_id: string; organisation_id: string; declaration_id: string | null; role: string }[]) {
  if (rows.length === 0) return;
  await sql`insert into synergy_parties (synergy_id, organisation_id, declaration_id, role)
    select * from unnest(${rows.map((r) => r.synergy_id)}::uuid[], ${rows.map((r) => r.organisation_id)}::uuid[],
                         ${rows.map((r) => r.declaration_id)}::uuid[], ${rows.map((r) => r.role)}::text[])
    on conflict do nothing`;
}

export async function insertDeclarationLinks(sql: Sql, rows: { synergy_id: string; declaration_id: string }[]) {
  if (rows.length === 0) return;
  await sql`insert into synergy_declarations (synergy_id, declaration_id)
    select * from unnest(${rows.map((r) => r.synergy_id)}::uuid[], ${rows.map((r) => r.declaration_id)}::uuid[])
    on conflict do nothing`;
}

export async function insertEvents(sql: Sql, rows: { synergy_id: string; type: string; to_status: string; at: string }[]) {
  if (rows.length === 0) return;
  await sql`insert into synergy_events (synergy_id, type, to_status, at)
    select s, t, st::synergy_status, a::timestamptz from unnest(${rows.map((r) => r.synergy_id)}::uuid[], ${rows.map((r) => r.type)}::text[],
                                                                ${rows.map((r) => r.to_status)}::text[], ${rows.map((r) => r.at)}::text[]) as v(s, t, st, a)`;
}

/**
 * Adds to each person's unread notification of the same group ("new suggestions of the
 * day"), or starts one: the bell shows one line saying how many, not one line each.
 */
export async function addGroupedNotifications(
  sql: Sql,
  rows: { user_id: string; type: string; group_key: string; count: number; synergy_id: string | null; text: string; created_at: string }[],
) {
  for (const chunk of chunks(rows, 5000)) {
    // One suggestion is named by its title; several are counted.
    await sql`insert into notifications ${sql(chunk)}
      on conflict (user_id, group_key) where read_at is null and group_key is not null do update
      set count = notifications.count + excluded.count, created_at = excluded.created_at, synergy_id = null, text = ''`;
  }
}

/** Retires, among the open engine proposals linked to these declarations, those not in `keep`. */
export async function retireLinkedTo(sql: Sql, declarationIds: string[], keep: string[], reason: string, nowIso: string): Promise<number> {
  // From the declarations' links, not from every open proposal: millions at national scale.
  const result = await sql`
    with linked as materialized (select sd.synergy_id from synergy_declarations sd where sd.declaration_id = any(${declarationIds}::uuid[]))
    update synergies s set status = 'dropped', drop_reason = ${reason}, updated_at = ${nowIso}, version = version + 1
    where s.id in (select synergy_id from linked) and s.origin = 'engine' and s.status = 'proposed' and not (s.proposal_key = any(${keep}))`;
  return result.count;
}

/** Retires the open engine proposals of a zone (every zone when null) not in `keep`. */
export async function retireInZone(sql: Sql, zoneId: string | null, keep: string[], reason: string, nowIso: string): Promise<number> {
  // An anti-join, not "<> all(array)": a zone keeps thousands of proposals.
  const result = await sql`
    update synergies s set status = 'dropped', drop_reason = ${reason}, updated_at = ${nowIso}, version = version + 1
    where s.origin = 'engine' and s.status = 'proposed' and (${zoneId}::uuid is null or s.zone_id = ${zoneId})
      and not exists (select 1 from unnest(${keep}::text[]) k(key) where k.key = s.proposal_key)`;
  return result.count;
}

/**
 * Open engine groups (mutualisations) whose firms' declarations all belong to a larger group
 * just created: the larger group replaces them. The firms that had accepted the smaller group
 * keep their acceptance in the larger one; the smaller one is retired, naming its successor.
 * One statement, so that the caller can pipeline what must follow it. Returns how many were
 * replaced.
 */
export async function supersedeSmallerGroups(sql: Sql, newGroupIds: string[], reasonPrefix: string, nowIso: string): Promise<number> {
  if (newGroupIds.length === 0) return 0;
  // An old group is inside a new one when they share as many declarations as the old one has:
  // counted once per (new, old) pair, where a subset test per row grew with the square of a
  // busy zone's links (seconds per card at a workshop).
  const [row] = await sql<{ replaced: number }[]>`
    with groups as (select s.id, s.zone_id from synergies s where s.id = any(${newGroupIds}::uuid[])),
    shared as (
      select g.id as new_id, od.synergy_id as old_id, count(*) as n
      from groups g
      join synergy_declarations nd on nd.synergy_id = g.id
      join synergy_declarations od on od.declaration_id = nd.declaration_id and od.synergy_id <> g.id
      group by g.id, od.synergy_id
    ),
    found as (
      select distinct on (old.id) old.id as old_id, sh.new_id, old.version, old.status
      from shared sh
      join groups g on g.id = sh.new_id
      join synergies old on old.id = sh.old_id
      where old.kind = 'mutualisation' and old.origin = 'engine' and old.status in ('proposed', 'under_discussion') and old.zone_id = g.zone_id
        and sh.n = (select count(*) from synergy_declarations x where x.synergy_id = old.id)
      order by old.id, sh.new_id
    ),
    -- Retired only at the version read: a group a facilitator moved on meanwhile stays.
    retired as (
      update synergies s set status = 'dropped', drop_reason = ${reasonPrefix} || ': ' || f.new_id, updated_at = ${nowIso}, version = s.version + 1
      from found f
      where s.id = f.old_id and s.version = f.version
      returning f.old_id, f.new_id, f.status
    ),
    carried as (
      update synergy_parties np set accepted_at = op.accepted_at
      from retired r, synergy_parties op
      where op.synergy_id = r.old_id and np.synergy_id = r.new_id and np.organisation_id = op.organisation_id
        and op.accepted_at is not null and np.accepted_at is null
    ),
    logged as (
      insert into synergy_events (synergy_id, type, from_status, to_status, note, at)
      select r.old_id, 'superseded', r.status, 'dropped', r.new_id::text, ${nowIso} from retired r
    )
    select count(*)::int as replaced from retired`;
  return row!.replaced;
}

export interface MemberToNotify {
  user_id: string;
  organisation_id: string;
  notification_mode: 'in_app' | 'daily' | 'weekly' | 'none';
}

/** Every member able to sign in of these firms: read from the firms, so it needs no proposal written first. */
export function membersToNotify(sql: Sql, organisationIds: string[]) {
  return sql<MemberToNotify[]>`
    select u.id as user_id, u.organisation_id, u.notification_mode from users u
    where u.organisation_id = any(${organisationIds}::uuid[]) and u.password_hash is not null`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
