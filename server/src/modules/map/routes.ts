import { FlowMap, MapConfig, problems, ZoneSlugParams } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/session';
import type { MapService } from './service';

export const mapRoutes: FastifyPluginAsyncZod<{ map: MapService }> = async (app, { map }) => {
  app.get('/map/config', {
    schema: { tags: ['map'], summary: 'The map tile source (a MapLibre style URL), or null for the plain background', response: { 200: MapConfig } },
    handler: async () => map.config(),
  });
  app.get('/zones/:slug/map', {
    schema: {
      tags: ['map'],
      summary: "A zone's firms and synergy flows, its outline and communes",
      params: ZoneSlugParams,
      response: { 200: FlowMap, ...problems(401, 403, 404) },
    },
    handler: async (request) => map.flows(requireUser(request), request.params.slug),
  });
};
