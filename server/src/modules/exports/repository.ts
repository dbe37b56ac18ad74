import { mainSiteJoin } from '../../infra/locations';
import type { RawSql } from '../../infra/db';

type Row = Record<string, string | number | null>;

/** Each export's rows, with French headers and names in place of ids. */
export const EXPORTS = {
  firms: (sql: RawSql, zoneId: string) => sql<Row[]>`
    select o.name as "Raison sociale", o.siret as "SIRET", o.naf_code as "Code NAF", o.headcount as "Effectif", o.email as "E-mail",
           o.phone as "Téléphone", o.website as "Site web", s.address as "Adresse", s.postal_code as "Code postal", s.city as "Commune",
           s.latitude as "Latitude", s.longitude as "Longitude"
    from organisations o ${mainSiteJoin(sql, 'o.id')}
    where o.zone_id = ${zoneId} and not o.archived order by o.name`,
  declarations: (sql: RawSql, zoneId: string) => sql<Row[]>`
    select o.name as "Entreprise", o.siret as "SIRET", case d.kind when 'offer' then 'Offre' else 'Besoin' end as "Type", d.title as "Titre",
           c.label_fr as "Catégorie", d.waste_code as "Code déchet", d.quantity as "Quantité", d.unit::text as "Unité",
           case d.frequency when 'one-off' then 'ponctuel' when 'weekly' then 'hebdomadaire' when 'monthly' then 'mensuel' else 'annuel' end as "Fréquence",
           d.status::text as "Statut", to_char(d.created_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as "Créée le"
    from declarations d join organisations o on o.id = d.organisation_id join categories c on c.code = d.category_code
    where d.zone_id = ${zoneId} order by o.name, d.title`,
  synergies: (sql: RawSql, zoneId: string) => sql<Row[]>`
    select s.title as "Titre", s.kind::text as "Type", s.status::text as "Étape", round(s.score::numeric, 2)::float8 as "Score",
           (select string_agg(o.name, ', ' order by o.name) from synergy_parties p join organisations o on o.id = p.organisation_id where p.synergy_id = s.id) as "Entreprises",
           (select string_agg(d.title, ' | ' order by d.title) from synergy_declarations sd join declarations d on d.id = sd.declaration_id where sd.synergy_id = s.id) as "Fiches",
           to_char(s.created_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as "Proposée le", s.drop_reason as "Motif d'abandon"
    from synergies s where s.zone_id = ${zoneId} order by s.created_at, s.title`,
  meetings: (sql: RawSql, zoneId: string) => sql<Row[]>`
    select ev.name as "Événement", ev.date::text as "Date",
           (select string_agg(o.name, ', ' order by o.name) from organisations o where o.id = any(m.organisation_ids)) as "Entreprises",
           m.slot_id as "Créneau", m.table_id as "Table", m.status::text as "Statut", m.outcome as "Suite donnée"
    from meetings m join meeting_events ev on ev.id = m.event_id
    where ev.zone_id = ${zoneId} order by ev.date, m.slot_id, m.table_id`,
  impacts: (sql: RawSql, zoneId: string) => sql<Row[]>`
    select s.title as "Synergie",
           (select string_agg(o.name, ', ' order by o.name) from synergy_parties p join organisations o on o.id = p.organisation_id where p.synergy_id = s.id) as "Entreprises",
           i.year as "Année", i.quantity as "Quantité", i.unit::text as "Unité", i.tonnes as "Tonnes détournées", i.euros_saved as "Euros économisés",
           i.co2e_kg as "kg CO2e évités", i.km_avoided as "km évités", i.factor_code as "Facteur"
    from synergy_impacts i join synergies s on s.id = i.synergy_id
    where s.zone_id = ${zoneId} and s.status = 'implemented' order by i.year, s.title`,
} as const;

export type ExportName = keyof typeof EXPORTS;
