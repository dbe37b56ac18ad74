import { normaliseWasteCode } from '@synergies/shared';
import { CATEGORY_CONCEPTS, FLOW_CONCEPTS, type FlowConcept } from './flows';
import { deletions, foldWords } from './normalise';

/** Words that join terms and say nothing ("chutes d'acier" is "chute acier"). */
const FILLERS = new Set(['de', 'd', 'du', 'des', 'la', 'le', 'les', 'l', 'en', 'a', 'au', 'et', 'of', 'the', 'and', 'from', 'with', 'pour', 'issu', 'issue', 'type', 'sur', 'par', 'un', 'une']);

/** Concepts a declaration or case speaks of, each with how directly (1 named, less when implied). */
export type ConceptWeights = Map<string, number>;

interface Term {
  words: string[];
  concept: string;
}

/** Weight of a concept found through its narrower one ("ferraille d'acier" is also "ferraille"). */
const PARENT_WEIGHT = 0.5;
/** A word one typing error away from a term ("ferailles", "melase") still names it, a little less surely. */
const TYPO_WEIGHT = 0.8;
const MIN_TYPO_LENGTH = 5;

function words(text: string): string[] {
  return foldWords(text).filter((w) => !FILLERS.has(w));
}

/**
 * Reads flow concepts out of free text in French or English, and out of List-of-Waste
 * codes and category codes. Built once from the maintained data (`flows.ts`).
 */
export class Lexicon {
  readonly concepts = new Map<string, FlowConcept>();
  private readonly byFirstWord = new Map<string, Term[]>();
  private readonly byDeletion = new Map<string, Set<string>>();
  private readonly singleWord = new Map<string, string[]>();
  private readonly byCode = new Map<string, string[]>();
  private readonly bySubChapter = new Map<string, string[]>();
  private readonly byChapter = new Map<string, string[]>();
  private readonly byCategory = new Map<string, string>();
  private readonly textCache = new Map<string, ConceptWeights>();

  constructor(concepts: readonly FlowConcept[] = FLOW_CONCEPTS, categories: Readonly<Record<string, string>> = CATEGORY_CONCEPTS) {
    for (const [category, concept] of Object.entries(categories)) this.byCategory.set(category, concept);
    for (const concept of concepts) {
      this.concepts.set(concept.id, concept);
      for (const term of [...concept.fr, ...concept.en]) {
        const ws = words(term);
        if (ws.length === 0) continue;
        const list = this.byFirstWord.get(ws[0]!) ?? [];
        list.push({ words: ws, concept: concept.id });
        this.byFirstWord.set(ws[0]!, list);
        if (ws.length === 1 && ws[0]!.length >= MIN_TYPO_LENGTH) {
          const w = ws[0]!;
          this.singleWord.set(w, [...(this.singleWord.get(w) ?? []), concept.id]);
          for (const variant of [w, ...deletions(w)]) (this.byDeletion.get(variant) ?? this.byDeletion.set(variant, new Set()).get(variant)!).add(w);
        }
      }
      for (const code of concept.ewc) {
        const digits = code.replace(/\D/g, '');
        const map = digits.length === 6 ? this.byCode : digits.length === 4 ? this.bySubChapter : this.byChapter;
        const key = digits.length === 6 ? normaliseWasteCode(digits)! : digits.length === 4 ? `${digits.slice(0, 2)} ${digits.slice(2)}` : digits;
        map.set(key, [...(map.get(key) ?? []), concept.id]);
      }
    }
    // Longest terms first: "vapeur basse pression" before "vapeur".
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Concepts named in a text, with their broader concepts (weaker). Cached: titles repeat. */
  ofText(text: string): ConceptWeights {
    let found = this.textCache.get(text);
    if (found !== undefined) return found;
    found = new Map();
    const ws = words(text);
    for (let i = 0; i < ws.length; ) {
      const term = this.byFirstWord.get(ws[i]!)?.find((t) => t.words.every((w, k) => ws[i + k] === w));
      if (term !== undefined) {
        add(found, term.concept, 1);
        i += term.words.length;
        continue;
      }
      for (const concept of this.typo(ws[i]!)) add(found, concept, TYPO_WEIGHT);
      i += 1;
    }
    this.withParents(found);
    if (this.textCache.size > 50_000) this.textCache.clear();
    this.textCache.set(text, found);
    return found;
  }

  /** Concepts a List-of-Waste code implies: named by the code itself, then by its sub-chapter, then its chapter. */
  ofWasteCode(code: string | null): ConceptWeights {
    const found: ConceptWeights = new Map();
    const normalised = code === null ? undefined : normaliseWasteCode(code);
    if (normalised === undefined) return found;
    for (const id of this.byCode.get(normalised) ?? []) add(found, id, 1);
    for (const id of this.bySubChapter.get(normalised.slice(0, 5)) ?? []) add(found, id, 0.6);
    for (const id of this.byChapter.get(normalised.slice(0, 2)) ?? []) add(found, id, 0.3);
    this.withParents(found);
    return found;
  }

  /** The concept a category stands for on its own ("energy.steam" → steam), when it names one. */
  ofCategory(categoryCode: string): string | null {
    return this.byCategory.get(categoryCode) ?? null;
  }

  /** Codes a concept implies exactly (six digits), for cases recorded by code only. */
  codesOf(conceptId: string): string[] {
    return (this.concepts.get(conceptId)?.ewc ?? []).filter((c) => c.replace(/\D/g, '').length === 6).map((c) => normaliseWasteCode(c)!);
  }

  private typo(word: string): string[] {
    if (word.length < MIN_TYPO_LENGTH) return [];
    const out: string[] = [];
    for (const variant of [word, ...deletions(word)]) {
      for (const term of this.byDeletion.get(variant) ?? []) if (term[0] === word[0] && oneEditApart(term, word)) out.push(...(this.singleWord.get(term) ?? []));
    }
    return [...new Set(out)];
  }

  private withParents(found: ConceptWeights): void {
    for (const [id, weight] of [...found]) {
      let parent = this.concepts.get(id)?.parent;
      let w = weight * PARENT_WEIGHT;
      while (parent !== undefined) {
        add(found, parent, w);
        parent = this.concepts.get(parent)?.parent;
        w *= PARENT_WEIGHT;
      }
    }
  }
}

/** One substitution, insertion, deletion or swap of neighbours turns `a` into `b` ("dechet" and "dreche" are two apart). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function add(found: ConceptWeights, id: string, weight: number): void {
  if ((found.get(id) ?? 0) < weight) found.set(id, weight);
}

export const LEXICON = new Lexicon();
