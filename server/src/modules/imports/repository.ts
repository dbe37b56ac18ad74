import type { ImportCounts, ImportKind, ImportMapping } from '@synergies/shared';
import type { ExistingDeclaration, ExistingFirm } from '../../core/imports/plan';
import { mainSiteJoin } from '../../infra/locations';
import type { RawSql } from '../../infra/db';

export interface ImportRunRow {
  id: string;
  zoneId: string;
  kind: ImportKind;
  fileName: string;
  status: 'uploaded' | 'queued' | 'running' | 'done' | 'failed';
  mapping: ImportMapping | null;
  total: number;
  done: number;
  result: ImportCounts | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const RUN_COLUMNS = (sql: RawSql) =>
  sql`id, zone_id as "zoneId", kind, file_name as "fileName", status, mapping, total, done, result, error,
      requested_by as "requestedBy", created_at as "createdAt", finished_at as "finishedAt"`;

export async function insertRun(
  sql: RawSql,
  run: { zoneId: string; kind: ImportKind; fileName: string; file: Buffer; total: number; requestedBy: string | null },
) {
  const [row] = await sql<ImportRunRow[]>`
    insert into import_runs (zone_id, kind, file_name, file, total, requested_by)
    values (${run.zoneId}, ${run.kind}, ${run.fileName}, ${run.file}, ${run.total}, ${run.requestedBy})
    returning ${RUN_COLUMNS(sql)}`;
  return parsed(row!);
}

/** The client is drizzle's: it hands jsonb over as text. */
const parsed = (row: ImportRunRow): ImportRunRow => ({
  ...row,
  mapping: typeof row.mapping === 'string' ? JSON.parse(row.mapping) : row.mapping,
  result: typeof row.result === 'string' ? JSON.parse(row.result) : row.result,
});

export async function findRun(sql: RawSql, id: string): Promise<ImportRunRow | undefined> {
  const [row] = await sql<ImportRunRow[]>`select ${RUN_COLUMNS(sql)} from import_runs where id = ${id}`;
  return row && parsed(row);
}

export async function runFile(sql: RawSql, id: string): Promise<Buffer> {
  const [row] = await sql<{ file: Buffer }[]>`select file from import_runs where id = ${id}`;
  return row!.file;
}

export async function listRuns(sql: RawSql, zoneId: string, limit: number) {
  const rows = await sql<ImportRunRow[]>`select ${RUN_COLUMNS(sql)} from import_runs where zone_id = ${zoneId} order by created_at desc limit ${limit}`;
  return rows.map(parsed);
}

/** Moves an uploaded sheet to the queue once: a second confirmation finds 0 rows. */
export async function queueRun(sql: RawSql, id: string, kind: ImportKind, mapping: ImportMapping): Promise<boolean> {
  const rows =
    await sql`update import_runs set status = 'queued', kind = ${kind}, mapping = ${JSON.stringify(mapping)}::jsonb where id = ${id} and status = 'uploaded' returning id`;
  return rows.length === 1;
}

export async function startRun(sql: RawSql, id: string): Promise<boolean> {
  const rows = await sql`update import_runs set status = 'running', done = 0 where id = ${id} and status in ('queued', 'running') returning id`;
  return rows.length === 1;
}

export const setProgress = (sql: RawSql, id: string, done: number, total: number) =>
  sql`update import_runs set done = ${done}, total = ${total} where id = ${id}`;

export async function finishRun(sql: RawSql, id: string, status: 'done' | 'failed', result: ImportCounts | null, error: string | null, at: Date) {
  await sql`update import_runs set status = ${status}, result = ${result ? JSON.stringify(result) : null}::jsonb, error = ${error}, finished_at = ${at.toISOString()},
    done = case when ${status} = 'done' then total else done end where id = ${id}`;
}

export async function template(sql: RawSql, zoneId: string, kind: ImportKind): Promise<ImportMapping | undefined> {
  const [row] = await sql<{ mapping: string }[]>`select mapping::text as mapping from import_templates where zone_id = ${zoneId} and kind = ${kind}`;
  return row ? (JSON.parse(row.mapping) as ImportMapping) : undefined;
}

export async function saveTemplate(sql: RawSql, zoneId: string, kind: ImportKind, mapping: ImportMapping, at: Date) {
  await sql`insert into import_templates (zone_id, kind, mapping) values (${zoneId}, ${kind}, ${JSON.stringify(mapping)}::jsonb)
    on conflict (zone_id, kind) do update set mapping = excluded.mapping, updated_at = ${at.toISOString()}, version = import_templates.version + 1`;
}

/** The zone's firms and any firm holding one of these SIRETs, each at its main site. */
export async function firms(sql: RawSql, zoneId: string, sirets: string[]): Promise<ExistingFirm[]> {
  const rows = await sql<
    (Omit<ExistingFirm, 'site'> & {
      siteId: string | null;
      address: string;
      postalCode: string;
      city: string;
      latitude: number | null;
      longitude: number | null;
    })[]
  >`
    select o.id, o.zone_id as "zoneId", o.version, o.siret, o.name, o.naf_code as "nafCode", o.headcount, o.email, o.phone, o.website, o.description,
           s.id as "siteId", s.address, s.postal_code as "postalCode", s.city, s.latitude, s.longitude
    from organisations o ${mainSiteJoin(sql, 'o.id')}
    where (o.zone_id = ${zoneId} or o.siret = any(${sirets}::text[])) and not o.archived`;
  return rows.map(({ siteId, address, postalCode, city, latitude, longitude, ...o }) => ({
    ...o,
    site: siteId ? { id: siteId, address, postalCode, city, latitude, longitude } : null,
  }));
}

export function declarationsOfZone(sql: RawSql, zoneId: string) {
  return sql<ExistingDeclaration[]>`
    select id, organisation_id as "organisationId", version, kind, title, category_code as "categoryCode", description, quantity, unit,
           frequency, waste_code as "wasteCode", hazardous
    from declarations where zone_id = ${zoneId}`;
}

export async function references(sql: RawSql, zoneId: string): Promise<Map<string, string>> {
  const rows = await sql<{ reference: string; declarationId: string }[]>`
    select reference, declaration_id as "declarationId" from declaration_references where zone_id = ${zoneId}`;
  return new Map(rows.map((r) => [r.reference, r.declarationId]));
}

export type OrganisationInsert = {
  zone_id: string;
  siret: string;
  name: string;
  naf_code: string | null;
  headcount: number | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  description: string;
};
export type SiteInsert = {
  organisation_id: string;
  name: string;
  address: string;
  postal_code: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
};

export async function insertOrganisations(sql: RawSql, rows: OrganisationInsert[]): Promise<Map<string, string>> {
  const out = await sql<{ id: string; siret: string }[]>`insert into organisations ${sql(rows)} returning id, siret`;
  return new Map(out.map((r) => [r.siret, r.id]));
}

export async function insertSites(sql: RawSql, rows: SiteInsert[]) {
  if (rows.length) await sql`insert into sites ${sql(rows)}`;
}

const ORG_COLUMNS = {
  name: 'name',
  nafCode: 'naf_code',
  headcount: 'headcount',
  email: 'email',
  phone: 'phone',
  website: 'website',
  description: 'description',
} as const;
const SITE_COLUMNS = { address: 'address', postalCode: 'postal_code', city: 'city', latitude: 'latitude', longitude: 'longitude' } as const;

const columnsOf = (patch: Record<string, unknown>, names: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(patch)
      .filter(([k]) => k in names)
      .map(([k, v]) => [names[k]!, v]),
  );

/** Applies a patch only at the version read: false when someone changed the firm meanwhile. */
export async function updateOrganisation(sql: RawSql, id: string, version: number, patch: Record<string, unknown>, at: Date): Promise<boolean> {
  const set = { ...columnsOf(patch, ORG_COLUMNS), updated_at: at.toISOString() };
  const rows = await sql`update organisations set ${sql(set)}, version = version + 1 where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}

export async function updateSite(sql: RawSql, id: string, patch: Record<string, unknown>) {
  await sql`update sites set ${sql(columnsOf(patch, SITE_COLUMNS))} where id = ${id}`;
}

export type DeclarationInsert = {
  organisation_id: string;
  zone_id: string;
  kind: string;
  title: string;
  category_code: string;
  description: string;
  quantity: number | null;
  unit: string;
  frequency: string;
  waste_code: string | null;
  hazardous: boolean;
};

export function insertDeclarations(sql: RawSql, rows: DeclarationInsert[]) {
  return sql<{ id: string }[]>`insert into declarations ${sql(rows)} returning id`;
}

const DECLARATION_COLUMNS = {
  kind: 'kind',
  title: 'title',
  categoryCode: 'category_code',
  description: 'description',
  quantity: 'quantity',
  unit: 'unit',
  frequency: 'frequency',
  wasteCode: 'waste_code',
  hazardous: 'hazardous',
} as const;

export async function updateDeclaration(sql: RawSql, id: string, version: number, patch: Record<string, unknown>, at: Date): Promise<boolean> {
  const set = { ...columnsOf(patch, DECLARATION_COLUMNS), updated_at: at.toISOString() };
  const rows = await sql`update declarations set ${sql(set)}, version = version + 1 where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}

export async function insertReferences(sql: RawSql, zoneId: string, rows: { reference: string; declarationId: string }[]) {
  if (rows.length === 0) return;
  await sql`insert into declaration_references ${sql(rows.map((r) => ({ zone_id: zoneId, reference: r.reference, declaration_id: r.declarationId })))}
    on conflict (zone_id, reference) do update set declaration_id = excluded.declaration_id`;
}

export async function markForReindex(sql: RawSql, entity: 'declaration' | 'organisation', ids: string[]) {
  if (ids.length) await sql`insert into search_outbox (entity, entity_id) select ${entity}, unnest(${ids}::uuid[])`;
}
