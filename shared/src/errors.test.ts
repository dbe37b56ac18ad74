import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorText } from './errors';

describe('error catalogue', () => {
  it('has a French and an English text for every code', () => {
    for (const [code, text] of Object.entries(ERROR_CODES)) {
      expect(text.fr.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
      expect(text.en, code).not.toBe(text.fr);
    }
  });

  it('gives the text in the asked language, nothing for an unknown code', () => {
    expect(errorText('version_conflict', 'en')).toMatch(/changed in the meantime/);
    expect(errorText('version_conflict', 'fr')).toMatch(/modifiée entre-temps/);
    expect(errorText('no_such_code', 'en')).toBeUndefined();
  });
});
