import { mainSiteJoin } from '../../infra/locations';
import type { RawSql } from '../../infra/db';

/** The zone's firms placed at their main site, with how many offers and needs they have open. */
export function firms(sql: RawSql, zoneId: string) {
  return sql<{ id: string; name: string; latitude: number; longitude: number; offers: number; needs: number; categories: string[] }[]>`
    select o.id, o.name, s.latitude, s.longitude,
           (select count(*)::int from declarations d where d.organisation_id = o.id and d.kind = 'offer' and d.status = 'active') as offers,
           (select count(*)::int from declarations d where d.organisation_id = o.id and d.kind = 'need' and d.status = 'active') as needs,
           coalesce((select array_agg(distinct split_part(d.category_code, '.', 1)) from declarations d where d.organisation_id = o.id and d.status = 'active'), '{}') as categories
    from organisations o ${mainSiteJoin(sql, 'o.id')}
    where o.zone_id = ${zoneId} and not o.archived and s.latitude is not null and s.longitude is not null`;
}

/** Each synergy with its firms in order (givers first) and the quantity of its first declaration, in tonnes a year when it is a mass. */
export function synergies(sql: RawSql, zoneId: string) {
  return sql<{ id: string; title: string; kind: string; status: string; category: string | null; tonnesPerYear: number | null; firmIds: string[] }[]>`
    select s.id, s.title, s.kind::text as kind, s.status::text as status,
           (select split_part(d.category_code, '.', 1) from synergy_declarations sd join declarations d on d.id = sd.declaration_id
             where sd.synergy_id = s.id order by d.category_code limit 1) as category,
           (select d.quantity * case d.unit when 't' then 1 when 'kg' then 0.001 else null end
                   * case d.frequency when 'weekly' then 52 when 'monthly' then 12 else 1 end
             from synergy_declarations sd join declarations d on d.id = sd.declaration_id
             where sd.synergy_id = s.id and d.quantity is not null order by d.kind desc limit 1) as "tonnesPerYear",
           array(select p.organisation_id::text from synergy_parties p where p.synergy_id = s.id
                 order by case p.role when 'giver' then 0 when 'taker' then 1 else 2 end, p.organisation_id) as "firmIds"
    from synergies s where s.zone_id = ${zoneId} and s.status <> 'dropped'`;
}
