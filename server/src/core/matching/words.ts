import { declarationSimilarity, featuresOf } from './features';
import { TextModel } from './signals/text';
import type { MatchDeclaration } from './types';

/** Below this many declarations a category's own word counts say nothing reliable. */
const MIN_CATEGORY_DOCUMENTS = 4;

/**
 * Word weights of the declarations matched together, overall and per category: within
 * "Collecte de déchets" every title says "collecte mutualisée", so there the words
 * that tell declarations apart are "biodéchets" or "cartons"; zone-wide, those common
 * words would still weigh a lot.
 */
export class WordWeights {
  private readonly overall: TextModel;
  private readonly byCategory = new Map<string, TextModel>();

  constructor(declarations: readonly MatchDeclaration[]) {
    this.overall = new TextModel(declarations.map((d) => featuresOf(d).tokens));
    const groups = new Map<string, Set<string>[]>();
    for (const d of declarations) {
      const list = groups.get(d.categoryCode);
      if (list === undefined) groups.set(d.categoryCode, [featuresOf(d).tokens]);
      else list.push(featuresOf(d).tokens);
    }
    for (const [category, docs] of groups) if (docs.length >= MIN_CATEGORY_DOCUMENTS) this.byCategory.set(category, new TextModel(docs));
  }

  /** Word similarity of two declarations, 0..1: by their category's weights when they share one. */
  similarity(a: MatchDeclaration, b: MatchDeclaration): number {
    const model = (a.categoryCode === b.categoryCode ? this.byCategory.get(a.categoryCode) : undefined) ?? this.overall;
    return declarationSimilarity(featuresOf(a), featuresOf(b), model);
  }
}

/** Every word weighs the same. */
export const EQUAL_WORD_WEIGHTS = new WordWeights([]);

export function wordWeightsOf(declarations: readonly MatchDeclaration[]): WordWeights {
  return new WordWeights(declarations);
}
