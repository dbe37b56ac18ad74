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
    '_geo',
  ],
  sortableAttributes: ['_geo', 'createdAt'],
  faceting: { maxValuesPerFacet: 200 },
};

export const ORGANISATION_SETTINGS: Settings = {
  ...common,
  searchableAttributes: ['name', 'description', 'nafCode', 'city', 'associations'],
  filterableAttributes: ['zoneId', 'nafCode', 'associations', '_geo'],
  sortableAttributes: ['name', '_geo'],
};

export function searchIndexes(url: string, key: string, prefix = ''): SearchIndexes {
  return {
    client: new Meilisearch({ host: url, apiKey: key, httpClient: meiliHttpClient() }),
    declarations: `${prefix}declarations`,
    organisations: `${prefix}organisations`,
  };
}

/** Creates the indexes if needed and applies their settings (idempotent). */
export async function ensureIndexes(search: SearchIndexes): Promise<void> {
  const { client } = search;
  for (const [uid, settings] of [
    [search.declarations, DECLARATION_SETTINGS],
    [search.organisations, ORGANISATION_SETTINGS],
  ] as const) {
    if (!(await indexExists(client, uid))) await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
    await client.index(uid).updateSettings(settings).waitTask({ timeout: 60_000 });
  }
}

export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getIndex(uid);
    return true;
  } catch (error) {
    if (meiliErrorCode(error) === 'index_not_found') return false;
    throw error;
  }
}
