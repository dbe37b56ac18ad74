import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('locale files', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
  });

  it('avoid the characters vue-i18n reads as syntax (linked messages)', () => {
    for (const [name, tree] of [
      ['fr', fr],
      ['en', en],
    ] as const) {
      const bad = keys(tree as Tree).filter((k) => /@/.test(k.split('.').reduce<Tree | string>((t, part) => (t as Tree)[part]!, tree as Tree) as string));
      expect(bad, name).toEqual([]);
    }
  });
});
