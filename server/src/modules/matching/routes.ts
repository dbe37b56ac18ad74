import { IdParams, MatchRun, MatchRunRequest, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/session';
import type { MatchRunService } from './service';

const tags = ['synergies'];

export const matchingRoutes: FastifyPluginAsyncZod<{ matchRuns: MatchRunService }> = async (app, { matchRuns }) => {
  app.post('/matching/runs', {
    schema: {
      tags,
      summary: 'Rematch a zone (facilitator) or everything (admin) in the background',
      body: MatchRunRequest,
      response: { 202: MatchRun, ...problems(400, 401, 403) },
    },
    handler: async (request, reply) => reply.status(202).send(await matchRuns.request(requireUser(request), request.body.zoneId)),
  });

  app.get('/matching/runs/:id', {
    schema: { tags, summary: 'Progress of a rematch', params: IdParams, response: { 200: MatchRun, ...problems(400, 401, 404) } },
    handler: async (request) => matchRuns.get(requireUser(request), request.params.id),
  });
};
