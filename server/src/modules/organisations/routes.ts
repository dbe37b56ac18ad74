import {
  IdParams,
  InviteBody,
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
  Site,
  SiteCreate,
  SiteUpdate,
  UserSummary,
  page,
  problems,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { OrganisationService } from './service';
import { IDEMPOTENT } from '../../http/idempotency';

const tags = ['organisations'];

export const organisationRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationService }> = async (app, { organisations }) => {
  app.get('/organisations', {
    schema: {
      tags,
      summary: 'Organisations of the zones you belong to',
      querystring: OrganisationListQuery,
      response: { 200: page(Organisation), ...problems(400, 401, 403) },
    },
    handler: async (request) => organisations.list(requireUser(request), request.query),
  });

  app.post('/organisations', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Add an organisation to a zone (facilitator)',
      body: OrganisationCreate,
      response: { 201: Organisation, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await organisations.create(requireUser(request), request.body)),
  });

  app.get('/organisations/:id', {
    schema: { tags, summary: 'An organisation with its sites', params: IdParams, response: { 200: Organisation, ...problems(400, 401, 404) } },
    handler: async (request) => organisations.get(requireUser(request), request.params.id),
  });

  app.patch('/organisations/:id', {
    schema: {
      tags,
      summary: 'Edit an organisation (facilitator)',
      params: IdParams,
      body: OrganisationUpdate,
      response: { 200: Organisation, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => organisations.update(requireUser(request), request.params.id, request.body),
  });

  app.post('/organisations/:id/sites', {
    schema: { tags, summary: 'Add a site', params: IdParams, body: SiteCreate, response: { 201: Site, ...problems(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await organisations.addSite(requireUser(request), request.params.id, request.body)),
  });

  app.patch('/sites/:id', {
    schema: { tags, summary: 'Edit a site', params: IdParams, body: SiteUpdate, response: { 200: Site, ...problems(400, 401, 403, 404) } },
    handler: async (request) => organisations.updateSite(requireUser(request), request.params.id, request.body),
  });

  app.delete('/sites/:id', {
    schema: { tags, summary: 'Remove a site', params: IdParams, response: { 204: z.undefined(), ...problems(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await organisations.deleteSite(requireUser(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/organisations/:id/members', {
    schema: { tags, summary: "An organisation's members", params: IdParams, response: { 200: z.array(UserSummary), ...problems(400, 401, 403, 404) } },
    handler: async (request) => organisations.members(requireUser(request), request.params.id),
  });

  app.post('/organisations/:id/invitations', {
    schema: {
      tags,
      summary: 'Invite a member by a one-time link (facilitator)',
      params: IdParams,
      body: InviteBody,
      response: { 201: z.object({ userId: z.uuid() }), ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await organisations.inviteMember(requireUser(request), request.params.id, request.body)),
  });
};
