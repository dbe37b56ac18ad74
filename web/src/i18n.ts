import { createI18n } from 'vue-i18n';
import { z } from 'zod';
import type { $ZodErrorMap } from 'zod/v4/core';
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

/**
 * Messages of the shared schemas' rules that carry no message of their own, in the
 * interface language and in the app's words ("Au moins 3 caractères"); zod's locale
 * covers the rest. A message written in a schema always wins.
 */
const validationMessages: $ZodErrorMap = (issue) => {
  const t = i18n.global.t;
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return empty || Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.minChars', { n: Number(issue.minimum) });
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive ? t('validation.minNumber', { n: Number(issue.minimum) }) : t('validation.greaterThan', { n: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.minItems', { n: Number(issue.minimum) });
      break;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxChars', { n: Number(issue.maximum) });
      if (issue.origin === 'number' || issue.origin === 'int') return t('validation.maxNumber', { n: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { n: Number(issue.maximum) });
      break;
    case 'invalid_type':
      if (empty) return t('validation.required');
      if (issue.expected === 'number' || issue.expected === 'int') return t('validation.number');
      return t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      if (issue.format === 'date') return t('validation.date');
      if (issue.format === 'uuid') return t('validation.choose');
      break;
    case 'invalid_value':
      return t('validation.choose');
  }
  return (currentLocale() === 'en' ? zodEn() : zodFr()).localeError(issue);
};

function configureZod(_locale: AppLocale) {
  z.config({ localeError: validationMessages });
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

/** Once logged in, the account's language wins over what this device remembered. */
export function applyAccountLocale(locale: string): void {
  if ((locale !== 'fr' && locale !== 'en') || (locale === currentLocale() && savedLocale() === locale)) return;
  setLocale(locale);
}
