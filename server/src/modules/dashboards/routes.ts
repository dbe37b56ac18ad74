import { DashboardQuery, problems, ZoneDashboard, ZoneSlugParams } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/session';
import type { DashboardService } from './service';

export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboards: DashboardService }> = async (app, { dashboards }) => {
  app.get('/zones/:slug/dashboards', {
    schema: {
      tags: ['dashboards'],
      summary: "A zone's figures for a year: funnel, synergies by category and kind, meetings, impacts by month, firms mobilised",
      params: ZoneSlugParams,
      querystring: DashboardQuery,
      response: { 200: ZoneDashboard, ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => dashboards.dashboard(requireUser(request), request.params.slug, request.query.year),
  });
};
