import { describe, expect, it } from 'vitest';
import type { Synergy, SynergyView } from '../api';
import { allAccepted, explanation, ownParty, permissions, reasonMessage, sortedReasons, statusMoves, wasReserved } from './synergies';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const Z = '99999999-9999-4999-8999-999999999999';

const party = (organisationId: string, role: 'giver' | 'taker', over: Partial<Synergy['parties'][number]> = {}) => ({
  organisationId,
  organisationName: organisationId === A ? 'Plasturgie' : 'Fromagerie',
  declarationId: null,
  declarationTitle: null,
  role,
  accepted: false,
  declined: false,
  contact: null,
  ...over,
});

const synergy = (over: Partial<Synergy> = {}): Synergy => ({
  id: 's1',
  zoneId: Z,
  kind: 'substitution',
  origin: 'engine',
  status: 'proposed',
  title: 'Palettes',
  score: 0.8,
  reasons: [],
  explanationFr: 'Même code déchet',
  explanationEn: 'Same waste code',
  dropReason: null,
  validated: false,
  parties: [party(A, 'giver'), party(B, 'taker')],
  impact: null,
  version: 1,
  createdAt: '2026-10-03T08:00:00.000Z',
  updatedAt: '2026-10-03T08:00:00.000Z',
  ...over,
});

const member = (organisationId: string) => ({
  id: 'u',
  email: 'x@y.fr',
  displayName: 'X',
  role: 'member' as const,
  locale: 'fr' as const,
  organisationId,
  zoneIds: [Z],
});
const facilitator = { id: 'f', email: 'f@y.fr', displayName: 'F', role: 'facilitator' as const, locale: 'fr' as const, organisationId: null, zoneIds: [Z] };
const facilitates = (zoneId: string) => zoneId === Z;

describe('synergy pipeline', () => {
  it('offers the moves the shared rules allow, in pipeline order', () => {
    expect(statusMoves('proposed')).toEqual(['under_discussion', 'in_study', 'implemented', 'dropped']);
    expect(statusMoves('in_study')).toEqual(['under_discussion', 'implemented', 'dropped']);
    expect(statusMoves('dropped')).toEqual(['proposed', 'under_discussion']);
    expect(statusMoves('implemented')).toEqual([]);
  });
});

describe('who may do what', () => {
  it('lets a party member answer and move, a facilitator move but not answer, an outsider nothing', () => {
    const s = synergy();
    expect(permissions(s, member(A), () => false)).toMatchObject({ answer: true, move: true, give: false, message: true });
    expect(permissions(s, facilitator, facilitates)).toMatchObject({ answer: false, move: true, message: true });
    expect(permissions(s, member('33333333-3333-4333-8333-333333333333'), () => false)).toMatchObject({ answer: false, move: false, message: false });
  });

  it('lets only the giver of an open marketplace exchange reserve and hand over', () => {
    const s = synergy({ origin: 'marketplace', status: 'under_discussion' });
    expect(permissions(s, member(A), () => false).give).toBe(true);
    expect(permissions(s, member(B), () => false).give).toBe(false);
    expect(permissions({ ...s, status: 'implemented' }, member(A), () => false)).toMatchObject({ give: false, answer: false, move: false });
  });

  it('finds the own party and tells when everyone accepted', () => {
    const s = synergy({ parties: [party(A, 'giver', { accepted: true }), party(B, 'taker')] });
    expect(ownParty(s, member(B))?.role).toBe('taker');
    expect(ownParty(s, facilitator)).toBeNull();
    expect(allAccepted(s)).toBe(false);
    expect(allAccepted({ parties: s.parties.map((p) => ({ ...p, accepted: true })) })).toBe(true);
  });
});

describe('explanations', () => {
  it('speaks the interface language, falling back on the other one', () => {
    expect(explanation(synergy(), 'fr')).toBe('Même code déchet');
    expect(explanation(synergy(), 'en')).toBe('Same waste code');
    expect(explanation(synergy({ explanationEn: '' }), 'en')).toBe('Même code déchet');
  });

  it('turns reasons into messages, strongest first and caveats last', () => {
    const reasons = [
      { code: 'hazard_mismatch', weight: -0.3, value: 1, params: {} },
      { code: 'distance', weight: 0.2, value: 0.9, params: { km: 2.43 } },
      { code: 'same_waste_code', weight: 0.5, value: 1, params: { offerCode: '15 01 03', needCode: '15 01 03' } },
    ];
    expect(sortedReasons(reasons).map((r) => r.code)).toEqual(['same_waste_code', 'distance', 'hazard_mismatch']);
    const msg = (i: number) =>
      reasonMessage(
        reasons[i]!,
        (c) => `cat:${c}`,
        (km) => `${km} km`,
      );
    expect(msg(2)).toEqual({ key: 'synergy.reasons.same_waste_code', params: { code: '15 01 03' } });
    expect(msg(1)).toEqual({ key: 'synergy.reasons.distance', params: { km: '2.43 km' } });
    expect(reasonMessage({ code: 'brand_new', weight: 1, value: 1, params: {} }, String, String)).toEqual({
      key: 'synergy.reasons.other',
      params: { code: 'brand_new' },
    });
  });

  it("words public knowledge in the reader's language, with its source and a near sector", () => {
    const params = { textFr: 'les raffineries consomment de la vapeur', textEn: 'refineries consume steam', source: 'Eurostat', sector: '1920', near: null };
    const reason = { code: 'sector_evidence', weight: 1, value: 0.6, params };
    expect(reasonMessage(reason, String, String, 'fr')).toEqual({
      key: 'matchingEvidence.reason',
      params: { text: 'les raffineries consomment de la vapeur', source: 'Eurostat', sector: '1920' },
    });
    expect(reasonMessage(reason, String, String, 'en').params.text).toBe('refineries consume steam');
    expect(reasonMessage({ ...reason, params: { ...params, near: 'group' } }, String, String, 'en').key).toBe('matchingEvidence.near');
  });

  it('reads a reservation from the history', () => {
    const base = { ...synergy(), history: [], messages: [], exchangeId: null } as SynergyView;
    expect(wasReserved(base)).toBe(false);
    expect(
      wasReserved({
        ...base,
        history: [{ type: 'reserved', fromStatus: null, toStatus: null, userName: null, organisationName: null, note: null, at: base.createdAt }],
      }),
    ).toBe(true);
  });
});
