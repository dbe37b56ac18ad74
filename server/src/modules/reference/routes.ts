import { CATEGORIES, Category, WASTE_CODES, WasteCodeEntry } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const tags = ['reference'];

/** Reference data is public and changes only with a release: cacheable. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reference/categories', {
    schema: { tags, summary: 'The category taxonomy', response: { 200: z.array(Category) } },
    handler: async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send([...CATEGORIES]),
  });

  app.get('/reference/waste-codes', {
    schema: { tags, summary: 'The European List of Waste (French labels; hazardous entries flagged)', response: { 200: z.array(WasteCodeEntry) } },
    handler: async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send([...WASTE_CODES]),
  });
};
