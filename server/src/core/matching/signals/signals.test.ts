import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textTokens } from './text';
import { wasteParts } from './waste';

describe('textTokens', () => {
  it('folds case, accents and plurals, and drops stopwords and short words', () => {
    expect([...textTokens('Palettes en BOIS de chêne, déchet')]).toEqual(['palette', 'bois', 'chene']);
  });

  it('drops the plural of a stopword too: "déchets" tells no more apart than "déchet"', () => {
    expect([...textTokens('Déchets de plâtre et autres déchets')]).toEqual(['platre']);
  });

  it('reads a text after the tokens of the one before it as it reads the two joined by a space', () => {
    const word = fc.stringMatching(/^[a-zéèàçô]{1,9}$/);
    const text = fc.array(word, { maxLength: 60 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, text, (title, description) => {
        expect([...textTokens(description, textTokens(title))]).toEqual([...textTokens(`${title} ${description}`)]);
      }),
    );
  });

  it('stops at forty tokens, the earlier text first', () => {
    const many = Array.from({ length: 50 }, (_, i) => `mot${i}`).join(' ');
    const tokens = textTokens('autre chose entierement', textTokens(many));
    expect(tokens.size).toBe(40);
    expect(tokens.has('mot0') && !tokens.has('chose')).toBe(true);
  });
});

describe('wasteParts', () => {
  it('gives the code, its sub-chapter and chapter, the same each time it is asked', () => {
    const first = wasteParts('150103');
    expect(first).toEqual({ code: '15 01 03', subChapter: '15 01', chapter: '15' });
    expect(wasteParts('150103')).toEqual(first);
  });

  it('answers null for no code and for text that is not a code, each time', () => {
    expect(wasteParts(null)).toBeNull();
    expect(wasteParts('pas un code')).toBeNull();
    expect(wasteParts('pas un code')).toBeNull();
  });
});
