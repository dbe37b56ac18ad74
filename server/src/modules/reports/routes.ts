import { problems, ZoneSlugParams } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { ReportService } from './service';

export const reportRoutes: FastifyPluginAsyncZod<{ reports: ReportService }> = async (app, { reports }) => {
  app.get('/zones/:slug/reports/:year.pdf', {
    schema: {
      tags: ['reports'],
      summary: "A zone's annual activity report for its funders (PDF, in French)",
      params: ZoneSlugParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
      produces: ['application/pdf'],
      response: { 200: z.any().describe('The PDF'), ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const { pdf, fileName } = await reports.activityReport(requireUser(request), request.params.slug, request.params.year);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  });
};
