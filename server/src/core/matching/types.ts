import type { Frequency, Unit } from '@synergies/shared';

/** A point in WGS84 degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * What the engine needs to know of a declaration (an offer or a need); plain JSON so
 * that jobs can pass it around and tests can write it by hand.
 */
export interface MatchDeclaration {
  id: string;
  organisationId: string;
  zoneId: string;
  kind: 'offer' | 'need';
  title: string;
  description: string;
  categoryCode: string;
  /** "15 01 03", without the asterisk; hazard travels in `hazardous`. */
  wasteCode: string | null;
  quantity: number | null;
  unit: Unit;
  frequency: Frequency;
  /** "YYYY-MM-DD"; null means open on that side. */
  availableFrom: string | null;
  availableUntil: string | null;
  /** On an offer: the material is hazardous. On a need: the firm accepts hazardous material. */
  hazardous: boolean;
  status: 'active' | 'reserved' | 'closed';
  location: LatLng | null;
  /** NAF rév. 2 code of the declaring firm, "22.29A". */
  organisationNaf: string | null;
}

export interface MatchOrganisation {
  id: string;
  zoneId: string;
  /** NAF rév. 2 code, "22.29A". */
  nafCode: string | null;
  location: LatLng | null;
  name: string;
}

export const PROPOSAL_KINDS = ['substitution', 'mutualisation', 'sharing', 'potential_taker'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const REASON_CODES = [
  'same_waste_code',
  'related_waste_code',
  'same_category',
  'related_category',
  'quantity_fit',
  'quantity_mismatch',
  'distance',
  'availability_overlap',
  'no_availability_overlap',
  'hazard_mismatch',
  'reciprocity',
  'text_match',
  'documented_case',
  'sector_evidence',
  'group_size',
  'quantity_total',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Values shown in explanations: numbers, strings, booleans, or lists of them. */
export type ReasonParam = string | number | boolean | null | readonly (string | number)[];

/**
 * One piece of evidence behind a score: `value` is the signal in 0..1, `weight` its
 * share in the score (0 for facts that only explain, negative for penalties).
 */
export interface Reason {
  code: ReasonCode;
  weight: number;
  value: number;
  params: Record<string, ReasonParam>;
}

export interface Proposal {
  kind: ProposalKind;
  /** Stable identity: kind + sorted ids, so the database can upsert and remember declines. */
  key: string;
  declarationIds: string[];
  organisationIds: string[];
  score: number;
  reasons: Reason[];
  explanationFr: string;
  explanationEn: string;
  /** Hash of the material fields of the involved declarations (and organisations). */
  fingerprint: string;
}
