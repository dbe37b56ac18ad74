import { ImpactFactor, ImpactFactorUpdate, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { ImpactFactorService } from './service';

const tags = ['synergies'];

export const impactFactorRoutes: FastifyPluginAsyncZod<{ impactFactors: ImpactFactorService }> = async (app, { impactFactors }) => {
  app.get('/impact-factors', {
    schema: { tags, summary: 'Impact factors with their sources', response: { 200: z.array(ImpactFactor), ...problems(401) } },
    handler: async (request) => {
      requireUser(request);
      return impactFactors.list();
    },
  });

  app.patch('/impact-factors/:code', {
    schema: { tags, summary: 'Edit an impact factor (admin)', params: z.object({ code: z.string().max(80) }), body: ImpactFactorUpdate, response: { 200: ImpactFactor, ...problems(400, 401, 403, 404, 409) } },
    handler: async (request) => impactFactors.update(requireUser(request), request.params.code, request.body),
  });
};
