import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { KnowledgeBase, validatedCase, type KnowledgeCase } from './knowledge-base';
import { parseMaestriCsv, shortReference } from './maestri';
import { naceAffinity, naceClassToNaf, nafDivision, nafToNaceClass } from './nace';

// Tests may read files; the engine itself receives the text from its caller.
const maestri = parseMaestriCsv(readFileSync(new URL('./maestri-exchanges.csv', import.meta.url), 'utf8'));

const kase = (id: string, ewc: string, provider: string, receiver: string, status = 'Implemented'): KnowledgeCase => ({
  id,
  source: 'validated',
  providerNace: [provider],
  receiverNace: [receiver],
  ewcCode: ewc,
  ewcCodes: [ewc],
  approximate: false,
  hazardous: false,
  wasteDescription: '',
  status,
  reference: `Ref ${id} (2020).`,
});

describe('CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,"x\ny",\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', 'x\ny', ''],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(() => parseCsv('"open')).toThrow();
  });
});

describe('MAESTRI cases', () => {
  it('loads every exchange with normalised codes and flags', () => {
    expect(maestri).toHaveLength(305);
    const fuelGas = maestri.find((c) => c.id === 'maestri:4')!;
    expect(fuelGas).toMatchObject({
      providerNace: ['1920'],
      receiverNace: ['3511'],
      ewcCode: '05 07 99',
      approximate: true,
      hazardous: false,
      status: 'Implemented',
    });
    expect(maestri.find((c) => c.id === 'maestri:5')!.hazardous).toBe(true);
    const twoCodes = maestri.find((c) => c.ewcCodes.length === 2 && c.ewcCodes.includes('20 01 25'))!;
    expect(twoCodes.ewcCodes).toEqual(['20 01 08', '20 01 25']);
    expect(maestri.some((c) => c.receiverNace.length === 2)).toBe(true); // "011;012"
  });

  it('cites a reference briefly', () => {
    expect(shortReference(maestri.find((c) => c.id === 'maestri:4')!.reference)).toBe('Notarnicola et al., 2016');
  });
});

describe('NACE and NAF', () => {
  it('maps French NAF codes to NACE classes and divisions', () => {
    expect(nafToNaceClass('22.29A')).toBe('2229');
    expect(nafToNaceClass('2229')).toBe('2229');
    expect(nafToNaceClass('22')).toBeNull();
    expect(nafDivision('22.29A')).toBe('22');
    expect(naceClassToNaf('2351')).toBe('23.51Z');
  });

  it('weighs class > group > division', () => {
    expect(naceAffinity('2351', '2351')).toBe(1);
    expect(naceAffinity('1711', '171')).toBeGreaterThan(naceAffinity('2352', '2351'));
    expect(naceAffinity('2352', '2351')).toBeGreaterThan(naceAffinity('2361', '2351'));
    expect(naceAffinity('2361', '2351')).toBeGreaterThan(naceAffinity('1071', '2351'));
  });
});

describe('KnowledgeBase.takersFor', () => {
  const kb = new KnowledgeBase([
    kase('a', '10 02 02', '2410', '2351'),
    kase('b', '10 02 02', '2410', '2351'),
    kase('c', '10 02 10', '2410', '2361'),
    kase('d', '10 09 03', '2451', '4211'),
    kase('e', '10 02 02', '2410', '4211', 'Planned'),
  ]);

  it('ranks exact codes, then sub-chapter, then chapter', () => {
    const takers = kb.takersFor('10 02 02');
    expect(takers.map((t) => [t.receiverNace, t.level])).toEqual([
      ['2351', 'code'],
      ['4211', 'code'],
      ['2361', 'sub_chapter'],
    ]);
    expect(takers[0]!.cases.map((c) => c.id)).toEqual(['a', 'b']);
    // 2361 has one case at sub-chapter level; 4211 one exact case and one at chapter level.
    expect(kb.takersFor('10 02 02').find((t) => t.receiverNace === '4211')).toMatchObject({ level: 'code', casesAtLevel: 1 });
    expect(kb.takersFor('10 02 02').find((t) => t.receiverNace === '4211')!.cases).toHaveLength(2);
    expect(kb.takersFor('10 09 99').map((t) => t.level)).toEqual(['sub_chapter', 'chapter', 'chapter']);
  });

  it('weighs cases from the same providing sector more', () => {
    const plain = kb.takersFor('10 02 02')[0]!.support;
    expect(kb.takersFor('10 02 02', { providerNaf: '24.10Z' })[0]!.support).toBeGreaterThan(plain);
  });

  it('takes the provider NAF as second argument too', () => {
    expect(kb.takersFor('10 02 02', '24.10Z')).toEqual(kb.takersFor('10 02 02', { providerNaf: '24.10Z' }));
  });

  it('turns a validated synergy into a case', () => {
    const c = validatedCase({
      id: 's1',
      providerNaf: '16.23Z',
      receiverNaf: '16.29Z',
      wasteCode: '150103',
      description: 'Palettes',
      reference: 'ZI de Lons, 2026',
    })!;
    expect(c).toMatchObject({ id: 'validated:s1', providerNace: ['1623'], receiverNace: ['1629'], ewcCode: '15 01 03', status: 'validated' });
    expect(validatedCase({ id: 's2', providerNaf: null, receiverNaf: null, wasteCode: '150103', description: '', reference: '' })).toBeNull();
  });

  it('grows with validated synergies and can leave cases out', () => {
    const grown = kb.withValidatedCases([kase('v', '15 01 03', '1623', '1629', 'validated')]);
    expect(grown.takersFor('15 01 03')[0]!.receiverNace).toBe('1629');
    expect(kb.takersFor('15 01 03')).toEqual([]);
    expect(
      kb
        .without((c) => c.id === 'a')
        .takersFor('10 02 02')[0]!
        .cases.map((c) => c.id),
    ).toEqual(['b']);
  });
});
