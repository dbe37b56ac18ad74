/**
 * Word folding shared by the lexicon and the texts it reads: lower case, no accents,
 * compatibility forms unfolded ("CO₂" → "co2", "œ" → "oe"), apostrophes split
 * ("d'acier" → "d", "acier"), and plurals folded in both languages ("métaux" → "metal",
 * "batteries" → "batterie", "palettes" → "palette", "ashes" → "ash").
 */
export function foldWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  for (const word of words) if (word !== '') out.push(singular(word));
  return out;
}

const INVARIANT = new Set(['gas', 'glass', 'bas', 'gaz', 'pas', 'process', 'biomass', 'mass', 'press', 'fines', 'ibc', 'bus', 'plus', 'gypsum', 'bois', 'dross', 'mousse', 'jus', 'lees', 'lies', 'moss', 'grass']);

function singular(word: string): string {
  if (word.length <= 3 || INVARIANT.has(word) || /\d/.test(word)) return word;
  if (word.endsWith('aux') && word.length > 4) return `${word.slice(0, -3)}al`; // métaux, animaux
  if (word.endsWith('eaux')) return word.slice(0, -1); // eaux, chapeaux
  // English "battery"/"batteries" and French "batterie" meet at "batterie".
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -1);
  if (/[^aeiou]y$/.test(word) && word.length > 4) return `${word.slice(0, -1)}ie`;
  if (/(sh|ss|x)es$/.test(word)) return word.slice(0, -2); // ashes, boxes ("branches", "bâches" keep their e)
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1); // "résidus", "tissus"
  if (word.endsWith('x') && /[aeiou]x$/.test(word) && word.length > 4) return word.slice(0, -1); // feux, cailloux
  return word;
}

/** Single-character edits away (one deletion); with `deletions(b)` it finds words one edit apart. */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
