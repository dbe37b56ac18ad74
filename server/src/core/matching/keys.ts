import { CATEGORIES, findCategory } from '@synergies/shared';
import { featuresOf } from './features';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { MatchDeclaration, ProposalKind } from './types';

/**
 * Blocking keys: two declarations can only be a candidate pair (see `scorePair`) if
 * they share one. Category: the code and its ancestors below the family level (so
 * glassine meets paper, and two kinds of paper meet), and for a family-level code all
 * its descendants. Waste: the code, its sub-chapter, and the codes the knowledge base
 * documents together with it. A caller can fetch candidates by these keys instead of
 * comparing all pairs.
 */
export function candidateKeys(d: MatchDeclaration, kb?: KnowledgeBase): string[] {
  const keys = blockingKeys(d, kb);
  return [
    ...keys.categoryCodes.map((code) => `cat:${code}`),
    ...keys.wasteCodes.map((code) => `waste:${code}`),
    ...keys.wasteSubChapters.map((subChapter) => `wsub:${subChapter}`),
  ];
}

/** The same keys by the declaration field each one matches: how a store is asked for candidates. */
export interface BlockingKeys {
  categoryCodes: readonly string[];
  wasteCodes: readonly string[];
  /** "15 01": the first two pairs of digits of a waste code. */
  wasteSubChapters: readonly string[];
}

export function blockingKeys(d: MatchDeclaration, kb?: KnowledgeBase): BlockingKeys {
  const waste = featuresOf(d).waste;
  return {
    categoryCodes: categoryKeyCodes(d.categoryCode),
    wasteCodes: waste === null ? [] : [...new Set([waste.code, ...(kb?.relatedCodes(waste.code) ?? [])])],
    wasteSubChapters: waste?.subChapter ? [waste.subChapter] : [],
  };
}

const categoryKeyCache = new Map<string, string[]>();

function categoryKeyCodes(code: string): string[] {
  let codes = categoryKeyCache.get(code);
  if (codes === undefined) {
    codes = [code];
    if (!code.includes('.')) codes.push(...CATEGORIES.filter((c) => c.code.startsWith(`${code}.`)).map((c) => c.code));
    for (let parent = findCategory(code)?.parent ?? null; parent !== null && parent.includes('.'); parent = findCategory(parent)?.parent ?? null)
      codes.push(parent);
    categoryKeyCache.set(code, codes);
  }
  return codes;
}

/** Stable identity of a proposal: kind + sorted declaration ids + sorted organisation ids. */
export function proposalKey(kind: ProposalKind, declarationIds: readonly string[], organisationIds: readonly string[]): string {
  return `${kind}:${[...declarationIds].sort().join(',')}|${[...organisationIds].sort().join(',')}`;
}

/** The fields whose change makes a declined proposal worth showing again. */
export function materialFields(d: MatchDeclaration): string {
  const where = d.location === null ? '' : `${d.location.lat.toFixed(3)},${d.location.lng.toFixed(3)}`;
  return [d.id, d.kind, d.status, d.categoryCode, d.wasteCode ?? '', d.quantity ?? '', d.unit, d.frequency, d.hazardous ? 'h' : '', where].join('|');
}

/** 53-bit string hash (cyrb53), hex: a change detector, not a security measure. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const declarationHashes = new WeakMap<MatchDeclaration, string>();

/** Hash of the material fields of the declarations (order-free), plus any extra facts. */
export function fingerprint(declarations: readonly MatchDeclaration[], extra: readonly string[] = []): string {
  const hashes = declarations.map((d) => declarationHashes.get(d) ?? declarationHashes.set(d, hashString(materialFields(d))).get(d)!);
  return hashString(hashes.sort().concat(extra).join('|'));
}
