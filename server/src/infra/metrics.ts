import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context';

/** Process-wide Prometheus registry; meters of one platform (database, hub) are in `platformRegistry`. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'synergies_' });

export const httpRequestDuration = new Histogram({
  name: 'synergies_http_request_duration_seconds',
  help: 'HTTP request latency by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
  registers: [metricsRegistry],
});

/** Meters read at scrape time from the database and the realtime hub: one set per platform (tests run several). */
export function platformRegistry(ctx: AppContext, hub: { connectionCount: number }): Registry {
  const registry = new Registry();
  const sql = ctx.db.$client;
  new Gauge({
    name: 'synergies_websocket_connections',
    help: 'Open WebSocket connections on this instance',
    registers: [registry],
    collect() {
      this.set(hub.connectionCount);
    },
  });
  new Gauge({
    name: 'synergies_job_queue_depth',
    help: 'Jobs waiting (created or to retry) per queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await sql<{ name: string; n: number }[]>`
        select name, count(*)::int as n from pgboss.job where state in ('created', 'retry') group by name`.catch(() => []);
      for (const r of rows) this.set({ queue: r.name }, r.n);
    },
  });
  new Gauge({
    name: 'synergies_search_outbox_rows',
    help: 'Changes not yet applied to the search index',
    registers: [registry],
    async collect() {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from search_outbox`.catch(() => [{ n: -1 }]);
      this.set(row!.n);
    },
  });
  new Gauge({
    name: 'synergies_search_outbox_lag_seconds',
    help: 'Age of the oldest change not yet applied to the search index',
    registers: [registry],
    async collect() {
      const [row] = await sql<{ s: number | null }[]>`
        select extract(epoch from now() - min(created_at))::float8 as s from search_outbox`.catch(() => [{ s: null }]);
      this.set(row!.s ?? 0);
    },
  });
  return registry;
}

/** Times every request; the route pattern, not the URL, keeps the label set small. */
export const requestMetrics = fp(async (app: FastifyInstance) => {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'not_found';
    httpRequestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
});

export async function metricsText(perPlatform: Registry): Promise<{ contentType: string; body: string }> {
  const merged = Registry.merge([metricsRegistry, perPlatform]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
