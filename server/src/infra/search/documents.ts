import { findCategory, findWasteCode, wasteCodeSubChapter } from '@synergies/shared';
import { declarationSiteJoin, mainSiteJoin } from '../locations';
import { cellsOf } from './geo-cells';
import type { RawSql } from '../db';

/** A client or a transaction. */

/** Ancestors of a category code, itself included: filtering on a family finds its children. */
export function categoryPath(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

export interface DeclarationDocument {
  id: string;
  kind: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryPath: string[];
  categoryLabel: string;
  wasteCode: string | null;
  wasteLabel: string | null;
  /** "15 01": lets the matching engine fetch related waste by sub-chapter. */
  wasteSubChapter: string | null;
  quantity: number | null;
  unit: string;
  frequency: string;
  priceMode: string;
  hazardous: boolean;
  status: string;
  visibility: string;
  organisationId: string;
  organisationName: string;
  zoneId: string;
  city: string | null;
  photoId: string | null;
  createdAt: number;
  /** Where the site is, for distances; not indexed (see geo-cells.ts). */
  location: { lat: number; lng: number } | null;
  geoCells: string[];
}

interface DeclarationRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  category_code: string;
  waste_code: string | null;
  quantity: number | null;
  unit: string;
  frequency: string;
  price_mode: string;
  hazardous: boolean;
  status: string;
  visibility: string;
  organisation_id: string;
  organisation_name: string;
  zone_id: string;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  photo_id: string | null;
  /** Text: drizzle turns off postgres.js's timestamp parsing on the shared client. */
  created_at: string;
}

function locationFields(r: { latitude: number | null; longitude: number | null }) {
  const location = r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lng: r.longitude } : null;
  return { location, geoCells: location ? cellsOf(location) : [] };
}

export function toDeclarationDocument(r: DeclarationRow): DeclarationDocument {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    categoryCode: r.category_code,
    categoryPath: categoryPath(r.category_code),
    categoryLabel: findCategory(r.category_code)?.labelFr ?? r.category_code,
    wasteCode: r.waste_code,
    wasteLabel: r.waste_code ? (findWasteCode(r.waste_code)?.labelFr ?? null) : null,
    wasteSubChapter: r.waste_code ? (wasteCodeSubChapter(r.waste_code) ?? null) : null,
    quantity: r.quantity,
    unit: r.unit,
    frequency: r.frequency,
    priceMode: r.price_mode,
    hazardous: r.hazardous,
    status: r.status,
    visibility: r.visibility,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    zoneId: r.zone_id,
    city: r.city,
    photoId: r.photo_id,
    createdAt: new Date(r.created_at).getTime(),
    ...locationFields(r),
  };
}

const DECLARATION_SELECT = (sql: RawSql) => sql`
  select d.id, d.kind, d.title, d.description, d.category_code, d.waste_code, d.quantity, d.unit,
         d.frequency, d.price_mode, d.hazardous, d.status, d.visibility, d.organisation_id,
         o.name as organisation_name, d.zone_id, s.city, s.latitude, s.longitude, d.created_at,
         (select p.id from declaration_photos p where p.declaration_id = d.id order by p.created_at limit 1) as photo_id
  from declarations d
  join organisations o on o.id = d.organisation_id
  ${declarationSiteJoin(sql)}`;

export async function loadDeclarationDocuments(sql: RawSql, ids: string[]): Promise<DeclarationDocument[]> {
  if (ids.length === 0) return [];
  const rows = await sql<DeclarationRow[]>`${DECLARATION_SELECT(sql)} where d.id = any(${ids}::uuid[])`;
  return rows.map(toDeclarationDocument);
}

/** Streams every declaration in id order, `batchSize` at a time (index rebuilds). */
export async function* allDeclarationDocuments(sql: RawSql, batchSize = 5000): AsyncGenerator<DeclarationDocument[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await sql<DeclarationRow[]>`${DECLARATION_SELECT(sql)} where d.id > ${after} order by d.id limit ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map(toDeclarationDocument);
    after = rows[rows.length - 1]!.id;
  }
}

export interface OrganisationDocument {
  id: string;
  name: string;
  description: string;
  nafCode: string | null;
  headcount: number | null;
  zoneId: string;
  city: string | null;
  associations: string[];
  offers: number;
  needs: number;
  location: { lat: number; lng: number } | null;
  geoCells: string[];
}

interface OrganisationRow {
  id: string;
  name: string;
  description: string;
  naf_code: string | null;
  headcount: number | null;
  zone_id: string;
  associations: string[];
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  offers: number;
  needs: number;
}

const ORGANISATION_SELECT = (sql: RawSql) => sql`
  select o.id, o.name, o.description, o.naf_code, o.headcount, o.zone_id, o.associations,
         s.city, s.latitude, s.longitude,
         (select count(*)::int from declarations d where d.organisation_id = o.id and d.kind = 'offer' and d.status = 'active') as offers,
         (select count(*)::int from declarations d where d.organisation_id = o.id and d.kind = 'need' and d.status = 'active') as needs
  from organisations o
  ${mainSiteJoin(sql, 'o.id')}
  where not o.archived`;

function toOrganisationDocument(r: OrganisationRow): OrganisationDocument {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    nafCode: r.naf_code,
    headcount: r.headcount,
    zoneId: r.zone_id,
    city: r.city,
    associations: r.associations,
    offers: r.offers,
    needs: r.needs,
    ...locationFields(r),
  };
}

export async function loadOrganisationDocuments(sql: RawSql, ids: string[]): Promise<OrganisationDocument[]> {
  if (ids.length === 0) return [];
  const rows = await sql<OrganisationRow[]>`${ORGANISATION_SELECT(sql)} and o.id = any(${ids}::uuid[])`;
  return rows.map(toOrganisationDocument);
}

export async function* allOrganisationDocuments(sql: RawSql, batchSize = 5000): AsyncGenerator<OrganisationDocument[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await sql<OrganisationRow[]>`${ORGANISATION_SELECT(sql)} and o.id > ${after} order by o.id limit ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map(toOrganisationDocument);
    after = rows[rows.length - 1]!.id;
  }
}
