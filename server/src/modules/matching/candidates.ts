import type { SearchIndexes } from '../../infra/search/indexes';
import type { DeclarationDocument } from '../../infra/search/documents';
import type { MatchDeclaration } from '../../core/matching';

const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;
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
  const parts = [...byField].map(([field, values]) => `${field} IN [${values.map(quote).join(', ')}]`);
  return parts.length ? `(${parts.join(' OR ')})` : null;
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
  const base = [`status = "active"`, `(zoneId = ${quote(subject.zoneId)} OR visibility = "all")`];
  if (subject.location) base.push(`_geoRadius(${subject.location.lat}, ${subject.location.lng}, ${Math.round(options.maxDistanceKm * 1000)})`);
  const byKeys = keysFilter(keys);
  // One round trip for both queries.
  const { results } = await search.client.multiSearch({
    queries: [
      ...(byKeys ? [{ indexUid: search.declarations, q: '', filter: [...base, byKeys], limit: options.limit ?? 400, attributesToRetrieve: ['id'] }] : []),
      { indexUid: search.declarations, q: subject.title, filter: base, limit: 50, attributesToRetrieve: ['id'], showRankingScore: true, matchingStrategy: 'last' as const },
    ],
  });
  const text = results[results.length - 1]!;
  const keyed = byKeys ? results[0]! : { hits: [] };
  const found = new Map<string, number | undefined>();
  for (const hit of keyed.hits as { id: string }[]) if (hit.id !== subject.id) found.set(hit.id, undefined);
  for (const hit of text.hits as { id: string; _rankingScore?: number }[]) if (hit.id !== subject.id) found.set(hit.id, hit._rankingScore);
  return found;
}
