import { describe, expect, it } from 'vitest';
import { KnowledgeBase, type KnowledgeCase } from './knowledge/knowledge-base';
import { potentialTakers, rankPotentialTakers } from './potential-takers';
import { declaration, east, organisation } from './testing';

const kase = (id: string, ewc: string, receiver: string, description = ''): KnowledgeCase => ({
  id, source: 'maestri', providerNace: ['2410'], receiverNace: [receiver], ewcCode: ewc, ewcCodes: [ewc], approximate: false, hazardous: false, wasteDescription: description, status: 'Implemented', reference: `Author, A. (2019). Case ${id}.`,
});
const kb = new KnowledgeBase([kase('1', '10 02 02', '2351', 'Slag'), kase('2', '10 02 02', '2351', 'Slag'), kase('3', '10 02 10', '2361', 'Mill scale')]);
const slag = declaration({ id: 's', kind: 'offer', organisationId: 'steel', title: 'Laitier', categoryCode: 'materials.minerals', wasteCode: '10 02 02', organisationNaf: '24.10Z' });

describe('potentialTakers', () => {
  it('ranks firms by the documented receptions of their sector, never the offering firm', () => {
    const orgs = [organisation('steel', '23.51Z'), organisation('cement', '23.51Z'), organisation('concrete', '23.61Z'), organisation('bakery', '10.71C'), organisation('no-naf', null)];
    const ranked = rankPotentialTakers(slag, orgs, kb);
    expect(ranked.map((t) => t.organisation.id)).toEqual(['cement', 'concrete']);
    expect(ranked[0]!.best.level).toBe('code');
    expect(ranked[1]!.best.level).toBe('sub_chapter');
  });

  it('leaves out firms beyond the zone maximum and softens far ones', () => {
    const near = rankPotentialTakers(slag, [organisation('cement', '23.51Z', { location: east(1) })], kb)[0]!;
    const far = rankPotentialTakers(slag, [organisation('cement', '23.51Z', { location: east(40) })], kb)[0]!;
    expect(far.score).toBeLessThan(near.score);
    expect(rankPotentialTakers(slag, [organisation('cement', '23.51Z', { location: east(80) })], kb)).toEqual([]);
  });

  it('cites its evidence and grows with validated synergies', () => {
    const orgs = [organisation('cement', '23.51Z'), organisation('roads', '42.11Z')];
    expect(potentialTakers(slag, orgs, kb).map((p) => p.organisationIds)).toEqual([['cement', 'steel']]);
    expect(potentialTakers(slag, orgs, kb)[0]!.explanationEn).toBe('2 documented exchanges of this waste code to this sector (NACE 2351) (e.g. Author, 2019) · 0 m');
    const grown = kb.withValidatedCases([{ ...kase('v', '10 02 02', '4211'), source: 'validated', status: 'validated', reference: 'Synergie validée, ZI de Lons 2026' }]);
    expect(potentialTakers(slag, orgs, grown).map((p) => p.organisationIds[0])).toEqual(['cement', 'roads']);
  });

  it('finds takers by the words of the offer when the codes differ', () => {
    const scale = declaration({ id: 'm', kind: 'offer', organisationId: 'steel', title: 'Mill scale', categoryCode: 'materials.metals', wasteCode: '12 01 01' });
    const [lead] = potentialTakers(scale, [organisation('concrete', '23.61Z')], kb, { minScore: 0 });
    expect(lead!.reasons[0]!.params.level).toBe('description');
    expect(lead!.explanationFr).toContain("d'une matière décrite de même");
  });

  it('finds takers of an offer without a code by its words alone, and only for offers', () => {
    expect(potentialTakers({ ...slag, wasteCode: null }, [organisation('cement', '23.51Z')], kb)).toEqual([]);
    const [lead] = potentialTakers({ ...slag, wasteCode: null, title: 'Slag' }, [organisation('cement', '23.51Z')], kb);
    expect(lead!.reasons[0]!.params.level).toBe('description');
    expect(potentialTakers({ ...slag, kind: 'need' }, [organisation('cement', '23.51Z')], kb)).toEqual([]);
  });
});
