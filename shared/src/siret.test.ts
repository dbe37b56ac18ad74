import { describe, expect, it } from 'vitest';
import { isValidSiret, normaliseSiret, withSiretCheckDigit } from './siret';

describe('SIRET', () => {
  it('accepts a real SIRET and its spaced form', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('732 829 320 00074')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length and letters', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it("applies La Poste's digit-sum rule", () => {
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('completes a prefix into a valid SIRET', () => {
    const siret = withSiretCheckDigit('1234567890123');
    expect(siret).toHaveLength(14);
    expect(isValidSiret(siret)).toBe(true);
  });

  it('normalises separators', () => {
    expect(normaliseSiret('732.829.320-00074')).toBe('73282932000074');
  });
});
