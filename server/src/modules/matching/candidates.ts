import type { CandidateKeys } from './repository';

/** The engine's blocking keys ("cat:materials.wood", "waste:15 01 03", "wsub:15 01") by the declaration column each one matches. */
export function keysByColumn(keys: readonly string[]): CandidateKeys {
  const columns: CandidateKeys = { categoryCodes: [], wasteCodes: [], wasteSubChapters: [] };
  const byPrefix: Record<string, string[]> = { cat: columns.categoryCodes, waste: columns.wasteCodes, wsub: columns.wasteSubChapters };
  for (const key of keys) {
    const colon = key.indexOf(':');
    byPrefix[key.slice(0, colon)]?.push(key.slice(colon + 1));
  }
  return columns;
}
