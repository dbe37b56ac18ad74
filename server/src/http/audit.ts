import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isUuid } from './cursor';
import type { AuditService } from '../modules/audit/service';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Larger answers (exports, files) name no single subject: they are not read back. */
const MAX_READ_BACK = 256 * 1024;

const uuidOf = (v: unknown) => (isUuid(v) ? v : null);
const field = (o: unknown, key: string) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined);

/**
 * The audit trail: every change a logged-in person makes through the API and the API
 * accepts is recorded after the answer (who, which route, on what, in which zone), from
 * one place, so a route added later is audited too. Bodies are never stored.
 */
export const auditTrail = fp(async (app: FastifyInstance, { audit }: { audit: AuditService }) => {
  const subjects = new WeakMap<FastifyRequest, { id: string | null; zoneId: string | null }>();

  app.addHook('onSend', async (request, reply, payload) => {
    if (CHANGES.has(request.method) && reply.statusCode < 400 && request.user && typeof payload === 'string' && payload.length <= MAX_READ_BACK) {
      try {
        const answer: unknown = JSON.parse(payload);
        subjects.set(request, { id: uuidOf(field(answer, 'id')), zoneId: uuidOf(field(answer, 'zoneId')) });
      } catch {
        // Not JSON: the route and its parameters still say what changed.
      }
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!CHANGES.has(request.method) || reply.statusCode >= 400 || !request.user) return;
    // A replayed create (same Idempotency-Key) changed nothing the second time.
    if (reply.getHeader('idempotent-replayed')) return;
    const answer = subjects.get(request);
    const zoneId = answer?.zoneId ?? uuidOf(field(request.params, 'zoneId')) ?? uuidOf(field(request.body, 'zoneId')) ?? uuidOf(field(request.query, 'zoneId'));
    try {
      await audit.record({
        actorId: request.user.id,
        zoneId,
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0]!,
        entityId: uuidOf(field(request.params, 'id')) ?? answer?.id ?? null,
        status: reply.statusCode,
        requestId: request.id,
      });
    } catch (error) {
      // The change itself is done and answered: a lost journal line must not turn it into an error.
      request.log.error({ err: error }, 'audit entry not written');
    }
  });
});
