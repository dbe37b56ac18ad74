import { Exchange, IdParams, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/session';
import type { ExchangeService } from './service';

const tags = ['synergies'];

export const exchangeRoutes: FastifyPluginAsyncZod<{ exchanges: ExchangeService }> = async (app, { exchanges }) => {
  app.get('/exchanges/:id', {
    schema: { tags, summary: 'An exchange record (printable)', params: IdParams, response: { 200: Exchange, ...problems(400, 401, 404) } },
    handler: async (request) => exchanges.get(requireUser(request), request.params.id),
  });
};
