import { describe, expect, it } from 'vitest';
import { explainEn, explainFr } from './explain';
import { formatNumber } from './format';
import { scorePair } from './score';
import { declaration, east } from './testing';
import { DEFAULT_MATCH_WEIGHTS as W } from './weights';
import type { Reason } from './types';

const NNBSP = '\u202f';
const r = (code: Reason['code'], params: Reason['params'] = {}): Reason => ({ code, weight: 1, value: 1, params });

describe('explanations', () => {
  it('formats numbers the French way', () => {
    expect(formatNumber(2.4, 'fr')).toBe('2,4');
    expect(formatNumber(40, 'fr')).toBe('40');
    expect(formatNumber(12_500, 'fr')).toBe(`12${NNBSP}500`);
    expect(formatNumber(12_500, 'en')).toBe('12,500');
    expect(formatNumber(3, 'fr')).toBe('3');
  });

  it('says what a scored pair has in common, in French and English', () => {
    const offer = declaration({
      id: 'o',
      kind: 'offer',
      organisationId: 'A',
      categoryCode: 'materials.paper.glassine',
      wasteCode: '15 01 03',
      quantity: 40,
      unit: 'pallet',
      frequency: 'monthly',
    });
    const need = declaration({
      id: 'n',
      kind: 'need',
      organisationId: 'B',
      categoryCode: 'materials.paper.glassine',
      wasteCode: '15 01 03',
      quantity: 30,
      unit: 'pallet',
      frequency: 'monthly',
      location: east(2.4),
    });
    const { reasons } = scorePair(offer, need, W);
    expect(explainFr(reasons)).toBe('Même code déchet 15 01 03 · 2,4 km · quantités compatibles : 40 palettes/mois offertes, 30 recherchées');
    expect(explainEn(reasons)).toBe('Same waste code 15 01 03 · 2.4 km · compatible quantities: 40 pallets/month offered, 30 wanted');
  });

  it('spells out both quantities when units differ, and each other reason', () => {
    const q = { offerQuantity: 2, offerUnit: 't', offerFrequency: 'monthly', needQuantity: 500, needUnit: 'kg', needFrequency: 'weekly' };
    expect(explainFr([r('quantity_fit', q)])).toBe('Quantités compatibles : 2 t/mois offertes, 500 kg/semaine recherchées');
    expect(explainFr([r('quantity_mismatch', { offerUnit: 't', needUnit: 'm3', incompatibleUnits: true })])).toBe(
      'Unités incomparables : t offerts, m³ recherchés',
    );
    expect(explainFr([r('related_waste_code', { offerCode: '15 01 01', needCode: '15 01 02', level: 'sub_chapter' })])).toBe(
      'Codes déchet du même sous-chapitre 15 01 (15 01 01 / 15 01 02)',
    );
    expect(explainFr([r('same_category', { offerCategory: 'materials.paper.glassine' })])).toBe('Même catégorie « Papier glassine et siliconé »');
    expect(explainFr([r('related_category', { offerCategory: 'materials.paper.glassine', needCategory: 'materials.paper' })])).toBe(
      'Catégories voisines « Papier glassine et siliconé » et « Papiers et cartons »',
    );
    expect(explainFr([r('distance', { km: 0.35 })])).toBe('350 m');
    expect(explainFr([r('no_availability_overlap'), r('availability_overlap')])).toBe(
      'Disponibilités compatibles · périodes de disponibilité sans recouvrement',
    );
    expect(explainFr([r('hazard_mismatch'), r('reciprocity')])).toBe(
      "Échange possible dans les deux sens · matière dangereuse : le besoin ne dit pas pouvoir l'accepter",
    );
    expect(explainFr([r('documented_case', { count: 3, level: 'code', receiverNace: '2351', example: 'Notarnicola et al., 2016' })])).toBe(
      '3 échanges documentés de ce code déchet vers ce secteur (NACE 2351) (ex. Notarnicola et al., 2016)',
    );
    expect(
      explainFr([
        r('group_size', { count: 5, kind: 'offer' }),
        r('distance', { km: 3.2, spread: true }),
        r('quantity_total', { yearlyBase: 12_000, dimension: 'mass' }),
      ]),
    ).toBe('5 entreprises ont cette ressource · dans un rayon de 3,2 km · 12 t/an au total');
    expect(explainFr([r('text_match')])).toBe('');
  });
});
