import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchAllPairs, matchDeclaration, matchZone, reciprocityKey } from './match';
import { KnowledgeBase, type KnowledgeCase } from './knowledge/knowledge-base';
import { candidateKeys } from './keys';
import { wordWeightsOf } from './words';
import { scorePair } from './score';
import { DEFAULT_MATCH_WEIGHTS, resolveWeights } from './weights';
import { buildProposal, compareProposals } from './proposal';
import { mutualisations } from './mutualisation';
import { pairKind } from './sharing';
import { declaration, east, generateZone, organisation } from './testing';
import type { MatchDeclaration } from './types';
import { parseMaestriCsv } from './knowledge/maestri';

const maestri = new KnowledgeBase(parseMaestriCsv(readFileSync(new URL('./knowledge/maestri-exchanges.csv', import.meta.url), 'utf8')));

const glassine = (i: number, km: number): MatchDeclaration =>
  declaration({
    id: `g${i}`,
    kind: 'offer',
    organisationId: `F${i}`,
    title: 'Support siliconé glassine',
    categoryCode: 'materials.paper.glassine',
    wasteCode: '15 01 01',
    quantity: 200,
    unit: 'kg',
    frequency: 'monthly',
    location: east(km),
  });

describe('matchZone', () => {
  it('pools five glassine producers into one mutualisation', () => {
    const producers = [0, 1, 2, 3, 4].map((i) => glassine(i, i * 0.8));
    const proposals = matchZone(producers, []);
    expect(proposals).toHaveLength(1);
    const [pool] = proposals;
    expect(pool).toMatchObject({ kind: 'mutualisation', declarationIds: ['g0', 'g1', 'g2', 'g3', 'g4'], organisationIds: ['F0', 'F1', 'F2', 'F3', 'F4'] });
    expect(pool!.explanationFr).toBe('5 entreprises ont cette ressource · même code déchet 15 01 01 · dans un rayon de 3,2 km · 12 t/an au total');
  });

  it('splits a group that lies further apart than the zone maximum', () => {
    const proposals = matchZone([glassine(0, 0), glassine(1, 1), glassine(2, 200), glassine(3, 201)], []);
    expect(proposals.map((p) => p.declarationIds)).toEqual([
      ['g0', 'g1'],
      ['g2', 'g3'],
    ]);
  });

  it('tags capacities as sharing and materials as substitution', () => {
    const machine = declaration({ id: 'm', kind: 'offer', organisationId: 'A', title: 'Machine de contrôle textile', categoryCode: 'equipment.machine' });
    const wanted = declaration({ id: 'w', kind: 'need', organisationId: 'B', title: 'Machine de contrôle textile', categoryCode: 'equipment.machine' });
    const pallets = declaration({ id: 'p', kind: 'offer', organisationId: 'B', title: 'Palettes 80x120', wasteCode: '15 01 03' });
    const palletNeed = declaration({ id: 'q', kind: 'need', organisationId: 'A', title: 'Palettes 80x120', wasteCode: '15 01 03' });
    const proposals = matchZone([machine, wanted, pallets, palletNeed], []);
    expect(proposals.map((p) => [p.kind, p.declarationIds.join('+')]).sort()).toEqual([
      ['sharing', 'm+w'],
      ['substitution', 'p+q'],
    ]);
    // A and B match both ways round: each pair carries the reciprocity reason.
    for (const p of proposals) expect(p.reasons.some((r) => r.code === 'reciprocity')).toBe(true);
  });

  it('gives stable keys and fingerprints that follow material changes only', () => {
    const a = declaration({ id: 'a', kind: 'offer', organisationId: 'A', wasteCode: '15 01 03', quantity: 10 });
    const b = declaration({ id: 'b', kind: 'need', organisationId: 'B', wasteCode: '15 01 03', quantity: 12 });
    const [first] = matchZone([a, b], []);
    const [reordered] = matchZone([b, { ...a, title: 'Palettes bois (EPAL)' }], []);
    expect(first!.key).toBe('substitution:a,b|A,B');
    expect(reordered!.key).toBe(first!.key);
    expect(reordered!.fingerprint).toBe(first!.fingerprint);
    const [changed] = matchZone([{ ...a, quantity: 40 }, b], []);
    expect(changed!.fingerprint).not.toBe(first!.fingerprint);
  });

  it('proposes potential takers for an offer nobody asked for, apart from declared matches', () => {
    const slagCase = (id: string): KnowledgeCase => ({
      id,
      source: 'maestri',
      providerNace: ['2410'],
      receiverNace: ['2351'],
      ewcCode: '10 02 02',
      ewcCodes: ['10 02 02'],
      approximate: false,
      hazardous: false,
      wasteDescription: 'Blast furnace slag',
      status: 'Implemented',
      reference: 'Notarnicola, B., & Tassielli, G. (2016). Taranto.',
    });
    const kb = new KnowledgeBase([slagCase('k1'), slagCase('k2')]);
    const slag = declaration({
      id: 's',
      kind: 'offer',
      organisationId: 'steel',
      title: 'Laitier de haut fourneau',
      categoryCode: 'materials.minerals',
      wasteCode: '10 02 02',
      organisationNaf: '24.10Z',
    });
    const orgs = [organisation('steel', '24.10Z'), organisation('cement', '23.51Z', { location: east(3) }), organisation('bakery', '10.71C')];
    const proposals = matchZone([slag], orgs, { kb });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ kind: 'potential_taker', declarationIds: ['s'], organisationIds: ['cement', 'steel'] });
    expect(proposals[0]!.explanationFr).toBe(
      '2 échanges documentés de ce code déchet vers ce secteur (NACE 2351) (ex. Notarnicola et al., 2016) · les cimenteries substituent ces matières au cru ou au clinker (source : JRC, BREF Ciment, chaux et magnésie, 2013) · 3 km',
    );
    // Once a need matches the offer, the lead is no longer needed.
    const need = declaration({ id: 'n', kind: 'need', organisationId: 'cement', title: 'Laitier', categoryCode: 'materials.minerals', wasteCode: '10 02 02' });
    expect(matchZone([slag, need], orgs, { kb }).map((p) => p.kind)).toEqual(['substitution']);
  });

  it('asks the words to agree when only a broad category speaks for the match', () => {
    const staff = (id: string, kind: 'offer' | 'need', org: string, title: string) =>
      declaration({ id, kind, organisationId: org, title, categoryCode: 'skills.staff' });
    const others = ['Chauffeur', 'Soudeur', 'Comptable'].map((job, i) => staff(`o${i}`, 'need', `O${i}`, `${job} en temps partagé`));
    const zone = [
      staff('e1', 'offer', 'A', 'Électricien de maintenance en temps partagé'),
      staff('e2', 'need', 'B', 'Électricien de maintenance à temps partiel'),
      staff('c', 'need', 'C', 'Couturière en temps partagé'),
      ...others,
    ];
    const score = (id: string) =>
      scorePair(
        zone[0]!,
        zone.find((d) => d.id === id)!,
        DEFAULT_MATCH_WEIGHTS,
        { text: wordWeightsOf(zone) },
      ).score;
    expect(score('e2')).toBeGreaterThan(0.8);
    expect(score('c')).toBeLessThan(DEFAULT_MATCH_WEIGHTS.minScore);
    expect(
      matchZone(zone, [])
        .filter((p) => p.kind === 'sharing')
        .map((p) => p.declarationIds),
    ).toEqual([['e1', 'e2']]);
  });

  it('does not pool two different waste codes, and leaves closed declarations out', () => {
    const need = (id: string, org: string, wasteCode: string, status: MatchDeclaration['status'] = 'active') =>
      declaration({ id, kind: 'need', organisationId: org, title: 'Collecte mutualisée', categoryCode: 'services.waste-collection', wasteCode, status });
    const proposals = matchZone([need('a', 'A', '20 01 01'), need('b', 'B', '20 01 01'), need('c', 'C', '20 01 08'), need('d', 'D', '20 01 08', 'closed')], []);
    expect(proposals.map((p) => p.declarationIds)).toEqual([['a', 'b']]);
  });

  it('finds through blocking the same proposals as all pairs (seeded random zones)', () => {
    for (const seed of [1, 2, 3]) {
      const zone = generateZone(seed, 40, 8, { radiusKm: 40 });
      const options = { weights: { maxDistanceKm: 30, minScore: 0.4 }, topN: 1000, kb: seed === 3 ? maestri : undefined };
      const blocked = matchZone(zone.declarations, zone.organisations, options);
      const naive = matchAllPairs(zone.declarations, zone.organisations, options);
      expect(blocked.length).toBeGreaterThan(50);
      expect(blocked).toEqual(naive);
    }
  }, 20_000); // three zones matched twice, all pairs included: slow on a shared machine

  it('finds the same across neighbouring zones, located or not', () => {
    const a = generateZone(21, 25, 6, { zoneId: 'a', radiusKm: 15 });
    const b = generateZone(22, 25, 6, { zoneId: 'b', radiusKm: 15, centre: east(25) });
    const declarations = [...a.declarations, ...b.declarations];
    const organisations = [...a.organisations, ...b.organisations];
    const options = { weights: { maxDistanceKm: 20 }, topN: 1000, kb: maestri };
    const blocked = matchZone(declarations, organisations, options);
    expect(blocked.some((p) => p.kind !== 'mutualisation' && new Set(p.organisationIds.map((id) => id[0])).size === 2)).toBe(true);
    expect(blocked).toEqual(matchAllPairs(declarations, organisations, options));
  });

  it('only pairs declarations that share a candidate key', () => {
    const zone = generateZone(7, 30, 6);
    const naive = matchAllPairs(zone.declarations, [], { weights: { minScore: 0 }, kinds: ['substitution', 'sharing'] });
    const byId = new Map(zone.declarations.map((d) => [d.id, d]));
    for (const p of naive) {
      const [a, b] = p.declarationIds.map((id) => new Set(candidateKeys(byId.get(id)!)));
      expect([...a!].some((k) => b!.has(k))).toBe(true);
    }
  });
});

describe('matchDeclaration', () => {
  const subject = declaration({ id: 'need', kind: 'need', organisationId: 'A', wasteCode: '15 01 03', quantity: 30, unit: 'pallet', frequency: 'monthly' });
  const candidates = [1, 2, 3, 4].map((i) =>
    declaration({
      id: `o${i}`,
      kind: 'offer',
      organisationId: `O${i}`,
      wasteCode: '15 01 03',
      quantity: 10 * i,
      unit: 'pallet',
      frequency: 'monthly',
      location: east(i),
    }),
  );

  it('matches only active declarations', () => {
    expect(matchDeclaration({ ...subject, status: 'closed' }, candidates)).toEqual([]);
    expect(
      matchDeclaration(
        subject,
        candidates.map((c) => ({ ...c, status: 'reserved' as const })),
      ),
    ).toEqual([]);
  });

  it('keeps the best N above the threshold, best first', () => {
    const proposals = matchDeclaration(subject, candidates, { topN: 2, kinds: ['substitution'] });
    expect(proposals).toHaveLength(2);
    expect(proposals[0]!.declarationIds).toEqual(['need', 'o3']);
    expect(proposals[0]!.score).toBeGreaterThanOrEqual(proposals[1]!.score);
    expect(matchDeclaration(subject, candidates, { weights: { minScore: 0.99 } })).toEqual([]);
  });

  it('uses the reciprocal pairs the caller knows', () => {
    const [plain] = matchDeclaration(subject, candidates, { topN: 1 });
    const [bonus] = matchDeclaration(subject, candidates, { topN: 1, reciprocalPairs: new Set([reciprocityKey('A', 'O3')]) });
    expect(bonus!.score).toBeGreaterThan(plain!.score);
  });

  it('scores a pair as a zone rematch does when given the zone word weights', () => {
    const zone = generateZone(11, 30, 6);
    const options = {
      weights: { reciprocityBonus: 0 },
      topN: 1000,
      kinds: ['substitution', 'sharing'] as const,
      text: wordWeightsOf(zone.declarations.filter((d) => d.status === 'active')),
    };
    const all = matchZone(zone.declarations, [], options);
    const subject = zone.declarations.find((d) => d.kind === 'need' && all.some((p) => p.declarationIds.includes(d.id)))!;
    const fromZone = all.filter((p) => p.declarationIds.includes(subject.id));
    const single = matchDeclaration(subject, zone.declarations, options);
    expect(single.length).toBeGreaterThan(0);
    expect(single.map((p) => [p.key, p.score])).toEqual(fromZone.map((p) => [p.key, p.score]));
  });

  it('gives every subject what building every pair and every group, then keeping the best, gives', () => {
    const weights = resolveWeights(undefined);
    const everyPairAndGroup = (subject: MatchDeclaration, others: MatchDeclaration[], text: ReturnType<typeof wordWeightsOf>, topN: number) => {
      const pairs = others
        .filter((o) => o.kind !== subject.kind)
        .flatMap((o) => {
          const [offer, need] = subject.kind === 'offer' ? [subject, o] : [o, subject];
          const { score, reasons, excluded } = scorePair(offer, need, weights, { kb: maestri, text });
          if (excluded || score < weights.minScore) return [];
          return [buildProposal(pairKind(offer.categoryCode), [offer, need], [offer.organisationId, need.organisationId], score, reasons)];
        });
      const sameKind = [subject, ...others.filter((o) => o.kind === subject.kind)];
      const joined = mutualisations(sameKind, weights, text).filter((p) => p.declarationIds.includes(subject.id));
      return [...pairs.sort(compareProposals).slice(0, topN), ...joined].sort(compareProposals);
    };
    const zone = generateZone(12, 40, 6);
    const active = zone.declarations.filter((d) => d.status === 'active');
    const text = wordWeightsOf(active);
    let groups = 0;
    for (const subject of active) {
      const others = active.filter((d) => d.id !== subject.id);
      const expected = everyPairAndGroup(subject, others, text, 5);
      groups += expected.filter((p) => p.kind === 'mutualisation').length;
      expect(matchDeclaration(subject, others, { kb: maestri, text })).toEqual(expected);
    }
    expect(groups).toBeGreaterThan(10);
    // Equal scores: the proposal keys decide which pairs are kept, as they order proposals.
    const clones = ['o9', 'o5', 'o7', 'o6', 'o8'].map((id, i) => ({ ...candidates[0]!, id, organisationId: `C${i}` }));
    const tied = everyPairAndGroup(subject, clones, wordWeightsOf([subject, ...clones]), 2);
    expect(new Set(tied.map((p) => p.score)).size).toBe(1);
    expect(matchDeclaration(subject, clones, { kb: maestri, topN: 2 })).toEqual(tied);
  });

  it('forms the mutualisation the subject joins', () => {
    const others = [1, 2].map((i) => declaration({ id: `n${i}`, kind: 'need', organisationId: `N${i}`, wasteCode: '15 01 03' }));
    const proposals = matchDeclaration(subject, others, {});
    expect(proposals.map((p) => [p.kind, p.declarationIds.length])).toEqual([['mutualisation', 3]]);
  });
});
