import { AuditEntry, AuditQuery, page, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/session';
import type { AuditService } from './service';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get('/audit', {
    schema: {
      tags,
      summary: "A zone's journal of changes (who changed what, newest first): its facilitators and admins",
      querystring: AuditQuery,
      response: { 200: page(AuditEntry), ...problems(400, 401, 403) },
    },
    handler: async (request) => audit.zoneJournal(requireUser(request), request.query),
  });
};
