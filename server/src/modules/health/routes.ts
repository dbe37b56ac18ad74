import crypto from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { pingDatabase } from '../../infra/db';
import { metricsText, platformRegistry } from '../../infra/metrics';

const tags = ['health'];
const PROBE_TIMEOUT_MS = 2000;

const Health = z.object({
  status: z.enum(['ok', 'degraded', 'down']).describe('degraded: search is unavailable, the rest works'),
  database: z.boolean(),
  search: z.boolean(),
});

/** A probe answers within PROBE_TIMEOUT_MS whatever the service does. */
async function probe(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
  try {
    return await Promise.race([
      check().then(
        (v) => v !== false,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Lifecycle {
  /** Set when shutdown starts: readiness fails so that load balancers stop sending requests. */
  draining: boolean;
}

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; lifecycle: Lifecycle }> = async (app, { ctx, lifecycle }) => {
  const services = async () => {
    const [database, search] = await Promise.all([probe(() => pingDatabase(ctx.db)), probe(() => ctx.search.client.isHealthy())]);
    return { database, search };
  };

  app.get('/health', {
    schema: { tags, summary: 'State of the API and its services', response: { 200: Health, 503: Health } },
    handler: async (_request, reply) => {
      const { database, search } = await services();
      const status = !database ? 'down' : search ? 'ok' : 'degraded';
      return reply.status(database ? 200 : 503).send({ status, database, search });
    },
  });

  app.get('/health/live', {
    schema: { tags, summary: 'Liveness: the process answers (no service is probed)', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/health/ready', {
    schema: {
      tags,
      summary: 'Readiness: the database answers and the instance is not shutting down',
      response: { 200: Health.extend({ draining: z.boolean() }), 503: Health.extend({ draining: z.boolean() }) },
    },
    handler: async (_request, reply) => {
      const { database, search } = await services();
      const ready = database && !lifecycle.draining;
      return reply.status(ready ? 200 : 503).send({ status: !database ? 'down' : search ? 'ok' : 'degraded', database, search, draining: lifecycle.draining });
    },
  });

  const perPlatform = platformRegistry(ctx, app.realtime);
  const token = ctx.config.METRICS_TOKEN;
  app.get('/metrics', {
    schema: { tags, summary: 'Prometheus metrics (bearer METRICS_TOKEN, or from the loopback address without it)', hide: true },
    handler: async (request, reply) => {
      const given = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      const allowed = token ? given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token)) : isLoopback(request.ip);
      if (!allowed) return reply.status(404).type('text/plain').send('Not Found');
      const { contentType, body } = await metricsText(perPlatform);
      return reply.type(contentType).send(body);
    },
  });
};

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
