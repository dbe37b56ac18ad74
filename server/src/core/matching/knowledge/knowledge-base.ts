import { isHazardousWasteCode, normaliseWasteCode } from '@synergies/shared';
import { textTokens, tokenSimilarity } from '../signals/text';
import { LEXICON, type ConceptWeights } from './lexicon/lexicon';
import { naceAffinity, nafToNaceClass } from './nace';

/** One documented exchange: a providing sector gave a material to a receiving sector. */
export interface KnowledgeCase {
  id: string;
  source: 'maestri' | 'validated';
  /** NACE codes at 2 to 4 digits ("2410", "171"); several when the source lists several. */
  providerNace: string[];
  receiverNace: string[];
  /** First List-of-Waste code, "10 02 02"; `ewcCodes` holds all of them. */
  ewcCode: string;
  ewcCodes: string[];
  /** The source marks the code as approximate ("^" or "#"). */
  approximate: boolean;
  /** The source marks the code as a hazardous entry ("*"). */
  hazardous: boolean;
  wasteDescription: string;
  /** "Implemented", "Planned", "Under feasibility study", or "validated" for the platform's own. */
  status: string;
  reference: string;
}

/** How a case relates to the queried material: by code, or only by the words describing it. */
export type MatchLevel = 'code' | 'sub_chapter' | 'concept' | 'chapter' | 'description';

export interface Taker {
  /** A receiving NACE code (2 to 4 digits) as the cases give it. */
  receiverNace: string;
  support: number;
  /** Closest agreement of the waste code among the supporting cases. */
  level: MatchLevel;
  /** Supporting cases, closest level first; the first `casesAtLevel` are at `level`. */
  cases: KnowledgeCase[];
  casesAtLevel: number;
}

export interface TakerQuery {
  /** NAF/NACE code of the firm offering the material: cases from the same sector weigh more. */
  providerNaf?: string | null;
  /** Title/description of the offer: cases describing the same material weigh more. */
  description?: string;
  /** Flow concepts of the offer (`LEXICON`): cases about the same kind of material, in any language, count. */
  concepts?: ConceptWeights;
}

/**
 * Evidence weights. An exact code documents the very material; a shared sub-chapter a
 * material of the same process; a shared chapter only the same industry. Implemented
 * exchanges count more than planned ones, approximate codes less than exact ones.
 */
const LEVEL_WEIGHT: Record<MatchLevel, number> = { code: 1, sub_chapter: 0.5, concept: 0.9, chapter: 0.2, description: 1 };
const STATUS_WEIGHT: Record<string, number> = { Implemented: 1, validated: 1, Planned: 0.8, 'Under feasibility study': 0.6 };
const APPROXIMATE_WEIGHT = 0.8;
const PROVIDER_BOOST = 0.5;
const DESCRIPTION_BOOST = 1;

const sub = (code: string) => code.slice(0, 5);
const chapter = (code: string) => code.slice(0, 2);

/** An immutable base of documented cases with indexes by code, sub-chapter and chapter. */
export class KnowledgeBase {
  readonly cases: readonly KnowledgeCase[];
  private readonly byCode = new Map<string, KnowledgeCase[]>();
  private readonly bySub = new Map<string, KnowledgeCase[]>();
  private readonly byChapter = new Map<string, KnowledgeCase[]>();
  private readonly tokens = new Map<KnowledgeCase, Set<string>>();
  private readonly related = new Map<string, Set<string>>();
  private readonly byToken = new Map<string, KnowledgeCase[]>();
  private readonly receiverCounts = new Map<string, number>();
  private readonly concepts = new Map<KnowledgeCase, ConceptWeights>();
  private readonly byConcept = new Map<string, KnowledgeCase[]>();

  constructor(cases: readonly KnowledgeCase[]) {
    this.cases = cases;
    for (const c of cases) {
      const keys = { code: new Set(c.ewcCodes), sub: new Set(c.ewcCodes.map(sub)), chapter: new Set(c.ewcCodes.map(chapter)) };
      for (const k of keys.code) push(this.byCode, k, c);
      for (const k of keys.sub) push(this.bySub, k, c);
      for (const k of keys.chapter) push(this.byChapter, k, c);
      const tokens = textTokens(c.wasteDescription);
      this.tokens.set(c, tokens);
      for (const token of tokens) push(this.byToken, token, c);
      // The cases are in English: the lexicon lets a French offer meet them.
      const concepts = LEXICON.ofText(c.wasteDescription);
      this.concepts.set(c, concepts);
      for (const id of concepts.keys()) push(this.byConcept, id, c);
      for (const receiver of c.receiverNace) this.receiverCounts.set(receiver, (this.receiverCounts.get(receiver) ?? 0) + 1);
    }
  }

  /** The base grown with the synergies facilitators validated on the platform. */
  withValidatedCases(cases: readonly KnowledgeCase[]): KnowledgeBase {
    return new KnowledgeBase([...this.cases, ...cases]);
  }

  /** The base without some cases (leave-one-out evaluation, retracted cases). */
  without(exclude: (c: KnowledgeCase) => boolean): KnowledgeBase {
    return new KnowledgeBase(this.cases.filter((c) => !exclude(c)));
  }

  /** Codes documented together with `code` in one exchange ("20 01 08" with "20 01 25"). */
  relatedCodes(code: string): ReadonlySet<string> {
    let related = this.related.get(code);
    if (related === undefined) {
      related = new Set<string>();
      for (const c of this.byCode.get(code) ?? []) for (const other of c.ewcCodes) if (other !== code) related.add(other);
      this.related.set(code, related);
    }
    return related;
  }

  /** How many cases each receiving NACE code takes part in, whatever the material. */
  receivingSectors(): ReadonlyMap<string, number> {
    return this.receiverCounts;
  }

  /**
   * Receiving sectors documented for a material, best supported first: cases with the
   * same code, then the same sub-chapter, then the same chapter, then cases described
   * with the same words (the only way in for a material without a code), each case
   * counted once at its closest level.
   */
  takersFor(ewcCode: string | null, query: TakerQuery | string | null = {}): Taker[] {
    if (typeof query === 'string' || query === null) query = { providerNaf: query };
    const providerClass = nafToNaceClass(query.providerNaf);
    const wanted = query.description ? textTokens(query.description) : null;
    const seen = new Set<KnowledgeCase>();
    const byReceiver = new Map<string, Taker>();
    const levels: [MatchLevel, KnowledgeCase[] | undefined][] = [
      ['code', ewcCode === null ? undefined : this.byCode.get(ewcCode)],
      ['sub_chapter', ewcCode === null ? undefined : this.bySub.get(sub(ewcCode))],
      ['concept', query.concepts === undefined ? undefined : [...query.concepts.keys()].flatMap((id) => this.byConcept.get(id) ?? [])],
      ['chapter', ewcCode === null ? undefined : this.byChapter.get(chapter(ewcCode))],
      // Shared words are the way in only for a material the lexicon does not know: once it
      // names the material, words would favour English cases over a French offer's.
      ['description', wanted === null || (query.concepts?.size ?? 0) > 0 ? undefined : [...new Set([...wanted].flatMap((t) => this.byToken.get(t) ?? []))]],
    ];
    for (const [level, cases] of levels) {
      for (const c of cases ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        const similarity = wanted === null ? 0 : tokenSimilarity(wanted, this.tokens.get(c)!);
        // A case found by its words alone counts by how alike the words are.
        // Through a broader concept ("organic waste" for molasses) a case says much less: squared.
        let weight =
          LEVEL_WEIGHT[level] *
          (level === 'description'
            ? similarity
            : level === 'concept'
              ? conceptOverlap(query.concepts!, this.concepts.get(c)!) ** 2
              : 1 + DESCRIPTION_BOOST * similarity);
        weight *= (STATUS_WEIGHT[c.status] ?? 0.6) * (c.approximate ? APPROXIMATE_WEIGHT : 1);
        if (providerClass !== null) weight *= 1 + PROVIDER_BOOST * Math.max(0, ...c.providerNace.map((p) => naceAffinity(providerClass, p)));
        for (const receiver of c.receiverNace) {
          const taker = byReceiver.get(receiver) ?? { receiverNace: receiver, support: 0, level, cases: [], casesAtLevel: 0 };
          taker.support += weight;
          taker.cases.push(c);
          if (level === taker.level) taker.casesAtLevel += 1;
          byReceiver.set(receiver, taker);
        }
      }
    }
    return [...byReceiver.values()].sort((a, b) => b.support - a.support || a.receiverNace.localeCompare(b.receiverNace));
  }
}

/** How closely two sets of concepts name the same material: the best shared concept, by how directly each side names it. */
function conceptOverlap(a: ConceptWeights, b: ConceptWeights): number {
  let best = 0;
  for (const [id, weight] of a) best = Math.max(best, weight * (b.get(id) ?? 0));
  return best;
}

/** A synergy a facilitator validated, as a case of the base (the way the base grows). */
export function validatedCase(synergy: {
  id: string;
  providerNaf: string | null;
  receiverNaf: string | null;
  wasteCode: string;
  description: string;
  reference: string;
}): KnowledgeCase | null {
  const provider = nafToNaceClass(synergy.providerNaf);
  const receiver = nafToNaceClass(synergy.receiverNaf);
  const code = normaliseWasteCode(synergy.wasteCode);
  if (receiver === null || code === undefined) return null;
  return {
    id: `validated:${synergy.id}`,
    source: 'validated',
    providerNace: provider === null ? [] : [provider],
    receiverNace: [receiver],
    ewcCode: code,
    ewcCodes: [code],
    approximate: false,
    hazardous: isHazardousWasteCode(code),
    wasteDescription: synergy.description,
    status: 'validated',
    reference: synergy.reference,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
