import { categoryFamily } from '@synergies/shared';
import { featuresOf } from '../features';
import { isSharingCategory } from '../sharing';
import type { MatchDeclaration } from '../types';
import type { KnowledgeBase, Taker } from './knowledge-base';
import { LEXICON, type ConceptWeights, type Lexicon } from './lexicon/lexicon';
import { RECOVERY_OPERATORS } from './public/recovery-operators';
import type { TakerRule } from './public/rule';
import { SECTOR_DEMAND } from './public/sector-demand';
import { SUBSTITUTIONS } from './public/substitutions';

/**
 * One scored evidence model per (material, taker sector): documented exchanges (MAESTRI,
 * validated synergies) and public knowledge (which sectors consume a utility, treat a
 * waste, or use a by-product) add up per receiving sector, each piece keeping the source
 * that vouched for it.
 */
export type EvidenceItem =
  | { kind: 'case'; sector: string; support: number; taker: Taker }
  | { kind: TakerRule['kind']; sector: string; support: number; rule: TakerRule; concept: string };

export interface SectorEvidence {
  /** NACE code at 2 to 4 digits. */
  sector: string;
  support: number;
  /** Strongest first. */
  items: EvidenceItem[];
}

export const PUBLIC_RULES: readonly TakerRule[] = [...SECTOR_DEMAND, ...RECOVERY_OPERATORS, ...SUBSTITUTIONS];

const rulesByConcept = new Map<string, TakerRule[]>();
for (const r of PUBLIC_RULES) for (const concept of r.concepts) (rulesByConcept.get(concept) ?? rulesByConcept.set(concept, []).get(concept)!).push(r);

/** A concept the offer's code alone implies counts less than one its words name. */
const CODE_ONLY_WEIGHT = 0.8;
/** The category alone ("Vapeur") names a utility as surely as a word; a material family less so. */
const CATEGORY_WEIGHT = 0.6;

/** What an offer is about: concepts from its words, its waste code and, failing those, its category. */
export function offerConcepts(
  offer: Pick<MatchDeclaration, 'title' | 'description' | 'wasteCode' | 'categoryCode'>,
  lexicon: Lexicon = LEXICON,
): ConceptWeights {
  const found = new Map(lexicon.ofText(`${offer.title} ${offer.description.slice(0, 300)}`));
  for (const [id, weight] of lexicon.ofWasteCode(offer.wasteCode))
    if ((found.get(id) ?? 0) < weight * CODE_ONLY_WEIGHT) found.set(id, weight * CODE_ONLY_WEIGHT);
  // A machine or a room offered for sharing is not the material it works on ("usinage bois, plastiques").
  if (isSharingCategory(offer.categoryCode)) {
    for (const id of [...found.keys()]) if (categoryFamily(lexicon.concepts.get(id)?.category ?? '') !== categoryFamily(offer.categoryCode)) found.delete(id);
  }
  const byCategory = lexicon.ofCategory(offer.categoryCode);
  if (byCategory !== null && !found.has(byCategory)) {
    const utility = lexicon.concepts.get(byCategory)?.reachKm !== undefined;
    if (utility || found.size === 0) found.set(byCategory, utility ? 1 : CATEGORY_WEIGHT);
  }
  return found;
}

/** Receiving sectors with their evidence for an offer, best supported first. */
export function sectorEvidence(
  offer: MatchDeclaration,
  kb: KnowledgeBase,
  options: { publicKnowledge?: boolean; cases?: boolean } = {},
): { concepts: ConceptWeights; sectors: SectorEvidence[] } {
  const concepts = offerConcepts(offer);
  const bySector = new Map<string, SectorEvidence>();
  const add = (item: EvidenceItem) => {
    const entry = bySector.get(item.sector) ?? bySector.set(item.sector, { sector: item.sector, support: 0, items: [] }).get(item.sector)!;
    entry.support += item.support;
    entry.items.push(item);
  };
  // Documented exchanges are of materials: a shared capacity finds its takers by sector demand alone.
  if (options.cases !== false && !isSharingCategory(offer.categoryCode)) {
    const waste = featuresOf(offer).waste;
    for (const taker of kb.takersFor(waste?.code ?? null, {
      providerNaf: offer.organisationNaf,
      description: `${offer.title} ${offer.description}`,
      concepts,
    })) {
      add({ kind: 'case', sector: taker.receiverNace, support: taker.support, taker });
    }
  }
  if (options.publicKnowledge !== false) {
    // A rule counts once per offer, through the concept the offer names most directly.
    const best = new Map<TakerRule, [string, number]>();
    for (const [concept, weight] of concepts) {
      for (const r of rulesByConcept.get(concept) ?? []) if ((best.get(r)?.[1] ?? 0) < weight) best.set(r, [concept, weight]);
    }
    for (const [r, [concept, weight]] of best) for (const sector of r.takers) add({ kind: r.kind, sector, support: r.weight * weight, rule: r, concept });
  }
  const sectors = [...bySector.values()];
  for (const s of sectors) s.items.sort((a, b) => b.support - a.support);
  return { concepts, sectors: sectors.sort((a, b) => b.support - a.support || a.sector.localeCompare(b.sector)) };
}

/** How far the offered flow usefully travels (steam a few km), when it is a utility. */
export function reachOf(concepts: ConceptWeights, lexicon: Lexicon = LEXICON): number | null {
  let reach: number | null = null;
  let strongest = 0;
  for (const [id, weight] of concepts) {
    const km = lexicon.concepts.get(id)?.reachKm;
    if (km !== undefined && weight > strongest) [reach, strongest] = [km, weight];
  }
  return reach;
}
