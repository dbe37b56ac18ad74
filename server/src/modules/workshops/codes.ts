import crypto from 'node:crypto';

/** Letters and digits that cannot be misread aloud or on a projector (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short code for a link typed by hand (/a/XXXX-XXXX): 8 characters, ~40 bits. */
export function shortCode(): string {
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** A display token: a long random secret, only its hash is stored. */
export function displaySecret(): string {
  return crypto.randomBytes(24).toString('base64url');
}
