import { problems, ZoneSlugParams } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { ExportService } from './service';

export const exportRoutes: FastifyPluginAsyncZod<{ exports: ExportService }> = async (app, { exports }) => {
  app.get('/zones/:slug/exports/:what.:format', {
    schema: {
      tags: ['exports'],
      summary: "A zone's firms, declarations, synergies, meetings or impacts as CSV (UTF-8 with BOM, ';') or XLSX",
      params: ZoneSlugParams.extend({ what: z.enum(['firms', 'declarations', 'synergies', 'meetings', 'impacts']), format: z.enum(['csv', 'xlsx']) }),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: z.any().describe('The file'), ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const { body, fileName, type } = await exports.export(requireUser(request), request.params.slug, request.params.what, request.params.format);
      return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
    },
  });
};
