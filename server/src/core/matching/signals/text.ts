/**
 * A cheap lexical similarity used when the search engine gave no relevance (a zone
 * rematch has no query): shared words of titles and descriptions.
 */
const STOPWORDS = new Set(
  // "déchet"/"waste" is in nearly every title of a waste offer: it tells nothing apart.
  'les des une pour avec sur dans par aux est sont non pas que qui son ses leur nos vos the and for with from this that per ou et de la le du en au un dechet waste autre other'.split(
    ' ',
  ),
);

const MAX_TOKENS = 40;

/** Lower case, no accents, no stopwords, crude plural folding ("palettes" → "palette"). */
export function textTokens(text: string, after?: ReadonlySet<string>): Set<string> {
  // `after`: the tokens of the text before this one, so that a title is not read twice.
  const tokens = new Set<string>(after);
  if (tokens.size >= MAX_TOKENS) return tokens;
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  for (const word of words) {
    if (word.length < 3) continue;
    const folded = word.length > 4 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
    // Folded first, so that a stopword's plural ("déchets", "autres") is one too.
    if (STOPWORDS.has(folded) || STOPWORDS.has(word)) continue;
    tokens.add(folded);
    if (tokens.size >= MAX_TOKENS) break;
  }
  return tokens;
}

/** Dice coefficient of two token sets, 0..1. */
export function tokenSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let shared = 0;
  for (const token of small) if (large.has(token)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Word weights of a corpus (the declarations of a zone): a word most declarations use
 * ("palette" in a logistics zone, "temps partagé" among staff offers) weighs less than
 * a rare one ("glassine", "chauffeur"). Similarity is the cosine of the two word sets
 * weighted by inverse document frequency; without a corpus every word weighs the same.
 */
export class TextModel {
  private readonly documentFrequency = new Map<string, number>();
  private readonly documents: number;
  private readonly norms = new WeakMap<ReadonlySet<string>, number>();
  private readonly weights = new Map<string, number>();

  constructor(corpus: Iterable<ReadonlySet<string>> = []) {
    let documents = 0;
    for (const tokens of corpus) {
      documents += 1;
      for (const token of tokens) this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
    }
    this.documents = documents;
  }

  weight(token: string): number {
    let weight = this.weights.get(token);
    if (weight === undefined) {
      weight = Math.log(1 + (this.documents + 1) / ((this.documentFrequency.get(token) ?? 0) + 1));
      this.weights.set(token, weight);
    }
    return weight;
  }

  similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    if (a.size === 0 || b.size === 0) return 0;
    const small = a.size <= b.size ? a : b;
    const large = small === a ? b : a;
    let dot = 0;
    for (const token of small) if (large.has(token)) dot += this.weight(token) ** 2;
    return dot === 0 ? 0 : Math.min(1, dot / (this.norm(a) * this.norm(b)));
  }

  private norm(tokens: ReadonlySet<string>): number {
    let norm = this.norms.get(tokens);
    if (norm === undefined) {
      let sum = 0;
      for (const token of tokens) sum += this.weight(token) ** 2;
      this.norms.set(tokens, (norm = Math.sqrt(sum)));
    }
    return norm;
  }
}
