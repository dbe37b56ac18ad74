import { createI18n } from 'vue-i18n';
import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodFr from 'zod/v4/locales/fr.js';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const SUPPORTED_LOCALES = ['fr', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
const STORAGE_KEY = 'synergies.locale';

function savedLocale(): AppLocale | null {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    // Storage may be unavailable (private mode).
  }
  return null;
}

function storedLocale(): AppLocale {
  return savedLocale() ?? 'fr';
}

export type MessageSchema = typeof fr;

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'fr',
  messages: { fr, en },
});

/** zod's own messages (for rules without a custom message) follow the interface language. */
function configureZod(locale: AppLocale) {
  z.config(locale === 'en' ? zodEn() : zodFr());
}
configureZod(i18n.global.locale.value);

export function currentLocale(): AppLocale {
  return i18n.global.locale.value;
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  configureZod(locale);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted: the choice still holds for this visit.
  }
}

/** The account's language applies until the person picks one on this device. */
export function applyAccountLocale(locale: string): void {
  if (savedLocale() || (locale !== 'fr' && locale !== 'en') || locale === currentLocale()) return;
  i18n.global.locale.value = locale;
  configureZod(locale);
  document.documentElement.lang = locale;
}
