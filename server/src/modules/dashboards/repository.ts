import type { RawSql } from '../../infra/db';

/** `column` within a calendar year in the cooperative's time zone (Europe/Paris). */
const inYear = (sql: RawSql, column: string, year: number) =>
  sql`${sql(column)} >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Europe/Paris') and ${sql(column)} < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Europe/Paris')`;

/** Rank of each pipeline stage; a synergy reached a stage if its status or its history got there. */
const reached = (sql: RawSql) => sql`greatest(
  array_position(array['proposed','under_discussion','in_study','implemented']::text[], s.status::text),
  (select max(array_position(array['proposed','under_discussion','in_study','implemented']::text[], e.to_status::text))
     from synergy_events e where e.synergy_id = s.id))`;

export async function funnel(sql: RawSql, zoneId: string, year: number) {
  const [row] = await sql<{ declarations: number; proposals: number; under_discussion: number; in_study: number; implemented: number }[]>`
    with y as (
      select coalesce(${reached(sql)}, 1) as reached
      from synergies s where s.zone_id = ${zoneId} and ${inYear(sql, 's.created_at', year)})
    select (select count(*)::int from declarations d where d.zone_id = ${zoneId} and ${inYear(sql, 'd.created_at', year)}) as declarations,
           count(*)::int as proposals,
           count(*) filter (where reached >= 2)::int as under_discussion,
           count(*) filter (where reached >= 3)::int as in_study,
           count(*) filter (where reached >= 4)::int as implemented
    from y`;
  return row!;
}

/** Synergies proposed in the year by kind and by the family of their declarations' first category. */
export function synergiesByCategory(sql: RawSql, zoneId: string, year: number) {
  return sql<{ category: string; kind: string; count: number }[]>`
    select coalesce(split_part(c.code, '.', 1), 'other') as category, s.kind::text as kind, count(*)::int as count
    from synergies s
    left join lateral (
      select d.category_code as code from synergy_declarations sd join declarations d on d.id = sd.declaration_id
      where sd.synergy_id = s.id order by d.category_code limit 1) c on true
    where s.zone_id = ${zoneId} and ${inYear(sql, 's.created_at', year)}
    group by 1, 2 order by 3 desc, 1, 2`;
}

/** Meetings requested for, and held at, the zone's events of the year. */
export async function meetings(sql: RawSql, zoneId: string, year: number) {
  const [row] = await sql<{ requested: number; held: number }[]>`
    select (select count(*)::int from meeting_requests r join meeting_events ev on ev.id = r.event_id
              where ev.zone_id = ${zoneId} and extract(year from ev.date) = ${year}) as requested,
           (select count(*)::int from meetings m join meeting_events ev on ev.id = m.event_id
              where ev.zone_id = ${zoneId} and extract(year from ev.date) = ${year} and m.status = 'done') as held`;
  return row!;
}

/** Impacts of the synergies implemented in the year, by month of implementation. */
export function impactsByMonth(sql: RawSql, zoneId: string, year: number) {
  return sql<{ month: number; synergies: number; tonnes: number; euros: number; co2e_kg: number; km: number }[]>`
    select extract(month from coalesce(
             (select max(e.at) from synergy_events e where e.synergy_id = s.id and e.to_status = 'implemented'), i.computed_at)
             at time zone 'Europe/Paris')::int as month,
           count(*)::int as synergies, sum(i.tonnes)::float8 as tonnes, sum(i.euros_saved)::float8 as euros,
           sum(i.co2e_kg)::float8 as co2e_kg, sum(i.km_avoided)::float8 as km
    from synergy_impacts i join synergies s on s.id = i.synergy_id
    where s.zone_id = ${zoneId} and s.status = 'implemented' and i.year = ${year}
    group by 1 order by 1`;
}

/** Firms that took part in the year (a declaration, a synergy or a meeting event) and their employees. */
export async function mobilisedFirms(sql: RawSql, zoneId: string, year: number) {
  const [row] = await sql<{ mobilised: number; employees: number }[]>`
    with f as (
      select d.organisation_id as id from declarations d where d.zone_id = ${zoneId} and ${inYear(sql, 'd.created_at', year)}
      union select p.organisation_id from synergy_parties p join synergies s on s.id = p.synergy_id
        where s.zone_id = ${zoneId} and ${inYear(sql, 's.created_at', year)}
      union select mp.organisation_id from meeting_participants mp join meeting_events ev on ev.id = mp.event_id
        where ev.zone_id = ${zoneId} and extract(year from ev.date) = ${year})
    select count(*)::int as mobilised, coalesce(sum(o.headcount), 0)::int as employees
    from organisations o join f on f.id = o.id where o.zone_id = ${zoneId}`;
  return row!;
}
