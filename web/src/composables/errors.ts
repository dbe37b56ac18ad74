import { errorText } from '@synergies/shared';
import { useI18n } from 'vue-i18n';
import { isApiError } from '../api/client';

/**
 * What to tell a person about a failure. The server's details are written in French:
 * the French interface shows them as they are; other languages use the text of the
 * stable error code from the shared catalogue (shared/src/errors.ts).
 */
export function useErrorMessage() {
  const { t, te, locale } = useI18n();
  return function errorMessage(error: unknown): string {
    if (isApiError(error)) {
      if (error.status === 0) return t('errors.network');
      const byCode = te(`errors.codes.${error.code}`) ? `errors.codes.${error.code}` : `workshop.errors.${error.code}`;
      if (locale.value === 'fr' && error.problem.detail) return error.problem.detail;
      const text = errorText(error.code, locale.value === 'fr' ? 'fr' : 'en');
      if (text) return text;
      // Codes not yet in the shared catalogue may still have a text in the locales.
      if (te(byCode)) return t(byCode);
      // Areas keep their own codes in their own locale section.
      if (te(`bookings.errorCodes.${error.code}`)) return t(`bookings.errorCodes.${error.code}`);
      if (error.problem.detail) return error.problem.detail;
      const byStatus = `errors.status.${error.status}`;
      return te(byStatus) ? t(byStatus) : t('errors.generic');
    }
    if (error instanceof Error && error.message) return `${t('errors.generic')} (${error.message})`;
    return t('errors.generic');
  };
}
