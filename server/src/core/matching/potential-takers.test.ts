import { describe, expect, it } from 'vitest';
import { KnowledgeBase, type KnowledgeCase } from './knowledge/knowledge-base';
import { potentialTakers, rankPotentialTakers, type RankedTaker } from './potential-takers';
import { declaration, east, organisation } from './testing';

const kase = (id: string, ewc: string, receiver: string, description = ''): KnowledgeCase => ({
  id,
  source: 'maestri',
  providerNace: ['2410'],
  receiverNace: [receiver],
  ewcCode: ewc,
  ewcCodes: [ewc],
  approximate: false,
  hazardous: false,
  wasteDescription: description,
  status: 'Implemented',
  reference: `Author, A. (2019). Case ${id}.`,
});
const kb = new KnowledgeBase([kase('1', '10 02 02', '2351', 'Slag'), kase('2', '10 02 02', '2351', 'Slag'), kase('3', '10 02 10', '2361', 'Mill scale')]);
const slag = declaration({
  id: 's',
  kind: 'offer',
  organisationId: 'steel',
  title: 'Laitier',
  categoryCode: 'materials.minerals',
  wasteCode: '10 02 02',
  organisationNaf: '24.10Z',
});

function levelOf(taker: RankedTaker): string | null {
  const item = taker.best.items.find((i) => i.kind === 'case');
  return item?.kind === 'case' ? item.taker.level : null;
}

describe('potentialTakers', () => {
  it('ranks firms by the documented receptions of their sector, never the offering firm', () => {
    const orgs = [
      organisation('steel', '23.51Z'),
      organisation('cement', '23.51Z'),
      organisation('concrete', '23.61Z'),
      organisation('bakery', '10.71C'),
      organisation('no-naf', null),
    ];
    const ranked = rankPotentialTakers(slag, orgs, kb);
    expect(ranked.map((t) => t.organisation.id)).toEqual(['cement', 'concrete']);
    expect(levelOf(ranked[0]!)).toBe('code');
    expect(levelOf(ranked[1]!)).toBe('sub_chapter');
  });

  it('leaves out firms beyond the zone maximum and softens far ones', () => {
    const near = rankPotentialTakers(slag, [organisation('cement', '23.51Z', { location: east(1) })], kb)[0]!;
    const far = rankPotentialTakers(slag, [organisation('cement', '23.51Z', { location: east(40) })], kb)[0]!;
    expect(far.score).toBeLessThan(near.score);
    expect(rankPotentialTakers(slag, [organisation('cement', '23.51Z', { location: east(80) })], kb)).toEqual([]);
  });

  it('cites its evidence and grows with validated synergies', () => {
    const orgs = [organisation('cement', '23.51Z'), organisation('roads', '42.11Z')];
    const [cement, roads] = potentialTakers(slag, orgs, kb);
    expect(cement!.organisationIds).toEqual(['cement', 'steel']);
    expect(cement!.explanationEn).toBe(
      '2 documented exchanges of this waste code to this sector (NACE 2351) (e.g. Author, 2019) · cement plants substitute them for raw meal or clinker (source: JRC, BREF Ciment, chaux et magnésie, 2013) · 0 m',
    );
    // Road builders have no documented case here, but public knowledge vouches for them.
    expect(roads!.organisationIds).toEqual(['roads', 'steel']);
    expect(roads!.reasons[0]).toMatchObject({
      code: 'sector_evidence',
      params: { sector: '4211', kind: 'recovery', url: expect.stringContaining('eurostat') },
    });
    const grown = kb.withValidatedCases([
      { ...kase('v', '10 02 02', '4211'), source: 'validated', status: 'validated', reference: 'Synergie validée, ZI de Lons 2026' },
    ]);
    expect(potentialTakers(slag, orgs, grown).find((p) => p.organisationIds.includes('roads'))!.score).toBeGreaterThan(roads!.score);
  });

  it('finds takers by the words of the offer when the codes differ', () => {
    const scale = declaration({
      id: 'm',
      kind: 'offer',
      organisationId: 'steel',
      title: 'Mill scale',
      categoryCode: 'materials.metals',
      wasteCode: '12 01 01',
    });
    const [lead] = potentialTakers(scale, [organisation('concrete', '23.61Z')], kb, { evidence: { publicKnowledge: false } });
    expect(lead!.reasons[0]!.params.level).toBe('concept');
    expect(lead!.explanationFr).toContain("d'une matière de même nature");
  });

  it('finds takers of an offer without a code by its words alone, in French or English, and only for offers', () => {
    const cases = { evidence: { publicKnowledge: false } };
    const [fr] = potentialTakers({ ...slag, wasteCode: null }, [organisation('cement', '23.51Z')], kb, cases);
    expect(fr!.reasons[0]!.params.level).toBe('concept');
    const [en] = potentialTakers({ ...slag, wasteCode: null, title: 'Slag' }, [organisation('cement', '23.51Z')], kb, cases);
    expect(en!.reasons[0]!.params.level).toBe('concept');
    expect(potentialTakers({ ...slag, wasteCode: null, title: 'Pièces détachées diverses' }, [organisation('cement', '23.51Z')], kb)).toEqual([]);
    expect(potentialTakers({ ...slag, kind: 'need' }, [organisation('cement', '23.51Z')], kb)).toEqual([]);
  });
});
