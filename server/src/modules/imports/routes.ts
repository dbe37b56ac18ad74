import { ImportMappingBody, ImportPreview, ImportRun, ImportUpload, ImportUploadQuery, problems, ZoneImportParams, ZoneSlugParams } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../http/problem';
import { requireUser } from '../../http/session';
import type { ImportService } from './service';
import { MAX_SHEET_BYTES } from './sheet';

const tags = ['imports'];
const SHEET_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

export const importRoutes: FastifyPluginAsyncZod<{ imports: ImportService }> = async (app, { imports }) => {
  // The sheet is the request body itself: no multipart, the browser sends the File as is.
  app.addContentTypeParser(SHEET_TYPES, { parseAs: 'buffer', bodyLimit: MAX_SHEET_BYTES }, (_request, body, done) => done(null, body));

  app.post('/zones/:slug/imports', {
    bodyLimit: MAX_SHEET_BYTES,
    schema: {
      tags,
      summary: 'Upload a CSV or XLSX sheet of firms or declarations (the body is the file); answers its columns and a suggested mapping',
      consumes: SHEET_TYPES,
      params: ZoneSlugParams,
      querystring: ImportUploadQuery,
      response: { 201: ImportUpload, ...problems(400, 401, 403, 404, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw badRequest('file_expected', 'Envoyez le fichier CSV ou XLSX comme corps de la requête.');
      const upload = await imports.upload(requireUser(request), request.params.slug, request.query.fileName, request.query.kind, request.body);
      return reply.status(201).send(upload);
    },
  });

  app.get('/zones/:slug/imports', {
    schema: { tags, summary: "The zone's latest imports", params: ZoneSlugParams, response: { 200: z.array(ImportRun), ...problems(401, 403, 404) } },
    handler: async (request) => imports.list(requireUser(request), request.params.slug),
  });

  app.get('/zones/:slug/imports/:id', {
    schema: { tags, summary: 'An import and its progress', params: ZoneImportParams, response: { 200: ImportRun, ...problems(401, 403, 404) } },
    handler: async (request) => imports.get(requireUser(request), request.params.slug, request.params.id),
  });

  app.post('/zones/:slug/imports/:id/preview', {
    schema: {
      tags,
      summary: "Each row's fate with this mapping (new, updated, unchanged or error with its cell); nothing is written",
      params: ZoneImportParams,
      body: ImportMappingBody,
      response: { 200: ImportPreview, ...problems(400, 401, 403, 404, 422) },
    },
    handler: async (request) => imports.preview(requireUser(request), request.params.slug, request.params.id, request.body),
  });

  app.post('/zones/:slug/imports/:id/start', {
    schema: {
      tags,
      summary: 'Runs the import in the background, in one transaction (all rows or none); follow it with GET',
      params: ZoneImportParams,
      body: ImportMappingBody,
      response: { 202: ImportRun, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => reply.status(202).send(await imports.start(requireUser(request), request.params.slug, request.params.id, request.body)),
  });
};
