import { SEARCH_SYNONYMS } from '@synergies/shared';
import { Meilisearch, type Settings } from 'meilisearch';
import { meiliErrorCode, meiliHttpClient } from './http-client';

export interface SearchIndexes {
  client: Meilisearch;
  declarations: string;
  organisations: string;
}

const FRENCH_STOP_WORDS = ['le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'en', 'à', 'au', 'aux', 'pour', 'sur', 'par', 'd', 'l'];

const common: Settings = {
  synonyms: SEARCH_SYNONYMS,
  stopWords: FRENCH_STOP_WORDS,
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  pagination: { maxTotalHits: 5000 },
  // Filters and facet counts only: searching within facet values would cost indexing time for nothing.
  facetSearch: false,
};

export const DECLARATION_SETTINGS: Settings = {
  ...common,
  searchableAttributes: ['title', 'categoryLabel', 'wasteLabel', 'description', 'organisationName', 'wasteCode'],
  filterableAttributes: [
    'zoneId',
    'kind',
    'categoryPath',
    'categoryCode',
    'wasteSubChapter',
    'status',
    'hazardous',
    'priceMode',
    'visibility',
    'organisationId',
    'wasteCode',
    'geoCells',
    // Pages of a circle search are fetched by id.
    'id',
  ],
  sortableAttributes: ['createdAt'],
  faceting: { maxValuesPerFacet: 200 },
};

export const ORGANISATION_SETTINGS: Settings = {
  ...common,
  searchableAttributes: ['name', 'description', 'nafCode', 'city', 'associations'],
  filterableAttributes: ['zoneId', 'nafCode', 'associations', 'geoCells'],
  sortableAttributes: ['name'],
};

/** A string as a value in a Meilisearch filter expression, quoted and escaped. */
export const filterValue = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

export function searchIndexes(url: string, key: string, prefix = ''): SearchIndexes {
  return {
    client: new Meilisearch({ host: url, apiKey: key, httpClient: meiliHttpClient() }),
    declarations: `${prefix}declarations`,
    organisations: `${prefix}organisations`,
  };
}

/**
 * Creates the indexes if needed and applies their settings (idempotent). Returns the
 * entities whose existing documents were shaped for other filterable attributes (an
 * upgrade): the caller queues them for re-indexing.
 */
export async function ensureIndexes(search: SearchIndexes): Promise<('declaration' | 'organisation')[]> {
  const { client } = search;
  const stale: ('declaration' | 'organisation')[] = [];
  for (const [entity, uid, settings] of [
    ['declaration', search.declarations, DECLARATION_SETTINGS],
    ['organisation', search.organisations, ORGANISATION_SETTINGS],
  ] as const) {
    if (!(await indexExists(client, uid))) await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
    else if (!sameSet(await client.index(uid).getFilterableAttributes(), settings.filterableAttributes ?? [])) stale.push(entity);
    // A settings change re-indexes in Meilisearch: minutes at national scale, hence the long wait.
    await client.index(uid).updateSettings(settings).waitTask({ timeout: 3_600_000 });
  }
  return stale;
}

const sameSet = (a: readonly unknown[] | null, b: readonly unknown[]) =>
  JSON.stringify([...(a ?? [])].map(String).sort()) === JSON.stringify([...b].map(String).sort());

export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getIndex(uid);
    return true;
  } catch (error) {
    if (meiliErrorCode(error) === 'index_not_found') return false;
    throw error;
  }
}
