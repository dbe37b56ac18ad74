import { PIPELINE_STAGES } from '@synergies/shared';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../infra/db';
import { dayInYear, inParisYear } from '../../infra/periods';

/*
 * Every yearly figure is written once here; the lists a figure links to (declarations,
 * firms, meeting events, the synergy board) filter with the same rules or fragments.
 */

const stages = sql.raw(`array[${PIPELINE_STAGES.map((x) => `'${x}'`).join(',')}]::text[]`);
/** Rank (1-based) of the furthest pipeline stage a synergy reached, its status or its history; 1 for a dropped one that never moved. */
export const stageReached = (status: AnyColumn | SQL, id: AnyColumn | SQL) => sql`coalesce(greatest(
  array_position(${stages}, ${status}::text),
  (select max(array_position(${stages}, e.to_status::text)) from synergy_events e where e.synergy_id = ${id})), 1)`;

/** Ids of the zone's firms that took part in the year: a declaration, a synergy or a meeting event. */
export const mobilisedFirmIds = (zoneId: string, year: number): SQL => sql`
  select d.organisation_id from declarations d where d.zone_id = ${zoneId} and ${inParisYear(sql`d.created_at`, year)}
  union select p.organisation_id from synergy_parties p join synergies s on s.id = p.synergy_id
    where s.zone_id = ${zoneId} and ${inParisYear(sql`s.created_at`, year)}
  union select mp.organisation_id from meeting_participants mp join meeting_events ev on ev.id = mp.event_id
    where ev.zone_id = ${zoneId} and ${dayInYear(sql`ev.date`, year)}`;

/**
 * The impacts that count (rows of synergy_impacts with the synergy's `zone_id`): those of
 * implemented synergies, in their impact year; only that year's when one is given.
 */
export const impactsCountedIn = (year?: number): SQL => sql`
  select i.*, s.zone_id from synergy_impacts i join synergies s on s.id = i.synergy_id
  where s.status = 'implemented'${year === undefined ? sql`` : sql` and i.year = ${year}`}`;

export async function funnel(db: Db, zoneId: string, year: number) {
  const [row] = await db.execute<{ declarations: number; proposals: number; under_discussion: number; in_study: number; implemented: number }>(sql`
    with y as (
      select ${stageReached(sql`s.status`, sql`s.id`)} as reached
      from synergies s where s.zone_id = ${zoneId} and ${inParisYear(sql`s.created_at`, year)})
    select (select count(*)::int from declarations d where d.zone_id = ${zoneId} and ${inParisYear(sql`d.created_at`, year)}) as declarations,
           count(*)::int as proposals,
           count(*) filter (where reached >= 2)::int as under_discussion,
           count(*) filter (where reached >= 3)::int as in_study,
           count(*) filter (where reached >= 4)::int as implemented
    from y`);
  return row!;
}

/** Synergies proposed in the year by kind and by the family of their declarations' first category. */
export function synergiesByCategory(db: Db, zoneId: string, year: number) {
  return db.execute<{ category: string; kind: string; count: number }>(sql`
    select coalesce(split_part(c.code, '.', 1), 'other') as category, s.kind::text as kind, count(*)::int as count
    from synergies s
    left join lateral (
      select d.category_code as code from synergy_declarations sd join declarations d on d.id = sd.declaration_id
      where sd.synergy_id = s.id order by d.category_code limit 1) c on true
    where s.zone_id = ${zoneId} and ${inParisYear(sql`s.created_at`, year)}
    group by 1, 2 order by 3 desc, 1, 2`);
}

/** Meetings requested for the meeting event whose id is `eventId` (a column). */
export const meetingsRequestedAt = (eventId: AnyColumn | SQL) => sql<number>`(select count(*)::int from meeting_requests r where r.event_id = ${eventId})`;
/** Meetings held (done) at the meeting event whose id is `eventId` (a column). */
export const meetingsHeldAt = (eventId: AnyColumn | SQL) =>
  sql<number>`(select count(*)::int from meetings m where m.event_id = ${eventId} and m.status = 'done')`;

/** Meetings requested for, and held at, the zone's events of the year. */
export async function meetings(db: Db, zoneId: string, year: number) {
  const [row] = await db.execute<{ requested: number; held: number }>(sql`
    select coalesce(sum(requested), 0)::int as requested, coalesce(sum(held), 0)::int as held
    from (select ${meetingsRequestedAt(sql`ev.id`)} as requested, ${meetingsHeldAt(sql`ev.id`)} as held
          from meeting_events ev where ev.zone_id = ${zoneId} and ${dayInYear(sql`ev.date`, year)}) per_event`);
  return row!;
}

/** Impacts counted in the year, by month of implementation. */
export function impactsByMonth(db: Db, zoneId: string, year: number) {
  return db.execute<{ month: number; synergies: number; tonnes: number; euros: number; co2e_kg: number; km: number }>(sql`
    select extract(month from coalesce(
             (select max(e.at) from synergy_events e where e.synergy_id = i.synergy_id and e.to_status = 'implemented'), i.computed_at)
             at time zone 'Europe/Paris')::int as month,
           count(*)::int as synergies, sum(i.tonnes)::float8 as tonnes, sum(i.euros_saved)::float8 as euros,
           sum(i.co2e_kg)::float8 as co2e_kg, sum(i.km_avoided)::float8 as km
    from (${impactsCountedIn(year)}) i
    where i.zone_id = ${zoneId}
    group by 1 order by 1`);
}

/** Firms that took part in the year and their employees. */
export async function mobilisedFirms(db: Db, zoneId: string, year: number) {
  const [row] = await db.execute<{ mobilised: number; employees: number }>(sql`
    select count(*)::int as mobilised, coalesce(sum(o.headcount), 0)::int as employees
    from organisations o where o.zone_id = ${zoneId} and o.id in (${mobilisedFirmIds(zoneId, year)})`);
  return row!;
}
