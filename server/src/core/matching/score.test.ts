import { describe, expect, it } from 'vitest';
import { scorePair } from './score';
import { declaration, east } from './testing';
import { DEFAULT_MATCH_WEIGHTS as W } from './weights';
import { KnowledgeBase } from './knowledge/knowledge-base';
import type { Reason } from './types';

const offer = (o: Parameters<typeof declaration>[0] extends infer T ? Partial<T> : never = {}) =>
  declaration({ id: 'o', kind: 'offer', organisationId: 'A', ...o });
const need = (o: Partial<Parameters<typeof declaration>[0]> = {}) => declaration({ id: 'n', kind: 'need', organisationId: 'B', ...o });
const reason = (reasons: Reason[], code: Reason['code']) => reasons.find((r) => r.code === code);

describe('scorePair', () => {
  it('compares quantities across units and frequencies: 2 t/month vs 500 kg/week', () => {
    const r = scorePair(offer({ quantity: 2, unit: 't', frequency: 'monthly' }), need({ quantity: 500, unit: 'kg', frequency: 'weekly' }), W);
    const fit = reason(r.reasons, 'quantity_fit')!;
    expect(fit.params.offerYearly).toBe(24_000);
    expect(fit.params.needYearly).toBe(26_000);
    expect(fit.value).toBeCloseTo(Math.sqrt(24 / 26), 6);
  });

  it('converts litres and cubic metres', () => {
    const r = scorePair(offer({ quantity: 1, unit: 'm3' }), need({ quantity: 1000, unit: 'L' }), W);
    expect(reason(r.reasons, 'quantity_fit')!.value).toBe(1);
  });

  it('reports far-apart quantities and units of another dimension as mismatches', () => {
    const far = scorePair(offer({ quantity: 10, unit: 'kg', frequency: 'yearly' }), need({ quantity: 10, unit: 't', frequency: 'yearly' }), W);
    expect(reason(far.reasons, 'quantity_mismatch')!.value).toBeCloseTo(Math.sqrt(0.001), 6);
    const incompatible = scorePair(offer({ quantity: 1, unit: 't' }), need({ quantity: 1, unit: 'm3' }), W);
    expect(reason(incompatible.reasons, 'quantity_mismatch')!.params.incompatibleUnits).toBe(true);
    expect(incompatible.score).toBeLessThan(scorePair(offer({ quantity: 1, unit: 't' }), need({ quantity: 1, unit: 't' }), W).score);
  });

  it('decays with distance and leaves out pairs beyond the zone maximum', () => {
    const near = scorePair(offer(), need({ location: east(2.4) }), W);
    expect(reason(near.reasons, 'distance')!.params.km).toBeCloseTo(2.4, 1);
    const far = scorePair(offer(), need({ location: east(30) }), W);
    expect(far.score).toBeLessThan(near.score);
    expect(scorePair(offer(), need({ location: east(60) }), W).excluded).toBe('distance');
    expect(scorePair(offer(), need({ location: east(60) }), { ...W, maxDistanceKm: 100 }).excluded).toBeUndefined();
  });

  it('penalises a hazardous offer for a need that does not accept hazardous material', () => {
    // 15 01 10*: packaging containing residues of hazardous substances.
    const drums = offer({ categoryCode: 'materials.plastics', wasteCode: '15 01 10' });
    const safe = scorePair(drums, need({ categoryCode: 'materials.plastics', wasteCode: '15 01 02', hazardous: true }), W);
    const unsafe = scorePair(drums, need({ categoryCode: 'materials.plastics', wasteCode: '15 01 02' }), W);
    // Asking for the hazardous code itself is accepting it.
    expect(reason(scorePair(drums, need({ categoryCode: 'materials.plastics', wasteCode: '15 01 10' }), W).reasons, 'hazard_mismatch')).toBeUndefined();
    expect(reason(safe.reasons, 'hazard_mismatch')).toBeUndefined();
    expect(reason(unsafe.reasons, 'hazard_mismatch')).toBeDefined();
    expect(unsafe.score).toBeCloseTo(safe.score * W.hazardPenalty, 3);
    // The flag alone makes an offer hazardous.
    expect(reason(scorePair(offer({ hazardous: true }), need(), W).reasons, 'hazard_mismatch')).toBeDefined();
  });

  it('adds the reciprocity bonus', () => {
    const plain = scorePair(offer(), need(), W);
    const both = scorePair(offer(), need(), W, { reciprocal: true });
    expect(both.score).toBeCloseTo(plain.score + W.reciprocityBonus, 4);
    expect(reason(both.reasons, 'reciprocity')).toBeDefined();
  });

  it('checks availability windows, open bounds included', () => {
    const overlap = scorePair(offer({ availableFrom: '2026-01-01', availableUntil: '2026-03-31' }), need({ availableFrom: '2026-03-01' }), W);
    expect(reason(overlap.reasons, 'availability_overlap')).toBeDefined();
    const disjoint = scorePair(offer({ availableUntil: '2026-03-31' }), need({ availableFrom: '2026-04-01' }), W);
    expect(reason(disjoint.reasons, 'no_availability_overlap')).toBeDefined();
    expect(disjoint.score).toBeLessThan(overlap.score);
    const expired = scorePair(offer({ availableUntil: '2026-03-31' }), need(), W, { today: '2026-04-02' });
    expect(reason(expired.reasons, 'no_availability_overlap')).toBeDefined();
  });

  it('ranks waste codes: same > sub-chapter > chapter', () => {
    const score = (code: string) =>
      scorePair(offer({ categoryCode: 'materials.paper', wasteCode: '15 01 01' }), need({ categoryCode: 'materials.paper', wasteCode: code }), W);
    expect(reason(score('15 01 01').reasons, 'same_waste_code')).toBeDefined();
    expect(reason(score('15 01 02').reasons, 'related_waste_code')!.params.level).toBe('sub_chapter');
    expect(reason(score('15 02 02').reasons, 'related_waste_code')!.params.level).toBe('chapter');
    expect(score('15 01 01').score).toBeGreaterThan(score('15 01 02').score);
    expect(score('15 01 02').score).toBeGreaterThan(score('15 02 02').score);
  });

  it('ranks categories: same > related > family-only, and family-only needs a waste code in common', () => {
    const s = (a: string, b: string, wa: string | null = null, wb: string | null = null) =>
      scorePair(offer({ categoryCode: a, wasteCode: wa }), need({ categoryCode: b, wasteCode: wb }), W);
    expect(s('materials.paper.glassine', 'materials.paper.glassine').score).toBeGreaterThan(s('materials.paper.glassine', 'materials.paper').score);
    expect(reason(s('materials.paper.glassine', 'materials.paper').reasons, 'related_category')!.params.level).toBe('related');
    expect(s('materials.wood', 'materials.plastics').excluded).toBe('material');
    expect(s('materials.wood', 'materials.organic', '03 01 05', '03 01 05').excluded).toBeUndefined();
    expect(s('materials.paper', 'services.waste-collection', '15 01 01', '15 01 01').excluded).toBe('material');
  });

  it('relates codes documented together in the knowledge base', () => {
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
    const r = scorePair(
      offer({ categoryCode: 'materials.organic', wasteCode: '20 01 08' }),
      need({ categoryCode: 'materials.chemicals', wasteCode: '20 01 25' }),
      W,
      { kb },
    );
    expect(reason(r.reasons, 'related_waste_code')!.params.level).toBe('sub_chapter');
    const r2 = scorePair(
      offer({ categoryCode: 'materials.organic', wasteCode: '20 01 08' }),
      need({ categoryCode: 'materials.chemicals', wasteCode: '02 03 04' }),
      W,
      { kb },
    );
    expect(r2.excluded).toBe('material');
  });

  it('asks for evidence of the same material beyond a broad category, less so for heat or water', () => {
    const staff = (title: string, kind: 'offer' | 'need') => (kind === 'offer' ? offer : need)({ categoryCode: 'skills.staff', title, quantity: null });
    const same = scorePair(staff('Soudeur TIG', 'offer'), staff('Soudeur TIG', 'need'), W).score;
    const different = scorePair(staff('Soudeur TIG', 'offer'), staff('Comptable', 'need'), W).score;
    expect(same).toBeGreaterThan(0.9);
    // The gate (and the text signal itself) leave the unrelated pair well under the threshold.
    expect(different).toBeLessThanOrEqual(same * (1 - W.textGate));
    expect(different).toBeLessThan(W.minScore);
    const heat = (title: string, kind: 'offer' | 'need') => (kind === 'offer' ? offer : need)({ categoryCode: 'energy.heat', title, quantity: null });
    expect(scorePair(heat('Chaleur fatale des compresseurs', 'offer'), heat('Eau chaude pour les serres', 'need'), W).score).toBeGreaterThan(W.minScore);
  });

  it('reads two different waste codes as weak evidence of the same material', () => {
    const paper = offer({ categoryCode: 'materials.paper', wasteCode: '15 01 01', title: 'Cartons' });
    const sameCode = scorePair(paper, need({ categoryCode: 'materials.paper', wasteCode: '15 01 01', title: 'Mandrins' }), W).score;
    const otherCode = scorePair(paper, need({ categoryCode: 'materials.paper', wasteCode: '15 01 05', title: 'Mandrins' }), W).score;
    expect(otherCode).toBeLessThan(sameCode * 0.8);
  });

  it('scores the wording both declarations share', () => {
    const without = scorePair(offer({ title: 'Chutes' }), need({ title: 'Bois' }), W);
    const withWords = scorePair(offer({ title: 'Chutes de chêne massif' }), need({ title: 'Recherche chutes de chêne' }), W);
    expect(withWords.score).toBeGreaterThan(without.score);
    expect(reason(withWords.reasons, 'text_match')).toBeDefined();
  });

  it('does not pair a firm with itself nor two offers', () => {
    expect(scorePair(offer(), need({ organisationId: 'A' }), W).excluded).toBe('same_organisation');
    expect(scorePair(offer(), offer({ id: 'o2', organisationId: 'B' }), W).excluded).toBe('kind');
  });
});
