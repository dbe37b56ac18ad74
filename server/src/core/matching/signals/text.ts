/**
 * A cheap lexical similarity used when the search engine gave no relevance (a zone
 * rematch has no query): shared words of titles and descriptions.
 */
const STOPWORDS = new Set(
  // "déchet"/"waste" is in nearly every title of a waste offer: it tells nothing apart.
  'les des une pour avec sur dans par aux est sont non pas que qui son ses leur nos vos the and for with from this that per ou et de la le du en au un dechet waste autre other'.split(' '),
);

/** Lower case, no accents, no stopwords, crude plural folding ("palettes" → "palette"). */
export function textTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const words = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    tokens.add(word.length > 4 && /[sx]$/.test(word) ? word.slice(0, -1) : word);
    if (tokens.size >= 40) break;
  }
  return tokens;
}

/** Dice coefficient of two token sets, 0..1. */
export function tokenSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const token of small) if (large.has(token)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}
