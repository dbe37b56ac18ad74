import type { RawSql } from './db';

/*
 * Where firms and declarations are, one rule for the search index, matching and impacts:
 * a firm is at its main site, the first by name; a declaration at its own site, else at
 * its firm's main site. Both join the site as `s`.
 */

/** `left join lateral … s`: the main site of the organisation whose id is `organisationId` (a column, e.g. "o.id"). */
export const mainSiteJoin = (sql: RawSql, organisationId: string) =>
  sql`left join lateral (select * from sites s where s.organisation_id = ${sql(organisationId)} order by s.name limit 1) s on true`;

/** `left join sites s`: the site of the declaration aliased `d`. */
export const declarationSiteJoin = (sql: RawSql) =>
  sql`left join sites s on s.id = coalesce(d.site_id,
    (select s2.id from sites s2 where s2.organisation_id = d.organisation_id order by s2.name limit 1))`;
