import { normaliseWasteCode, wasteCodeChapter, wasteCodeSubChapter } from '@synergies/shared';

/** Agreement of two List-of-Waste codes; `knowledge`: documented together in the knowledge base. */
export type WasteRelation = 'same' | 'sub_chapter' | 'chapter' | 'knowledge' | 'none';

/** Sub-chapters such as 15 01 (packaging) and 20 01 (separate collection) mix materials: weak evidence. */
export const WASTE_RELATION_VALUE: Record<WasteRelation, number> = {
  same: 1,
  knowledge: 0.6,
  sub_chapter: 0.4,
  chapter: 0.15,
  none: 0,
};

export interface WasteParts {
  readonly code: string;
  readonly subChapter: string | null;
  readonly chapter: string | null;
}

/** A matching reads the same few hundred codes for every candidate: parsed once each. */
const parsed = new Map<string, WasteParts | null>();
const PARSED_LIMIT = 10_000;

export function wasteParts(code: string | null): WasteParts | null {
  if (code === null) return null;
  let parts = parsed.get(code);
  if (parts === undefined) {
    const normalised = normaliseWasteCode(code);
    parts =
      normalised === undefined
        ? null
        : { code: normalised, subChapter: wasteCodeSubChapter(normalised) ?? null, chapter: wasteCodeChapter(normalised) ?? null };
    // Free text can hold anything: the cache is dropped rather than let grow.
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(code, parts);
  }
  return parts;
}

export function wasteRelation(a: WasteParts, b: WasteParts, related?: ReadonlySet<string>): WasteRelation {
  if (a.code === b.code) return 'same';
  if (a.subChapter !== null && a.subChapter === b.subChapter) return 'sub_chapter';
  if (related?.has(b.code)) return 'knowledge';
  if (a.chapter !== null && a.chapter === b.chapter) return 'chapter';
  return 'none';
}
