import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type postgres from 'postgres';
import { badRequest, conflict, unprocessable } from './problem';
import { claimKey, completeKey, findKey, releaseKey } from './idempotency-repository';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route accepts an Idempotency-Key header: a repeat returns the first response. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Route config of a create that accepts an Idempotency-Key. */
export const IDEMPOTENT = { idempotent: true } as const;

/**
 * Create routes opt in with `config: { idempotent: true }`. A client on a weak connection sends
 * each action with a key of its own; when the first attempt went through but its answer was
 * lost, the retry gets that first answer (status and body, header `idempotent-replayed: true`)
 * and nothing is created twice. Keys belong to the signed-in user and live a day.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { sql: postgres.Sql }) => {
  const { sql } = opts;
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || !request.user) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw badRequest('invalid_idempotency_key', "La clé d'idempotence doit compter de 8 à 128 caractères (lettres, chiffres, - _ . :).", [
        { path: 'headers.idempotency-key', message: 'Clé invalide' },
      ]);
    }
    const userId = request.user.id;
    const route = `${request.method} ${request.url.split('?')[0]}`;
    if (await claimKey(sql, userId, key, route)) {
      request.idempotency = { userId, key };
      return;
    }
    const first = await findKey(sql, userId, key);
    if (first && first.route !== route) throw unprocessable('idempotency_key_reused', "Cette clé d'idempotence a déjà servi pour une autre requête.");
    if (!first || first.status === null) throw conflict('idempotency_in_progress', 'Cette action est déjà en cours de traitement : réessayez dans un instant.');
    reply.header('idempotent-replayed', 'true');
    if (first.status >= 400) reply.type('application/problem+json');
    return reply.status(first.status).send(first.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 500) {
      await releaseKey(sql, claim.userId, claim.key);
      return payload;
    }
    let body: unknown = null;
    if (typeof payload === 'string' && payload.length > 0) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
    }
    await completeKey(sql, claim.userId, claim.key, reply.statusCode, body);
    return payload;
  });

  // The client went away before an answer was sent: nothing stored, a retry runs again.
  app.addHook('onResponse', async (request) => {
    const claim = request.idempotency;
    if (claim) await releaseKey(sql, claim.userId, claim.key);
  });
});
