import type { RawSql } from '../../infra/db';

export interface AssociationRow {
  id: string;
  zone_id: string;
  name: string;
  description: string;
  premises: string;
  version: number;
  has_logo: boolean;
}

const SELECT = (sql: RawSql) => sql`
  select a.id, a.zone_id, a.name, a.description, a.premises, a.version,
    exists (select 1 from association_logos l where l.association_id = a.id) as has_logo
  from associations a`;

export async function find(sql: RawSql, id: string): Promise<AssociationRow | undefined> {
  const [row] = await sql<AssociationRow[]>`${SELECT(sql)} where a.id = ${id}`;
  return row;
}

/** Associations of these zones, or those the user organises, or its firm belongs to. */
export function list(sql: RawSql, zoneIds: string[] | null, userId: string, organisationId: string | null) {
  return sql<AssociationRow[]>`${SELECT(sql)}
    where ${zoneIds === null ? sql`true` : sql`a.zone_id = any(${zoneIds}::uuid[])`}
       or exists (select 1 from association_organisers o where o.association_id = a.id and o.user_id = ${userId})
       or exists (select 1 from association_members m where m.association_id = a.id and m.organisation_id = ${organisationId})
    order by a.name`;
}

export function members(sql: RawSql, associationIds: string[]) {
  return sql<{ association_id: string; id: string; name: string }[]>`
    select m.association_id, o.id, o.name from association_members m join organisations o on o.id = m.organisation_id
    where m.association_id = any(${associationIds}::uuid[]) and not o.archived order by o.name`;
}

export function organisers(sql: RawSql, associationIds: string[]) {
  return sql<{ association_id: string; id: string; display_name: string; email: string }[]>`
    select o.association_id, u.id, u.display_name, u.email from association_organisers o join users u on u.id = o.user_id
    where o.association_id = any(${associationIds}::uuid[]) order by u.display_name`;
}

export async function isOrganiser(sql: RawSql, associationId: string, userId: string): Promise<boolean> {
  const [row] = await sql<
    { ok: boolean }[]
  >`select exists (select 1 from association_organisers where association_id = ${associationId} and user_id = ${userId}) as ok`;
  return row!.ok;
}

export async function isMember(sql: RawSql, associationId: string, organisationId: string | null): Promise<boolean> {
  if (!organisationId) return false;
  const [row] = await sql<
    { ok: boolean }[]
  >`select exists (select 1 from association_members where association_id = ${associationId} and organisation_id = ${organisationId}) as ok`;
  return row!.ok;
}

export async function insert(sql: RawSql, v: { zoneId: string; name: string; description: string; premises: string; now: Date }): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into associations (zone_id, name, description, premises, created_at, updated_at)
    values (${v.zoneId}, ${v.name}, ${v.description}, ${v.premises}, ${v.now.toISOString()}, ${v.now.toISOString()}) returning id`;
  return row!.id;
}

export async function update(
  sql: RawSql,
  id: string,
  version: number,
  v: { name?: string | undefined; description?: string | undefined; premises?: string | undefined },
  now: Date,
): Promise<boolean> {
  const rows = await sql`
    update associations set name = coalesce(${v.name ?? null}, name), description = coalesce(${v.description ?? null}, description),
      premises = coalesce(${v.premises ?? null}, premises), updated_at = ${now.toISOString()}, version = version + 1
    where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}

/** Makes the member list exactly `organisationIds`. */
export async function replaceMembers(sql: RawSql, id: string, organisationIds: string[]): Promise<void> {
  await sql`delete from association_members where association_id = ${id} and not (organisation_id = any(${organisationIds}::uuid[]))`;
  if (organisationIds.length === 0) return;
  await sql`insert into association_members ${sql(organisationIds.map((o) => ({ association_id: id, organisation_id: o })))} on conflict do nothing`;
}

export function zoneOrganisations(sql: RawSql, zoneId: string, ids: string[]) {
  return sql<{ id: string }[]>`select id from organisations where zone_id = ${zoneId} and not archived and id = any(${ids}::uuid[])`;
}

export async function userByEmail(sql: RawSql, email: string) {
  const [row] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  return row;
}

export async function addOrganiser(sql: RawSql, id: string, userId: string): Promise<void> {
  await sql`insert into association_organisers (association_id, user_id) values (${id}, ${userId}) on conflict do nothing`;
}

export async function removeOrganiser(sql: RawSql, id: string, userId: string): Promise<void> {
  await sql`delete from association_organisers where association_id = ${id} and user_id = ${userId}`;
}

export async function saveLogo(sql: RawSql, id: string, contentType: string, bytes: Buffer, now: Date): Promise<void> {
  await sql`insert into association_logos (association_id, content_type, size, bytes, created_at) values (${id}, ${contentType}, ${bytes.length}, ${bytes}, ${now.toISOString()})
            on conflict (association_id) do update set content_type = excluded.content_type, size = excluded.size, bytes = excluded.bytes, created_at = excluded.created_at`;
}

export async function logo(sql: RawSql, id: string) {
  const [row] = await sql<{ content_type: string; bytes: Buffer }[]>`select content_type, bytes from association_logos where association_id = ${id}`;
  return row;
}

export async function linkEvent(sql: RawSql, eventId: string, associationId: string): Promise<void> {
  await sql`insert into association_events (event_id, association_id) values (${eventId}, ${associationId})`;
}

/** The association whose organisers run this event, with its members, if any. */
export async function eventAssociation(sql: RawSql, eventId: string) {
  const [row] = await sql<{ association_id: string; member_ids: string[]; organiser_ids: string[] }[]>`
    select e.association_id,
      array(select m.organisation_id from association_members m where m.association_id = e.association_id) as member_ids,
      array(select o.user_id from association_organisers o where o.association_id = e.association_id) as organiser_ids
    from association_events e where e.event_id = ${eventId}`;
  return row;
}

/** The events the association runs, drafts included, latest first. */
export function eventsOf(sql: RawSql, associationId: string) {
  return sql<{ id: string; zone_id: string; name: string; date: string; status: string; version: number }[]>`
    select e.id, e.zone_id, e.name, e.date::text as date, e.status, e.version
    from association_events ae join meeting_events e on e.id = ae.event_id
    where ae.association_id = ${associationId}
    order by e.date desc, e.name`;
}

export interface DirectoryRow {
  id: string;
  name: string;
  description: string;
  naf_code: string | null;
  city: string;
  offers: { id: string; title: string; categoryCode: string }[];
  needs: { id: string; title: string; categoryCode: string }[];
  synergies: { id: string; title: string; status: 'proposed' | 'under_discussion' | 'in_study' | 'implemented' | 'dropped' }[];
}

/**
 * The other member firms with their open fiches and the synergies they share with `myFirm`;
 * filtered by words (name, activity, fiche titles), fiche kind and category.
 */
export function directory(
  sql: RawSql,
  associationId: string,
  myFirm: string | null,
  f: { q?: string | undefined; kind?: 'offer' | 'need' | undefined; categoryCode?: string | undefined; withSynergies: boolean },
) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const ficheFilter = sql`d.organisation_id = o.id and d.status = 'active'
    ${f.kind ? sql`and d.kind = ${f.kind}` : sql``} ${f.categoryCode ? sql`and (d.category_code = ${f.categoryCode} or d.category_code like ${`${f.categoryCode}.%`})` : sql``}`;
  return sql<DirectoryRow[]>`
    select o.id, o.name, o.description, o.naf_code,
      coalesce((select s.city from sites s where s.organisation_id = o.id order by s.name, s.id limit 1), '') as city,
      coalesce((select json_agg(json_build_object('id', d.id, 'title', d.title, 'categoryCode', d.category_code) order by d.created_at desc)
                from declarations d where d.organisation_id = o.id and d.status = 'active' and d.kind = 'offer'), '[]') as offers,
      coalesce((select json_agg(json_build_object('id', d.id, 'title', d.title, 'categoryCode', d.category_code) order by d.created_at desc)
                from declarations d where d.organisation_id = o.id and d.status = 'active' and d.kind = 'need'), '[]') as needs,
      coalesce((select json_agg(json_build_object('id', s.id, 'title', s.title, 'status', s.status) order by s.updated_at desc)
                from synergies s
                where s.status <> 'dropped'
                  and exists (select 1 from synergy_parties p where p.synergy_id = s.id and p.organisation_id = o.id)
                  and exists (select 1 from synergy_parties p where p.synergy_id = s.id and p.organisation_id = ${myFirm})), '[]') as synergies
    from association_members m join organisations o on o.id = m.organisation_id
    where m.association_id = ${associationId} and not o.archived and o.id is distinct from ${myFirm}
      ${like ? sql`and (o.name ilike ${like} or o.description ilike ${like} or exists (select 1 from declarations d where d.organisation_id = o.id and d.status = 'active' and d.title ilike ${like}))` : sql``}
      ${f.kind || f.categoryCode ? sql`and exists (select 1 from declarations d where ${ficheFilter})` : sql``}
      ${
        f.withSynergies
          ? sql`and exists (select 1 from synergy_parties p1 join synergy_parties p2 on p2.synergy_id = p1.synergy_id join synergies s on s.id = p1.synergy_id
                                          where p1.organisation_id = o.id and p2.organisation_id = ${myFirm} and s.status <> 'dropped')`
          : sql``
      }
    order by o.name limit 500`;
}
