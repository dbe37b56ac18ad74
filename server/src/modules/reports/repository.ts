import type { RawSql } from '../../infra/db';

export interface ImplementedSynergyRow {
  id: string;
  title: string;
  kind: string;
  firms: string;
  implementedAt: string;
  tonnes: number;
  euros: number;
  co2eKg: number;
  km: number;
  factorCode: string;
}

/** Synergies implemented in the year with their impacts and the firms involved. */
export function implementedSynergies(sql: RawSql, zoneId: string, year: number) {
  return sql<ImplementedSynergyRow[]>`
    select s.id, s.title, s.kind::text as kind,
           (select string_agg(o.name, ', ' order by o.name) from synergy_parties p join organisations o on o.id = p.organisation_id where p.synergy_id = s.id) as firms,
           to_char(coalesce((select max(e.at) from synergy_events e where e.synergy_id = s.id and e.to_status = 'implemented'), i.computed_at) at time zone 'UTC',
             'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "implementedAt",
           i.tonnes, i.euros_saved as euros, i.co2e_kg as "co2eKg", i.km_avoided as km, i.factor_code as "factorCode"
    from synergy_impacts i join synergies s on s.id = i.synergy_id
    where s.zone_id = ${zoneId} and s.status = 'implemented' and i.year = ${year}
    order by 5, s.title`;
}

/** The factors behind these impacts, with where their values come from. */
export function factorSources(sql: RawSql, codes: string[]) {
  return sql<{ categoryCode: string; co2eKgPerTonne: number; eurosPerTonne: number; source: string }[]>`
    select category_code as "categoryCode", co2e_kg_per_tonne as "co2eKgPerTonne", euros_per_tonne as "eurosPerTonne", source
    from impact_factors where category_code = any(${codes}::text[]) order by category_code`;
}
