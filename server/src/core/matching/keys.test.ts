import { describe, expect, it } from 'vitest';
import { blockingKeys, candidateKeys, fingerprint, hashString, proposalKey } from './keys';
import { KnowledgeBase } from './knowledge/knowledge-base';
import { declaration } from './testing';

const keys = (categoryCode: string, wasteCode: string | null = null, kb?: KnowledgeBase) =>
  new Set(candidateKeys(declaration({ id: 'x', kind: 'offer', categoryCode, wasteCode }), kb));
const share = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

describe('candidateKeys', () => {
  it('lets related categories meet and keeps mere family members apart', () => {
    expect(share(keys('materials.paper.glassine'), keys('materials.paper'))).toBe(true);
    expect(share(keys('materials'), keys('materials.wood'))).toBe(true);
    expect(share(keys('materials'), keys('materials.paper.glassine'))).toBe(true);
    expect(share(keys('materials.wood'), keys('materials.plastics'))).toBe(false);
  });

  it('adds the waste code, its sub-chapter and the codes documented with it', () => {
    expect(keys('materials.wood', '15 01 03')).toEqual(new Set(['cat:materials.wood', 'waste:15 01 03', 'wsub:15 01']));
    expect(blockingKeys(declaration({ id: 'x', kind: 'offer', categoryCode: 'materials.wood', wasteCode: '15 01 03' }))).toEqual({
      categoryCodes: ['materials.wood'],
      wasteCodes: ['15 01 03'],
      wasteSubChapters: ['15 01'],
    });
    const kb = new KnowledgeBase([
      {
        id: 'k',
        source: 'validated',
        providerNace: ['3811'],
        receiverNace: ['1920'],
        ewcCode: '20 01 08',
        ewcCodes: ['20 01 08', '20 01 25'],
        approximate: false,
        hazardous: false,
        wasteDescription: '',
        status: 'validated',
        reference: '',
      },
    ]);
    expect(keys('materials.organic', '20 01 08', kb).has('waste:20 01 25')).toBe(true);
  });
});

describe('identity and fingerprint', () => {
  it('builds keys from sorted ids', () => {
    expect(proposalKey('mutualisation', ['c', 'a', 'b'], ['Z', 'Y'])).toBe('mutualisation:a,b,c|Y,Z');
  });

  it('hashes deterministically and ignores order and wording', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    const a = declaration({ id: 'a', kind: 'offer' });
    const b = declaration({ id: 'b', kind: 'need' });
    expect(fingerprint([a, b])).toBe(fingerprint([b, { ...a, title: 'Autre intitulé', description: 'x' }]));
    expect(fingerprint([a, b])).not.toBe(fingerprint([{ ...a, status: 'reserved' }, b]));
    expect(fingerprint([a, b])).not.toBe(fingerprint([{ ...a, location: { lat: 46.7, lng: 5.56 } }, b]));
  });
});
