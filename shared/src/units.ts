/**
 * Units and frequencies of declared quantities, and their conversion to a base unit
 * per year so that an offer of 2 t/month and a need of 500 kg/week can be compared.
 */
export const UNITS = ['kg', 't', 'L', 'm3', 'unit', 'pallet', 'kWh', 'MWh', 'hour', 'day', 'm2'] as const;
export type Unit = (typeof UNITS)[number];

export const FREQUENCIES = ['one-off', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export type Dimension = 'mass' | 'volume' | 'count' | 'energy' | 'time' | 'area';

const UNIT_BASE: Record<Unit, { dimension: Dimension; factor: number }> = {
  kg: { dimension: 'mass', factor: 1 },
  t: { dimension: 'mass', factor: 1000 },
  L: { dimension: 'volume', factor: 1 },
  m3: { dimension: 'volume', factor: 1000 },
  unit: { dimension: 'count', factor: 1 },
  pallet: { dimension: 'count', factor: 1 },
  kWh: { dimension: 'energy', factor: 1 },
  MWh: { dimension: 'energy', factor: 1000 },
  hour: { dimension: 'time', factor: 1 },
  day: { dimension: 'time', factor: 8 },
  m2: { dimension: 'area', factor: 1 },
};

const OCCURRENCES_PER_YEAR: Record<Frequency, number> = {
  'one-off': 1,
  weekly: 52,
  monthly: 12,
  yearly: 1,
};

export function unitDimension(unit: Unit): Dimension {
  return UNIT_BASE[unit].dimension;
}

/** Quantity in the dimension's base unit (kg, L, unit, kWh, hour, m²). */
export function toBaseUnit(quantity: number, unit: Unit): number {
  return quantity * UNIT_BASE[unit].factor;
}

/** Yearly quantity in the base unit; a one-off lot counts once. */
export function toYearlyBase(quantity: number, unit: Unit, frequency: Frequency): number {
  return toBaseUnit(quantity, unit) * OCCURRENCES_PER_YEAR[frequency];
}

export const UNIT_LABELS_FR: Record<Unit, string> = {
  kg: 'kg',
  t: 't',
  L: 'L',
  m3: 'm³',
  unit: 'unités',
  pallet: 'palettes',
  kWh: 'kWh',
  MWh: 'MWh',
  hour: 'heures',
  day: 'jours',
  m2: 'm²',
};

export const FREQUENCY_LABELS_FR: Record<Frequency, string> = {
  'one-off': 'ponctuel',
  weekly: '/semaine',
  monthly: '/mois',
  yearly: '/an',
};
