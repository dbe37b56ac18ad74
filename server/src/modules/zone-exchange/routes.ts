import { IdParams, ImportSummary, ZoneExchange, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/session';
import type { ZoneExchangeService } from './service';

const tags = ['zone-exchange'];

export const zoneExchangeRoutes: FastifyPluginAsyncZod<{ zoneExchange: ZoneExchangeService }> = async (app, { zoneExchange }) => {
  app.get('/zones/:id/export', {
    schema: { tags, summary: 'Export a zone in the zone exchange format', params: IdParams, response: { 200: ZoneExchange, ...problems(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      const doc = await zoneExchange.exportZone(requireUser(request), request.params.id);
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
    handler: async (request) => zoneExchange.importZone(requireUser(request), request.body),
  });
};
