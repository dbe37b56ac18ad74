import { DeclarationHit, DeclarationSearchQuery, OrganisationHit, OrganisationSearchQuery, SearchResult, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { SearchService } from './service';

const tags = ['search'];

export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService }> = async (app, { search }) => {
  app.get('/search/declarations', {
    schema: {
      tags,
      summary: 'Marketplace search: typo-tolerant, French synonyms, filters, distance',
      querystring: DeclarationSearchQuery,
      response: { 200: SearchResult(DeclarationHit), ...problems(400, 401, 403) },
    },
    handler: async (request) => search.declarations(requireUser(request), request.query),
  });

  app.get('/search/organisations', {
    schema: {
      tags,
      summary: 'Search organisations',
      querystring: OrganisationSearchQuery,
      response: { 200: z.array(OrganisationHit), ...problems(400, 401, 403) },
    },
    handler: async (request) => search.organisations(requireUser(request), request.query),
  });
};
