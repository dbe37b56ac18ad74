import type postgres from 'postgres';

type Sql = postgres.Sql | postgres.TransactionSql;

export interface SynergyRow {
  id: string;
  zone_id: string;
  kind: 'substitution' | 'mutualisation' | 'sharing' | 'potential_taker';
  origin: 'engine' | 'facilitator' | 'marketplace';
  status: 'proposed' | 'under_discussion' | 'in_study' | 'implemented' | 'dropped';
  title: string;
  score: number | null;
  reasons: unknown[];
  explanation_fr: string;
  explanation_en: string;
  drop_reason: string | null;
  validated_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PartyRow {
  synergy_id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_email: string | null;
  organisation_phone: string | null;
  declaration_id: string | null;
  declaration_title: string | null;
  role: 'giver' | 'taker' | 'member';
  accepted_at: string | null;
  declined_at: string | null;
}

export async function findSynergy(sql: Sql, id: string): Promise<SynergyRow | undefined> {
  const [row] = await sql<SynergyRow[]>`select * from synergies where id = ${id}`;
  return row;
}

export function partiesOf(sql: Sql, synergyIds: string[]) {
  return sql<PartyRow[]>`
    select p.synergy_id, p.organisation_id, o.name as organisation_name, o.email as organisation_email, o.phone as organisation_phone,
           p.declaration_id, d.title as declaration_title, p.role, p.accepted_at, p.declined_at
    from synergy_parties p
    join organisations o on o.id = p.organisation_id
    left join declarations d on d.id = p.declaration_id
    where p.synergy_id = any(${synergyIds}::uuid[])
    order by p.role, o.name`;
}

export function peopleOf(sql: Sql, organisationIds: string[]) {
  return sql<{ organisation_id: string; display_name: string; email: string }[]>`
    select organisation_id, display_name, email from users
    where organisation_id = any(${organisationIds}::uuid[]) and password_hash is not null order by display_name`;
}

export function impactsOf(sql: Sql, synergyIds: string[]) {
  return sql<{ synergy_id: string; quantity: number; unit: string; per_year: boolean; year: number; tonnes: number; euros_saved: number; co2e_kg: number; km_avoided: number; factor_code: string }[]>`
    select * from synergy_impacts where synergy_id = any(${synergyIds}::uuid[])`;
}

export interface ListFilter {
  zoneIds: string[] | null;
  organisationId: string | null;
  kind?: string;
  status?: string;
  categoryCode?: string;
  minScore?: number;
  after: { key: string; id: string } | null;
  limit: number;
}

/** Best score first, then newest; keyset on (score, id). */
export function listSynergies(sql: Sql, f: ListFilter) {
  const afterScore = f.after ? Number(f.after.key) : null;
  return sql<SynergyRow[]>`
    select s.* from synergies s
    where (${f.zoneIds === null} or s.zone_id = any(${f.zoneIds ?? []}::uuid[]))
      and (${f.organisationId}::uuid is null or exists (select 1 from synergy_parties p where p.synergy_id = s.id and p.organisation_id = ${f.organisationId}))
      and (${f.kind ?? null}::synergy_kind is null or s.kind = ${f.kind ?? null})
      and (${f.status ?? null}::synergy_status is null or s.status = ${f.status ?? null})
      and (${f.minScore ?? null}::float8 is null or s.score >= ${f.minScore ?? null})
      and (${f.categoryCode ?? null}::text is null or exists (
        select 1 from synergy_declarations sd join declarations d on d.id = sd.declaration_id
        where sd.synergy_id = s.id and (d.category_code = ${f.categoryCode ?? null} or d.category_code like ${`${f.categoryCode ?? ''}.%`})))
      and (${afterScore}::float8 is null or (coalesce(s.score, -1), s.id) < (${afterScore}, ${f.after?.id ?? null}::uuid))
    order by coalesce(s.score, -1) desc, s.id desc
    limit ${f.limit + 1}`;
}

export function historyOf(sql: Sql, synergyId: string) {
  return sql<{ type: string; from_status: string | null; to_status: string | null; user_name: string | null; organisation_name: string | null; note: string | null; at: string }[]>`
    select e.type, e.from_status, e.to_status, u.display_name as user_name, o.name as organisation_name, e.note, e.at
    from synergy_events e left join users u on u.id = e.user_id left join organisations o on o.id = e.organisation_id
    where e.synergy_id = ${synergyId} order by e.at, e.id`;
}

export function messagesOf(sql: Sql, synergyId: string) {
  return sql<{ id: string; author_name: string; organisation_name: string | null; body: string; created_at: string }[]>`
    select m.id, u.display_name as author_name, o.name as organisation_name, m.body, m.created_at
    from synergy_messages m join users u on u.id = m.author_id left join organisations o on o.id = m.organisation_id
    where m.synergy_id = ${synergyId} order by m.created_at, m.id`;
}

export async function addEvent(
  sql: Sql,
  e: { synergyId: string; type: string; from?: string | null; to?: string | null; userId?: string | null; organisationId?: string | null; note?: string | null; at: Date },
) {
  await sql`insert into synergy_events (synergy_id, type, from_status, to_status, user_id, organisation_id, note, at)
            values (${e.synergyId}, ${e.type}, ${e.from ?? null}, ${e.to ?? null}, ${e.userId ?? null}, ${e.organisationId ?? null}, ${e.note ?? null}, ${e.at.toISOString()})`;
}
