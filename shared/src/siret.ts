/**
 * SIRET: 14 digits (9-digit SIREN + 5-digit establishment number), checked with Luhn.
 * La Poste's establishments (SIREN 356000000) are the one documented exception: their
 * SIRETs are valid when the digit sum is a multiple of 5.
 */
const LA_POSTE_SIREN = '356000000';

export function normaliseSiret(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiret(input: string): boolean {
  const siret = normaliseSiret(input);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    const digitSum = [...siret].reduce((s, c) => s + Number(c), 0);
    return digitSum % 5 === 0;
  }
  return luhnValid(siret);
}

/** Completes a 13-digit prefix with the Luhn check digit (used to make demo and test data). */
export function withSiretCheckDigit(prefix13: string): string {
  if (!/^\d{13}$/.test(prefix13)) throw new Error('expected 13 digits');
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(prefix13 + d)) return prefix13 + d;
  }
  throw new Error('unreachable: one Luhn digit always exists');
}
