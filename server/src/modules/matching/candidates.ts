import { circleFilter } from '../../infra/search/geo-cells';
import { filterValue, type SearchIndexes } from '../../infra/search/indexes';
import type { DeclarationDocument } from '../../infra/search/documents';
import type { MatchDeclaration } from '../../core/matching';

const KEY_FIELDS: Record<string, keyof DeclarationDocument> = { cat: 'categoryCode', waste: 'wasteCode', wsub: 'wasteSubChapter' };

/** Turns the engine's blocking keys ("cat:materials.wood", "waste:15 01 03", "wsub:15 01") into a filter. */
export function keysFilter(keys: string[]): string | null {
  const byField = new Map<string, string[]>();
  for (const key of keys) {
    const [prefix, ...rest] = key.split(':');
    const field = KEY_FIELDS[prefix!];
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), rest.join(':')]);
  }
  const parts = [...byField].map(([field, values]) => `${field} IN [${values.map(filterValue).join(', ')}]`);
  return parts.length ? `(${parts.join(' OR ')})` : null;
}

/**
 * Whom a declaration can meet: its zone, and declarations open to all within the distance
 * limit (cells here, the exact distance in the scoring core). Without a location it meets
 * its zone only, as in the core.
 */
function reachFilter(subject: MatchDeclaration, maxDistanceKm: number): string {
  const zone = `zoneId = ${filterValue(subject.zoneId)}`;
  if (!subject.location) return zone;
  const near = circleFilter(subject.location, maxDistanceKm);
  return `(${zone} OR (visibility = "all"${near ? ` AND ${near}` : ''}))`;
}

/**
 * Candidate declarations for `subject`, from the search index: those sharing a blocking
 * key, plus the best text matches of its title; both within the zone (or visible to all)
 * and the distance limit. Returns ids with the text relevance when there is one.
 */
export async function findCandidates(
  search: SearchIndexes,
  subject: MatchDeclaration,
  keys: string[],
  options: { maxDistanceKm: number; limit?: number },
): Promise<Map<string, number | undefined>> {
  const base = [`status = "active"`, reachFilter(subject, options.maxDistanceKm)];
  const byKeys = keysFilter(keys);
  const index = search.client.index(search.declarations);
  // Two requests side by side rather than one multi-search, which Meilisearch runs in turn.
  const [keyed, text] = await Promise.all([
    // A broad category can share its keys with thousands: the newest first, the text query bringing the closest wording.
    byKeys
      ? index.search('', { filter: [...base, byKeys], sort: ['createdAt:desc'], limit: options.limit ?? 200, attributesToRetrieve: ['id'] })
      : { hits: [] },
    index.search(subject.title, { filter: base, limit: 50, attributesToRetrieve: ['id'], showRankingScore: true, matchingStrategy: 'last' }),
  ]);
  const found = new Map<string, number | undefined>();
  for (const hit of keyed.hits as { id: string }[]) if (hit.id !== subject.id) found.set(hit.id, undefined);
  for (const hit of text.hits as { id: string; _rankingScore?: number }[]) if (hit.id !== subject.id) found.set(hit.id, hit._rankingScore);
  return found;
}
