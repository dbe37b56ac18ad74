import { isServiceDown } from '../infra/service-down';
import type { ErrorCode } from '@synergies/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '@synergies/shared';
import { HttpProblem } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The shared contract, so that the OpenAPI document and the web client read what is sent. */
type ProblemBody = Problem;

/** `code` comes from the shared catalogue (shared/src/errors.ts), which holds its French and English texts. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: Omit<ProblemBody, 'type' | 'title' | 'code'> & { code: ErrorCode }) {
  const body: ProblemBody = {
    type: `https://synergies.local/problems/${p.code}`,
    title: TITLES[p.status] ?? 'Error',
    instance: request.url,
    ...p,
  };
  return reply.status(p.status).type('application/problem+json').send(body);
}

/** drizzle wraps the driver's error: the SQLSTATE is on its cause. */
function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Maps what can go wrong to one problem+json shape; 5xx details stay in the log. */
function toProblem(error: FastifyError & { code?: string }): (Omit<ProblemBody, 'type' | 'title' | 'code'> & { code: ErrorCode }) | null {
  if (error instanceof HttpProblem) {
    return {
      status: error.status,
      code: error.code,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...(error.existingId ? { existingId: error.existingId } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    // An id in the URL that cannot exist names nothing: to the reader it is a page not found.
    if (where === 'params') return { status: 404, code: 'not_found', detail: 'Introuvable : cette adresse ne correspond à rien.' };
    return {
      status: 400,
      code: 'validation_failed',
      detail: 'La requête contient des champs invalides.',
      errors: error.validation.map((v) => ({
        path: [
          where,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: v.message ?? 'invalide',
        code: String(v.params?.issue && typeof v.params.issue === 'object' && 'code' in v.params.issue ? v.params.issue.code : v.keyword),
      })),
    };
  }
  if (isServiceDown(error)) {
    return { status: 503, code: 'service_unavailable', detail: 'Service momentanément indisponible : réessayez dans un instant.' };
  }
  const state = sqlState(error);
  switch (state ?? error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', detail: "Le corps de la requête n'est pas un JSON valide." };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, code: 'payload_too_large', detail: 'Le contenu envoyé est trop volumineux.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', detail: "Ce type de contenu n'est pas accepté." };
    case '23505':
      return { status: 409, code: 'already_exists', detail: 'Cet élément existe déjà.' };
    case '23503':
      return { status: 422, code: 'invalid_reference', detail: 'Une référence pointe vers un élément inexistant.' };
    case '40001':
    case '40P01':
      return { status: 409, code: 'concurrent_update', detail: 'Une autre modification a eu lieu en même temps : réessayez.' };
  }
  // Class 22, data exceptions (bad date, number out of range, NUL byte, bad cursor key): the input's fault.
  if (state?.startsWith('22')) return { status: 400, code: 'invalid_value', detail: 'Une valeur a un format invalide.' };
  if (error.statusCode === 429) return { status: 429, code: 'rate_limited', detail: 'Trop de tentatives : réessayez plus tard.' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, code: 'bad_request', detail: error.message };
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem?.status === 503) {
      request.log.warn({ err: error }, 'a service is unavailable');
      reply.header('retry-after', '5');
    }
    if (problem) return sendProblem(reply, request, problem);
    if (isResponseSerializationError(error)) request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, { status: 500, code: 'internal_error', detail: 'Une erreur interne est survenue.' });
  });
}
