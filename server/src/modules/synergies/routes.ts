import {
  BulkValidate,
  Exchange,
  HandOver,
  IdParams,
  ImpactTotals,
  MarketplaceRequest,
  Synergy,
  SynergyAnswer,
  SynergyCreate,
  SynergyDetail,
  SynergyListQuery,
  SynergyMessageBody,
  SynergyMove,
  page,
  problems,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { ImpactService } from './impacts';
import type { MarketplaceService } from './marketplace';
import type { SynergyService } from './service';
import { IDEMPOTENT } from '../../http/idempotency';

const tags = ['synergies'];

export const synergyRoutes: FastifyPluginAsyncZod<{
  synergies: SynergyService;
  marketplace: MarketplaceService;
  impacts: ImpactService;
}> = async (app, { synergies, marketplace, impacts }) => {
  app.get('/synergies', {
    schema: {
      tags,
      summary: 'Synergies you may see, best score first',
      querystring: SynergyListQuery,
      response: { 200: page(Synergy), ...problems(400, 401, 403) },
    },
    handler: async (request) => synergies.list(requireUser(request), request.query),
  });

  app.post('/synergies', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Record a synergy by hand (facilitator)',
      body: SynergyCreate,
      response: { 201: SynergyDetail, ...problems(400, 401, 403, 404, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await synergies.create(requireUser(request), request.body)),
  });

  app.get('/synergies/:id', {
    schema: {
      tags,
      summary: 'A synergy with both sides, reasons, history and messages',
      params: IdParams,
      response: { 200: SynergyDetail, ...problems(400, 401, 404) },
    },
    handler: async (request) => synergies.get(requireUser(request), request.params.id),
  });

  app.post('/synergies/:id/answer', {
    schema: {
      tags,
      summary: "Accept or decline for one's own firm",
      params: IdParams,
      body: SynergyAnswer,
      response: { 200: SynergyDetail, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => synergies.answer(requireUser(request), request.params.id, request.body.answer, request.body.reason),
  });

  app.post('/synergies/:id/status', {
    schema: {
      tags,
      summary: 'Move along the pipeline',
      params: IdParams,
      body: SynergyMove,
      response: { 200: SynergyDetail, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => synergies.move(requireUser(request), request.params.id, request.body),
  });

  app.post('/synergies/:id/messages', {
    config: IDEMPOTENT,
    schema: { tags, summary: 'Write in the thread', params: IdParams, body: SynergyMessageBody, response: { 200: SynergyDetail, ...problems(400, 401, 404) } },
    handler: async (request) => synergies.postMessage(requireUser(request), request.params.id, request.body.body),
  });

  app.post('/synergies/validate', {
    schema: {
      tags,
      summary: 'Validate proposals in bulk (facilitator)',
      body: BulkValidate,
      response: { 200: z.object({ validated: z.number().int() }), ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => synergies.validate(requireUser(request), request.body.ids),
  });

  app.post('/declarations/:id/requests', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Ask for an offer or answer a need, with a message',
      params: IdParams,
      body: MarketplaceRequest,
      response: { 201: SynergyDetail, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await marketplace.request(requireUser(request), request.params.id, request.body.message)),
  });

  app.post('/synergies/:id/reserve', {
    schema: {
      tags,
      summary: 'Reserve the offered item for the other firm (giver)',
      params: IdParams,
      response: { 200: SynergyDetail, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => marketplace.reserve(requireUser(request), request.params.id),
  });

  app.post('/synergies/:id/handover', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Record the hand-over with the real quantity (giver)',
      params: IdParams,
      body: HandOver,
      response: { 201: Exchange, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await marketplace.handOver(requireUser(request), request.params.id, request.body)),
  });

  app.get('/zones/:id/impacts', {
    schema: { tags, summary: 'Impacts of implemented synergies per year', params: IdParams, response: { 200: ImpactTotals, ...problems(400, 401, 403) } },
    handler: async (request) => impacts.totals(requireUser(request), request.params.id),
  });
};
