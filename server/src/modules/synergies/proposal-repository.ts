import type postgres from 'postgres';

/*
 * The engine's writes. Raw SQL on the postgres.js transaction, not drizzle: a zone rematch
 * writes thousands of proposals, so rows go in as one `jsonb_to_recordset` statement per
 * batch and independent inserts are pipelined on the connection (drizzle builds one
 * parameter per value and awaits statement by statement).
 */
type Sql = postgres.TransactionSql;

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
export async function refresh(sql: Sql, values: { id: string; score: number; reasons: unknown[]; fr: string; en: string; fingerprint: string }[], nowIso: string) {
  await sql`
    update synergies s set score = v.score, reasons = v.reasons, explanation_fr = v.fr, explanation_en = v.en, fingerprint = v.fingerprint, updated_at = ${nowIso}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, score float8, reasons jsonb, fr text, en text, fingerprint text)
    where s.id = v.id and (s.score is distinct from v.score or s.fingerprint is distinct from v.fingerprint)`;
}

export interface NewProposalRow {
  zone_id: string;
  kind: string;
  proposal_key: string;
  origin: 'engine';
  status: 'proposed';
  title: string;
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
    insert into synergies (zone_id, kind, proposal_key, origin, status, title, score, reasons, explanation_fr, explanation_en, fingerprint, created_at, updated_at)
    select zone_id, kind, proposal_key, origin, status, title, score, reasons::jsonb, explanation_fr, explanation_en, fingerprint, created_at::timestamptz, updated_at::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(zone_id uuid, kind synergy_kind, proposal_key text, origin synergy_origin, status synergy_status,
      title text, score float8, reasons text, explanation_fr text, explanation_en text, fingerprint text, created_at text, updated_at text)
    returning id, proposal_key`;
}

// Chunks keep each statement under PostgreSQL's 65,535 parameters.

export async function insertParties(sql: Sql, rows: { synergy_id: string; organisation_id: string; declaration_id: string | null; role: string }[]) {
  for (const chunk of chunks(rows, 5000)) await sql`insert into synergy_parties ${sql(chunk)} on conflict do nothing`;
}

export function insertDeclarationLinks(sql: Sql, rows: { synergy_id: string; declaration_id: string }[]): Promise<unknown>[] {
  return chunks(rows, 10000).map((chunk) => sql`insert into synergy_declarations ${sql(chunk)} on conflict do nothing`);
}

export function insertEvents(sql: Sql, rows: { synergy_id: string; type: string; to_status: string; at: string }[]): Promise<unknown>[] {
  return chunks(rows, 5000).map((chunk) => sql`insert into synergy_events ${sql(chunk)}`);
}

export async function insertNotifications(sql: Sql, rows: { user_id: string; synergy_id: string; type: string; text: string; created_at: string }[]) {
  for (const chunk of chunks(rows, 5000)) await sql`insert into notifications ${sql(chunk)}`;
}

/** Retires, among the open engine proposals linked to these declarations, those not in `keep`. */
export async function retireLinkedTo(sql: Sql, declarationIds: string[], keep: string[], reason: string, nowIso: string) {
  // From the declarations' links, not from every open proposal: millions at national scale.
  await sql`
    with linked as materialized (select sd.synergy_id from synergy_declarations sd where sd.declaration_id = any(${declarationIds}::uuid[]))
    update synergies s set status = 'dropped', drop_reason = ${reason}, updated_at = ${nowIso}, version = version + 1
    where s.id in (select synergy_id from linked) and s.origin = 'engine' and s.status = 'proposed' and not (s.proposal_key = any(${keep}))`;
}

/** Retires the open engine proposals of a zone (every zone when null) not in `keep`. */
export async function retireInZone(sql: Sql, zoneId: string | null, keep: string[], reason: string, nowIso: string) {
  // An anti-join, not "<> all(array)": a zone keeps thousands of proposals.
  await sql`
    update synergies s set status = 'dropped', drop_reason = ${reason}, updated_at = ${nowIso}, version = version + 1
    where s.origin = 'engine' and s.status = 'proposed' and (${zoneId}::uuid is null or s.zone_id = ${zoneId})
      and not exists (select 1 from unnest(${keep}::text[]) k(key) where k.key = s.proposal_key)`;
}

/** Every member able to sign in of every firm of these synergies. */
export function proposalRecipients(sql: Sql, synergyIds: string[]) {
  return sql<{ user_id: string; email: string; display_name: string; synergy_id: string; title: string }[]>`
    select u.id as user_id, u.email, u.display_name, s.id as synergy_id, s.title
    from synergies s
    join synergy_parties p on p.synergy_id = s.id
    join users u on u.organisation_id = p.organisation_id and u.password_hash is not null
    where s.id = any(${synergyIds}::uuid[])`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
