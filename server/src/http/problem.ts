import type { ErrorCode } from '@synergies/shared';

/**
 * Domain and HTTP errors carry a status and a stable code from the shared catalogue
 * (shared/src/errors.ts, both languages); the one error handler renders them as
 * application/problem+json.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: { path: string; message: string; code?: string }[],
    /** A 409 about a duplicate names what is already there (RFC 9457 extension member). */
    readonly existingId?: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: ErrorCode, message: string, errors?: HttpProblem['errors']) => new HttpProblem(400, code, message, errors);
export const unauthorized = (message = 'Connexion requise') => new HttpProblem(401, 'unauthenticated', message);
export const forbidden = (message = "Vous n'avez pas le droit de faire cela") => new HttpProblem(403, 'forbidden', message);
export const notFound = (what: string) => new HttpProblem(404, 'not_found', `${what} introuvable`);
export const conflict = (code: ErrorCode, message: string, existingId?: string) => new HttpProblem(409, code, message, undefined, existingId);
export const gone = (code: ErrorCode, message: string) => new HttpProblem(410, code, message);
export const payloadTooLarge = (message: string) => new HttpProblem(413, 'payload_too_large', message);
export const unsupportedMediaType = (message: string) => new HttpProblem(415, 'unsupported_media_type', message);
export const unprocessable = (code: ErrorCode, message: string, errors?: HttpProblem['errors']) => new HttpProblem(422, code, message, errors);

export const versionConflict = () => conflict('version_conflict', "La fiche a été modifiée entre-temps : rechargez-la avant d'enregistrer.");
