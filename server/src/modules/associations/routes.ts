import {
  Association,
  AssociationCreate,
  AssociationListQuery,
  AssociationUpdate,
  DirectoryEntry,
  DirectoryQuery,
  IdParams,
  MAX_PHOTO_BYTES,
  MeetingEvent,
  MeetingEventCreate,
  MeetingEventSummary,
  OrganiserAdd,
  OrganiserParams,
  problems,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, payloadTooLarge } from '../../http/problem';
import { sendImage } from '../../http/send-image';
import { requireUser } from '../../http/session';
import type { MeetingEventService } from '../meetings/service';
import type { AssociationService } from './service';

const tags = ['associations'];

export const associationRoutes: FastifyPluginAsyncZod<{ associations: AssociationService; events: MeetingEventService }> = async (
  app,
  { associations, events },
) => {
  app.get('/associations', {
    schema: {
      tags,
      summary: 'Associations of the caller’s zones (and those it organises or belongs to)',
      querystring: AssociationListQuery,
      response: { 200: z.array(Association), ...problems(400, 401) },
    },
    handler: async (request) => associations.list(requireUser(request), request.query.zoneId),
  });

  app.post('/associations', {
    schema: {
      tags,
      summary: 'Create an association (zone facilitator)',
      body: AssociationCreate,
      response: { 201: Association, ...problems(400, 401, 403, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await associations.create(requireUser(request), request.body)),
  });

  app.get('/associations/:id', {
    schema: { tags, summary: 'An association with its members and organisers', params: IdParams, response: { 200: Association, ...problems(400, 401, 404) } },
    handler: async (request) => associations.get(requireUser(request), request.params.id),
  });

  app.patch('/associations/:id', {
    schema: {
      tags,
      summary: 'Edit it; memberIds, when given, replace the members (organisers, facilitators)',
      params: IdParams,
      body: AssociationUpdate,
      response: { 200: Association, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => associations.update(requireUser(request), request.params.id, request.body),
  });

  app.post('/associations/:id/organisers', {
    schema: {
      tags,
      summary: 'Make an existing account an organiser',
      params: IdParams,
      body: OrganiserAdd,
      response: { 200: Association, ...problems(400, 401, 403, 404, 422) },
    },
    handler: async (request) => associations.addOrganiser(requireUser(request), request.params.id, request.body.email),
  });

  app.delete('/associations/:id/organisers/:userId', {
    schema: { tags, summary: 'Remove an organiser', params: OrganiserParams, response: { 200: Association, ...problems(400, 401, 403, 404) } },
    handler: async (request) => associations.removeOrganiser(requireUser(request), request.params.id, request.params.userId),
  });

  app.put('/associations/:id/logo', {
    schema: {
      tags,
      summary: 'Upload the logo (multipart field "file", JPEG/PNG/WebP, 5 MB at most)',
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 200: Association, ...problems(400, 401, 403, 404, 409, 413, 415) },
    },
    handler: async (request) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw badRequest('multipart_expected', 'Envoyez le logo en multipart/form-data (champ « file »).');
      const file = await request.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
      if (!file) throw badRequest('file_missing', 'Aucun fichier reçu (champ « file »).');
      const bytes = await file.toBuffer();
      if (file.file.truncated) throw payloadTooLarge(`Une image pèse au plus ${MAX_PHOTO_BYTES / 1024 / 1024} Mo.`);
      return associations.setLogo(user, request.params.id, bytes);
    },
  });

  app.get('/associations/:id/logo', {
    schema: { tags, summary: 'The logo bytes', params: IdParams, response: { 200: z.any(), ...problems(400, 401, 404) } },
    handler: async (request, reply) => {
      const logo = await associations.logo(requireUser(request), request.params.id);
      return sendImage(reply, logo, 'private, max-age=86400');
    },
  });

  app.get('/associations/:id/directory', {
    schema: {
      tags,
      summary: 'The other member firms: activity, open offers and needs, synergies in common',
      params: IdParams,
      querystring: DirectoryQuery,
      response: { 200: z.array(DirectoryEntry), ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => associations.directory(requireUser(request), request.params.id, request.query),
  });

  app.get('/associations/:id/events', {
    schema: {
      tags,
      summary: "The association's business-meeting events, drafts included (organisers, facilitators)",
      params: IdParams,
      response: { 200: z.array(MeetingEventSummary), ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => associations.events(requireUser(request), request.params.id),
  });

  app.post('/associations/:id/events', {
    schema: {
      tags,
      summary: "A business-meeting event for the association's members (organisers)",
      params: IdParams,
      body: MeetingEventCreate,
      response: { 201: MeetingEvent, ...problems(400, 401, 403, 404, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await associations.createEvent(requireUser(request), request.params.id, request.body, events)),
  });
};
