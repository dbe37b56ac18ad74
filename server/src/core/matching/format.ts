import { FREQUENCY_LABELS_FR, type Dimension, type Frequency, type Unit } from '@synergies/shared';

export type Lang = 'fr' | 'en';

const THOUSANDS: Record<Lang, string> = { fr: '\u202f', en: ',' };
const DECIMAL: Record<Lang, string> = { fr: ',', en: '.' };

/** 2.4 → "2,4", 1500 → "1 500" (narrow no-break space): one decimal below 10, none above. */
export function formatNumber(x: number, lang: Lang): string {
  const decimals = Math.abs(x) < 10 && !Number.isInteger(Math.round(x * 10) / 10) ? 1 : 0;
  const [int = '0', frac] = Math.abs(x).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS[lang]);
  return `${x < 0 ? '-' : ''}${grouped}${frac ? DECIMAL[lang] + frac : ''}`;
}

export function formatKm(km: number, lang: Lang): string {
  return km < 1 ? `${formatNumber(Math.round(km * 100) * 10, lang)} m` : `${formatNumber(km, lang)} km`;
}

const UNIT_FR: Record<Unit, [string, string]> = {
  kg: ['kg', 'kg'],
  t: ['t', 't'],
  L: ['L', 'L'],
  m3: ['m³', 'm³'],
  unit: ['unité', 'unités'],
  pallet: ['palette', 'palettes'],
  kWh: ['kWh', 'kWh'],
  MWh: ['MWh', 'MWh'],
  hour: ['heure', 'heures'],
  day: ['jour', 'jours'],
  m2: ['m²', 'm²'],
};
const UNIT_EN: Record<Unit, [string, string]> = {
  kg: ['kg', 'kg'],
  t: ['t', 't'],
  L: ['L', 'L'],
  m3: ['m³', 'm³'],
  unit: ['unit', 'units'],
  pallet: ['pallet', 'pallets'],
  kWh: ['kWh', 'kWh'],
  MWh: ['MWh', 'MWh'],
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
  m2: ['m²', 'm²'],
};
const FREQUENCY_EN: Record<Frequency, string> = { 'one-off': ' (one-off)', weekly: '/week', monthly: '/month', yearly: '/year' };

export function unitLabel(unit: Unit, quantity: number, lang: Lang): string {
  return (lang === 'fr' ? UNIT_FR : UNIT_EN)[unit][Math.abs(quantity) >= 2 ? 1 : 0];
}

export function frequencyLabel(frequency: Frequency, lang: Lang): string {
  if (lang === 'en') return FREQUENCY_EN[frequency];
  return frequency === 'one-off' ? ' en une fois' : FREQUENCY_LABELS_FR[frequency];
}

/** "40 palettes/mois". */
export function formatQuantity(quantity: number, unit: Unit, frequency: Frequency, lang: Lang): string {
  return `${formatNumber(quantity, lang)} ${unitLabel(unit, quantity, lang)}${frequencyLabel(frequency, lang)}`;
}

const YEARLY_UNITS: Record<Dimension, [Unit, Unit | null]> = {
  mass: ['kg', 't'],
  volume: ['L', 'm3'],
  energy: ['kWh', 'MWh'],
  count: ['unit', null],
  time: ['hour', null],
  area: ['m2', null],
};

/** A yearly amount in the dimension's base unit, shown in the larger unit when it reads better. */
export function formatYearly(base: number, dimension: Dimension, lang: Lang): string {
  const [small, large] = YEARLY_UNITS[dimension];
  const [value, unit] = large !== null && base >= 1000 ? [base / 1000, large] : [base, small];
  return formatQuantity(Math.round(value * 10) / 10, unit, 'yearly', lang);
}
