import { schema } from '@synergies/db';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db';

const o = schema.organisations;
const s = schema.sites;
const d = schema.declarations;

export const organisationsOfZone = (db: Db, zoneId: string) =>
  db
    .select()
    .from(o)
    .where(sql`${o.zoneId} = ${zoneId} and not ${o.archived}`)
    .orderBy(asc(o.name));

export const sitesOfOrganisations = (db: Db, ids: string[]) =>
  ids.length ? db.select().from(s).where(inArray(s.organisationId, ids)).orderBy(asc(s.name)) : Promise.resolve([]);

export const declarationsOfZone = (db: Db, zoneId: string) => db.select().from(d).where(eq(d.zoneId, zoneId)).orderBy(asc(d.createdAt), asc(d.id));

/** `(xmax = 0)` is true for a row this statement inserted, false for one it updated. */
const inserted = sql<boolean>`(xmax = 0)`;

function excludedSet<K extends string>(columns: { [P in K]: { name: string } }, keys: K[]) {
  return Object.fromEntries(keys.map((k) => [k, sql.raw(`excluded.${columns[k].name}`)]));
}

/** True when an upsert would change something: unchanged rows keep their version. */
function differs<K extends string>(table: string, columns: { [P in K]: { name: string } }, keys: K[]) {
  const names = keys.map((k) => columns[k].name);
  return sql.raw(`(${names.map((n) => `${table}.${n}`).join(', ')}) is distinct from (${names.map((n) => `excluded.${n}`).join(', ')})`);
}

const ORGANISATION_FIELDS = ['name', 'nafCode', 'headcount', 'description', 'website', 'email', 'phone', 'associations'] as const;
const SITE_FIELDS = ['name', 'address', 'postalCode', 'city', 'latitude', 'longitude'] as const;
const DECLARATION_FIELDS = [
  'kind',
  'title',
  'description',
  'categoryCode',
  'wasteCode',
  'quantity',
  'unit',
  'frequency',
  'availableFrom',
  'availableUntil',
  'condition',
  'priceMode',
  'priceAmount',
  'siteId',
  'hazardous',
  'status',
  'visibility',
] as const;

/**
 * Upserts organisations by SIRET. Rows that come back neither inserted nor updated are
 * unchanged, or registered in another zone: the caller tells which.
 */
export function upsertOrganisations(db: Db, rows: (typeof o.$inferInsert)[]) {
  return db
    .insert(o)
    .values(rows)
    .onConflictDoUpdate({
      target: o.siret,
      set: {
        ...excludedSet(o, [...ORGANISATION_FIELDS]),
        archived: false,
        updatedAt: sql`now()`,
        version: sql`${o.version} + 1`,
      },
      setWhere: sql`${o.zoneId} = excluded.zone_id and (${o.archived} or ${differs('organisations', o, [...ORGANISATION_FIELDS])})`,
    })
    .returning({ id: o.id, siret: o.siret, inserted });
}

/** Upserts by id, only when the existing row belongs to the same organisation. */
export function upsertSites(db: Db, rows: (typeof s.$inferInsert)[]) {
  return db
    .insert(s)
    .values(rows)
    .onConflictDoUpdate({
      target: s.id,
      set: excludedSet(s, [...SITE_FIELDS]),
      setWhere: sql`${s.organisationId} = excluded.organisation_id and ${differs('sites', s, [...SITE_FIELDS])}`,
    })
    .returning({ id: s.id, inserted });
}

export function upsertDeclarations(db: Db, rows: (typeof d.$inferInsert)[]) {
  return db
    .insert(d)
    .values(rows)
    .onConflictDoUpdate({
      target: d.id,
      set: {
        ...excludedSet(d, [...DECLARATION_FIELDS]),
        updatedAt: sql`now()`,
        version: sql`${d.version} + 1`,
      },
      setWhere: sql`${d.organisationId} = excluded.organisation_id and ${differs('declarations', d, [...DECLARATION_FIELDS])}`,
    })
    .returning({ id: d.id, inserted });
}

/** Existing rows among these keys: key -> { id, owner } (owner: zone for organisations, organisation otherwise). */
export async function existing(db: Db, table: 'organisations' | 'sites' | 'declarations', key: 'siret' | 'id', values: string[]) {
  const found = new Map<string, { id: string; owner: string }>();
  if (values.length === 0) return found;
  const owner = table === 'organisations' ? 'zone_id' : 'organisation_id';
  const rows = await db.execute<{ k: string; id: string; owner: string }>(
    sql`select ${sql.raw(key)}::text as k, id::text as id, ${sql.raw(owner)}::text as owner
        from ${sql.raw(table)} where ${sql.raw(key)}::text in ${values}`,
  );
  for (const r of rows) found.set(r.k, { id: r.id, owner: r.owner });
  return found;
}
