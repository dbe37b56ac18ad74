import { IdParams, InviteBody, UserSummary, Zone, ZoneCreate, ZoneUpdate, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { ZoneService } from './service';
import { IDEMPOTENT } from '../../http/idempotency';

const tags = ['zones'];

export const zoneRoutes: FastifyPluginAsyncZod<{ zones: ZoneService }> = async (app, { zones }) => {
  app.get('/zones', {
    schema: { tags, summary: 'All zones', response: { 200: z.array(Zone), ...problems(401) } },
    handler: async (request) => {
      requireUser(request);
      return zones.list();
    },
  });

  app.post('/zones', {
    config: IDEMPOTENT,
    schema: { tags, summary: 'Create a zone (admin)', body: ZoneCreate, response: { 201: Zone, ...problems(400, 401, 403, 409) } },
    handler: async (request, reply) => reply.status(201).send(await zones.create(requireUser(request), request.body)),
  });

  app.get('/zones/:id', {
    schema: { tags, summary: 'One zone', params: IdParams, response: { 200: Zone, ...problems(400, 401, 404) } },
    handler: async (request) => {
      requireUser(request);
      return zones.get(request.params.id);
    },
  });

  app.patch('/zones/:id', {
    schema: { tags, summary: 'Edit a zone', params: IdParams, body: ZoneUpdate, response: { 200: Zone, ...problems(400, 401, 403, 404, 409) } },
    handler: async (request) => zones.update(requireUser(request), request.params.id, request.body),
  });

  app.get('/zones/:id/facilitators', {
    schema: { tags, summary: "A zone's facilitators", params: IdParams, response: { 200: z.array(UserSummary), ...problems(401, 403, 404) } },
    handler: async (request) => zones.facilitators(requireUser(request), request.params.id),
  });

  app.post('/zones/:id/facilitators', {
    schema: {
      tags,
      summary: 'Invite a facilitator (admin)',
      params: IdParams,
      body: InviteBody,
      response: { 201: z.object({ userId: z.uuid() }), ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await zones.inviteFacilitator(requireUser(request), request.params.id, request.body)),
  });
};
