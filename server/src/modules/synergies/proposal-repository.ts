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

/** An open engine group that a new group of the engine holds entirely: it grows rather than being replaced. */
export interface GroupWithin {
  /** Index of the new group in the list asked about. */
  g: number;
  id: string;
  version: number;
  status: string;
  organisation_ids: string[];
  declaration_ids: string[];
}

/**
 * For each new group of declarations (all of one zone), the open engine groups
 * (mutualisations) of its zone whose declarations it all holds, largest then oldest first:
 * the first grows in place into the new one, the others merge into it. A firm that joins a
 * pool of forty then writes one party, not forty-one, and the pool keeps its history and
 * answers. From the zone's few open groups of the same category (a partial index), not
 * from the links of every member: each member of a matched zone is linked to several pairs.
 */
export function openGroupsWithin(
  sql: Sql,
  groups: { zoneId: string; categoryCode: string; declarationIds: string[] }[],
): Promise<GroupWithin[]> | GroupWithin[] {
  if (groups.length === 0) return [];
  return sql<GroupWithin[]>`
    -- Materialized: each new group's array is built once, not once per open group compared.
    with asked as materialized (
      select a.g - 1 as g, a.zone_id, a.category_code, array(select jsonb_array_elements_text(a.ids)::uuid) as ids
      from jsonb_to_recordset(${JSON.stringify(groups.map((x, g) => ({ g: g + 1, zone_id: x.zoneId, category_code: x.categoryCode, ids: x.declarationIds })))}::jsonb)
        as a(g int, zone_id uuid, category_code text, ids jsonb)
    )
    select g, id, version, status, organisation_ids, declaration_ids from (
      select a.g, s.id, s.version, s.status, s.created_at,
        array(select p.organisation_id from synergy_parties p where p.synergy_id = s.id) as organisation_ids,
        array(select x.declaration_id from synergy_declarations x where x.synergy_id = s.id) as declaration_ids
      from asked a
      -- Lateral and fenced (offset 0, so not flattened into a join), so that zone and category
      -- are the index's condition: joined by hash, every zone's open groups were read (2,300
      -- pages with 30 zones matched, 8 ms). A group is of one category (the engine groups by
      -- zone, kind and category), which its title parts name.
      cross join lateral (
        select s.* from synergies s
        where s.zone_id = a.zone_id and s.kind = 'mutualisation' and s.origin = 'engine' and s.status in ('proposed', 'under_discussion')
          and s.title_parts ->> 'categoryCode' = a.category_code
        offset 0
      ) s
      -- Stops at a pool's first declaration outside the new group: a pool of the category may be of another material.
      where not exists (select 1 from synergy_declarations x where x.synergy_id = s.id and not (x.declaration_id = any(a.ids)))
    ) contained
    order by g, cardinality(declaration_ids) desc, created_at, id`;
}

/** A group grown into the engine's larger one: its identity, title and scores; only at the version read. */
export async function growGroup(
  sql: Sql,
  row: Pick<NewProposalRow, 'proposal_key' | 'title' | 'title_parts' | 'score' | 'reasons' | 'explanation_fr' | 'explanation_en' | 'fingerprint'> & {
    id: string;
    version: number;
  },
  nowIso: string,
): Promise<boolean> {
  const result = await sql`
    update synergies set proposal_key = ${row.proposal_key}, title = ${row.title}, title_parts = ${row.title_parts}::jsonb, score = ${row.score},
      reasons = ${row.reasons}::jsonb, explanation_fr = ${row.explanation_fr}, explanation_en = ${row.explanation_en}, fingerprint = ${row.fingerprint},
      updated_at = ${nowIso}, version = version + 1
    where id = ${row.id} and version = ${row.version}`;
  return result.count === 1;
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
 * Smaller open groups merged into the group that grew over them: each is retired at the
 * version read (a group a facilitator moved on meanwhile stays), naming its successor, and
 * the firms that had accepted it keep their acceptance in the successor. One statement, so
 * that the caller can pipeline what must follow it. Returns how many were merged.
 */
export async function mergeGroupsInto(
  sql: Sql,
  merges: { id: string; version: number; status: string; successor: string }[],
  reasonPrefix: string,
  nowIso: string,
): Promise<number> {
  if (merges.length === 0) return 0;
  const [row] = await sql<{ merged: number }[]>`
    with found as (select * from jsonb_to_recordset(${JSON.stringify(merges)}::jsonb) as f(id uuid, version int, status text, successor uuid)),
    retired as (
      update synergies s set status = 'dropped', drop_reason = ${reasonPrefix} || ': ' || f.successor, updated_at = ${nowIso}, version = s.version + 1
      from found f
      where s.id = f.id and s.version = f.version
      returning f.id as old_id, f.successor as new_id, f.status
    ),
    carried as (
      update synergy_parties np set accepted_at = op.accepted_at
      from retired r, synergy_parties op
      where op.synergy_id = r.old_id and np.synergy_id = r.new_id and np.organisation_id = op.organisation_id
        and op.accepted_at is not null and np.accepted_at is null
    ),
    logged as (
      insert into synergy_events (synergy_id, type, from_status, to_status, note, at)
      select r.old_id, 'superseded', r.status::synergy_status, 'dropped', r.new_id::text, ${nowIso} from retired r
    )
    select count(*)::int as merged from retired`;
  return row!.merged;
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
