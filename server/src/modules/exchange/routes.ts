import { IdParams, ImportSummary, ZoneExchange, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/session';
import type { ExchangeService } from './service';

const tags = ['exchange'];

export const exchangeRoutes: FastifyPluginAsyncZod<{ exchange: ExchangeService }> = async (app, { exchange }) => {
  app.get('/zones/:id/export', {
    schema: { tags, summary: 'Export a zone in the zone exchange format', params: IdParams, response: { 200: ZoneExchange, ...problems(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      const doc = await exchange.exportZone(requireUser(request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="zone-${doc.zone.slug}.json"`).send(doc);
    },
  });

  app.post('/zones/import', {
    bodyLimit: 100 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Import a zone document (idempotent: organisations by SIRET, the rest by id)',
      body: ZoneExchange,
      response: { 200: ImportSummary, ...problems(400, 401, 403, 409, 413, 422) },
    },
    handler: async (request) => exchange.importZone(requireUser(request), request.body),
  });
};
