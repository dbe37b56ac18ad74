import { Declaration, DeclarationCreate, DeclarationListQuery, DeclarationUpdate, IdParams, MAX_PHOTO_BYTES, Photo, page, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, payloadTooLarge } from '../../http/problem';
import { sendImage } from '../../http/send-image';
import { requireUser } from '../../http/session';
import type { DeclarationService } from './service';
import { IDEMPOTENT } from '../../http/idempotency';

const tags = ['declarations'];

export const declarationRoutes: FastifyPluginAsyncZod<{ declarations: DeclarationService }> = async (app, { declarations }) => {
  app.get('/declarations', {
    schema: {
      tags,
      summary: 'Declarations you may see, newest first',
      querystring: DeclarationListQuery,
      response: { 200: page(Declaration), ...problems(400, 401) },
    },
    handler: async (request) => declarations.list(requireUser(request), request.query),
  });

  app.post('/declarations', {
    config: IDEMPOTENT,
    schema: { tags, summary: 'Declare an offer or a need', body: DeclarationCreate, response: { 201: Declaration, ...problems(400, 401, 403, 404, 422) } },
    handler: async (request, reply) => reply.status(201).send(await declarations.create(requireUser(request), request.body)),
  });

  app.get('/declarations/:id', {
    schema: { tags, summary: 'One declaration', params: IdParams, response: { 200: Declaration, ...problems(400, 401, 404) } },
    handler: async (request) => declarations.get(requireUser(request), request.params.id),
  });

  app.patch('/declarations/:id', {
    schema: {
      tags,
      summary: 'Edit, reserve or close a declaration (send the version you read)',
      params: IdParams,
      body: DeclarationUpdate,
      response: { 200: Declaration, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => declarations.update(requireUser(request), request.params.id, request.body),
  });

  app.post('/declarations/:id/photos', {
    schema: {
      tags,
      summary: 'Add a photo (multipart field "file", JPEG/PNG/WebP, 5 MB at most)',
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: Photo, ...problems(400, 401, 403, 404, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw badRequest('multipart_expected', 'Envoyez la photo en multipart/form-data (champ « file »).');
      const file = await request.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
      if (!file) throw badRequest('file_missing', 'Aucun fichier reçu (champ « file »).');
      const bytes = await file.toBuffer();
      if (file.file.truncated) throw payloadTooLarge(`Une photo pèse au plus ${MAX_PHOTO_BYTES / 1024 / 1024} Mo.`);
      return reply.status(201).send(await declarations.addPhoto(user, request.params.id, bytes));
    },
  });

  app.delete('/declarations/:id/photos/:photoId', {
    schema: {
      tags,
      summary: 'Remove a photo',
      params: z.object({ id: z.uuid(), photoId: z.uuid() }),
      response: { 204: z.undefined(), ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      await declarations.deletePhoto(requireUser(request), request.params.id, request.params.photoId);
      return reply.status(204).send();
    },
  });

  app.get('/photos/:id', {
    schema: { tags, summary: 'Photo bytes', params: IdParams, response: { 200: z.any(), ...problems(400, 401, 404) } },
    handler: async (request, reply) => {
      const photo = await declarations.photo(requireUser(request), request.params.id);
      return sendImage(reply, photo, 'private, max-age=86400, immutable');
    },
  });
};
