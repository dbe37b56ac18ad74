import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from './knowledge/knowledge-base';
import { LEXICON } from './knowledge/lexicon/lexicon';
import { parseMaestriCsv } from './knowledge/maestri';
import { potentialTakers, rankPotentialTakers } from './potential-takers';
import { declaration, east, organisation } from './testing';
import type { MatchOrganisation } from './types';

// Tests may read files; the engine itself receives the text from its caller.
const kb = new KnowledgeBase(parseMaestriCsv(readFileSync(new URL('./knowledge/maestri-exchanges.csv', import.meta.url), 'utf8')));

/** A mixed industrial zone: the takers the tests expect and plausible wrong ones. */
const ZONE: MatchOrganisation[] = [
  organisation('refinery', '19.20Z'),
  organisation('chemicals', '20.14Z'),
  organisation('dairy', '10.51A'),
  organisation('cement', '23.51Z'),
  organisation('aluminium', '24.42Z'),
  organisation('steelworks', '24.10Z'),
  organisation('scrap-recycler', '38.32Z'),
  organisation('lead-smelter', '24.43Z'),
  organisation('distillery', '11.01Z'),
  organisation('yeast', '10.89Z'),
  organisation('plasterboard', '23.62Z'),
  organisation('fertiliser', '20.15Z'),
  organisation('carbon-maker', '20.59Z'),
  organisation('haulier', '49.41A'),
  organisation('software', '62.01Z'),
  organisation('bakery', '10.71C'),
  organisation('greenhouse', '01.13Z'),
  organisation('district-heating', '35.30Z'),
];

const offer = (title: string, more: Partial<Parameters<typeof declaration>[0]> = {}) =>
  declaration({
    id: `offer-${title}`,
    kind: 'offer',
    organisationId: 'provider',
    title,
    categoryCode: 'materials',
    wasteCode: null,
    organisationNaf: '35.11Z',
    ...more,
  });
const ranking = (title: string, more: Partial<Parameters<typeof declaration>[0]> = {}, zone = ZONE) =>
  rankPotentialTakers(offer(title, more), zone, kb).map((t) => t.organisation.id);

/** `a` is proposed, and `b` is either not proposed or ranked below it. */
const ranksAbove = (order: string[], a: string, b: string) => order.includes(a) && (!order.includes(b) || order.indexOf(a) < order.indexOf(b));

describe('potential takers per flow type', () => {
  it('sends a French steam offer to refineries, chemicals and food processors, saying why', () => {
    const order = ranking('Vapeur basse pression disponible', { categoryCode: 'energy.steam' });
    expect(order.slice(0, 3)).toEqual(expect.arrayContaining(['refinery', 'chemicals']));
    expect(ranksAbove(order, 'dairy', 'cement')).toBe(true);
    expect(order).not.toContain('software');
    const [lead] = potentialTakers(offer('Vapeur basse pression disponible', { categoryCode: 'energy.steam' }), [organisation('refinery', '19.20Z')], kb);
    expect(lead!.explanationFr).toContain('Les raffineries consomment de la vapeur basse pression (source : Eurostat');
    expect(lead!.reasons[0]!.params.url).toMatch(/^https:\/\/ec\.europa\.eu\/eurostat/);
  });

  it('weighs a utility by distance: steam travels a few kilometres', () => {
    const steam = offer('Vapeur 8 bar', { categoryCode: 'energy.steam', location: east(0) });
    const [near, far] = rankPotentialTakers(
      steam,
      [organisation('far-refinery', '19.20Z', { location: east(20) }), organisation('near-chemicals', '20.14Z', { location: east(1) })],
      kb,
    );
    expect(near!.organisation.id).toBe('near-chemicals');
    expect(far!.score).toBeLessThan(near!.score / 3);
  });

  it('sends heat to district heating and greenhouses', () => {
    expect(ranking('Chaleur fatale 60 °C', { categoryCode: 'energy.heat' }).slice(0, 2)).toEqual(expect.arrayContaining(['district-heating', 'greenhouse']));
  });

  it('sends scrap steel to a 38.32 recycler or a steelworks, not to a cement kiln or an aluminium smelter', () => {
    const order = ranking("Ferraille d'acier", { categoryCode: 'materials.metals' });
    expect(order.slice(0, 2)).toEqual(expect.arrayContaining(['scrap-recycler', 'steelworks']));
    expect(ranksAbove(order, 'scrap-recycler', 'cement') && ranksAbove(order, 'scrap-recycler', 'aluminium')).toBe(true);
  });

  it('sends molasses to a distillery or a yeast plant', () => {
    expect(ranking('Mélasse').slice(0, 2)).toEqual(expect.arrayContaining(['distillery', 'yeast']));
  });

  it('sends spent lead-acid batteries to a lead recycler', () => {
    expect(ranking('Batteries au plomb usagées', { wasteCode: '16 06 01', hazardous: true })[0]).toBe('lead-smelter');
    expect(ranking('Spent lead-acid batteries')[0]).toBe('lead-smelter');
  });

  it('sends spent activated carbon to its regenerator, gypsum to plasterboard, sulphuric acid to fertilisers', () => {
    expect(ranking('Charbon actif usagé')[0]).toBe('carbon-maker');
    expect(ranking('Gypse de désulfuration')[0]).toBe('plasterboard');
    expect(ranking('Acide sulfurique 70 %')[0]).toBe('fertiliser');
  });

  it('reads a waste code alone, without words', () => {
    expect(ranking('Lot n° 42', { wasteCode: '16 06 01' })[0]).toBe('lead-smelter');
  });

  it('gives the same top takers to the same offer in French and in English', () => {
    const pairs: [string, string, Partial<Parameters<typeof declaration>[0]>][] = [
      ['Vapeur basse pression disponible', 'Low-pressure steam available', { categoryCode: 'energy.steam' }],
      ["Ferraille d'acier", 'Steel scrap', {}],
      ['Mélasse de betterave', 'Beet molasses', {}],
      ['Batteries plomb usagées', 'Spent lead-acid batteries', {}],
      ['Drêches de brasserie', "Brewer's spent grain", {}],
      ['Gypse synthétique', 'Synthetic gypsum', {}],
    ];
    for (const [fr, en, more] of pairs) expect(ranking(fr, more).slice(0, 3), fr).toEqual(ranking(en, more).slice(0, 3));
  });

  it('tolerates a typing error in a long word', () => {
    expect([...LEXICON.ofText('ferailles')].map(([id]) => id)).toContain('metal_scrap');
    expect(ranking('Mélase disponible')[0]).toBe(ranking('Mélasse disponible')[0]);
  });

  it('shares a machine or storage with the sectors that buy it, nearest first', () => {
    const space = offer('Entrepôt 500 m² disponible', { categoryCode: 'space.storage', location: east(0) });
    const zone = [
      organisation('wholesaler-far', '46.90Z', { location: east(12) }),
      organisation('wholesaler-near', '46.90Z', { location: east(1) }),
      organisation('software', '62.01Z', { location: east(1) }),
    ];
    expect(rankPotentialTakers(space, zone, kb).map((t) => t.organisation.id)).toEqual(['wholesaler-near', 'wholesaler-far']);
  });
});

describe('near sectors and ranking depth', () => {
  const onlyCases = new KnowledgeBase([
    {
      id: 'c',
      source: 'maestri',
      providerNace: ['2410'],
      receiverNace: ['2059'],
      ewcCode: '07 01 99',
      ewcCodes: ['07 01 99'],
      approximate: false,
      hazardous: false,
      wasteDescription: 'Process residue',
      status: 'Implemented',
      reference: 'Author, A. (2019). Case.',
    },
  ]);
  const residue = offer('Résidu de procédé', { wasteCode: '07 01 99' });

  it('lends graded evidence to a near NAF class: same class > same group > same division > unrelated', () => {
    const zone = [organisation('class', '20.59Z'), organisation('group', '20.52Z'), organisation('division', '20.13B'), organisation('bakery', '10.71C')];
    const ranked = rankPotentialTakers(residue, zone, onlyCases, undefined, { publicKnowledge: false });
    expect(ranked.map((t) => [t.organisation.id, t.nearness])).toEqual([
      ['class', 'same'],
      ['group', 'group'],
      ['division', 'division'],
    ]);
    expect(ranked[1]!.score).toBeGreaterThan(0);
    const [, near] = potentialTakers(residue, zone, onlyCases, { evidence: { publicKnowledge: false } });
    expect(near!.explanationFr).toContain('vers un secteur voisin (NACE 2059)');
  });

  it('ranks every plausible firm of the zone; the caller cuts to what it shows', () => {
    const zone = Array.from({ length: 12 }, (_, i) => organisation(`chem-${i}`, `20.${10 + i}Z`)).concat([organisation('software', '62.01Z')]);
    const steam = offer('Vapeur', { categoryCode: 'energy.steam' });
    expect(potentialTakers(steam, zone, kb)).toHaveLength(12);
    expect(potentialTakers(steam, zone, kb, { maxPerOffer: 5 })).toHaveLength(5);
  });
});
