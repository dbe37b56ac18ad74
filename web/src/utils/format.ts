import type { ComposerTranslation } from 'vue-i18n';

type T = ComposerTranslation;

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 }).format(value);
}

/** "20 palettes /semaine", "12 t /an", "—" when no quantity. */
export function formatQuantity(t: T, locale: string, quantity: number | null, unit: string, frequency: string): string {
  if (quantity === null || quantity === undefined) return '';
  const freq = frequency === 'one-off' ? '' : ` ${t(`frequencies.${frequency}`)}`;
  return `${formatNumber(quantity, locale)} ${t(`units.${unit}`)}${freq}`;
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium' }).format(date);
}

export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatNumber(mb, locale)} Mo`.replace('Mo', locale === 'en' ? 'MB' : 'Mo');
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} ${locale === 'en' ? 'kB' : 'ko'}`;
}

/** "3,2 km" */
export function formatDistance(km: number | null | undefined, locale: string): string {
  if (km === null || km === undefined) return '';
  return `${formatNumber(km < 10 ? Math.round(km * 10) / 10 : Math.round(km), locale)} km`;
}

/** A user-typed decimal ("12,5") as a number, '' as null; anything else stays as typed for the schema to refuse. */
export function parseDecimal(input: string | number | null | undefined): number | null | string {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return input;
  const s = input.trim().replace(/\s/g, '').replace(',', '.');
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : input;
}

const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'fr-FR');

/** "12 345 €" (whole euros: impacts are estimates). */
export function formatEuros(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

/** A figure rounded to what it can mean: "12,3", "1 234". */
export function formatRounded(value: number, locale: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** "3 oct. 2026, 10:20" */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "lundi 5 octobre 2026" for a calendar date. */
export function formatLongDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full' }).format(date);
}

/** "45 %" of a 0–1 score. */
export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
