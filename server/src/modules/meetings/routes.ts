import {
  IdParams,
  MeetingEvent,
  MeetingEventCreate,
  MeetingEventListQuery,
  MeetingEventStatusChange,
  ZoneMeetingEvent,
  MeetingEventUpdate,
  MeetingRequest,
  MeetingRequestCreate,
  MeetingRequestParams,
  MeetingRequestUpdate,
  WithdrawQuery,
  problems,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { MeetingServices } from './services';
import { scheduleRoutes } from './schedule-routes';
import { IDEMPOTENT } from '../../http/idempotency';

const tags = ['meetings'];

/** Business-meeting events: setup and requests here, scheduling and outputs in schedule-routes. */
export const meetingRoutes: FastifyPluginAsyncZod<MeetingServices> = async (app, services) => {
  const { events, requests } = services;

  app.get('/meeting-events', {
    schema: {
      tags,
      summary: "A zone's meeting events (drafts for facilitators only)",
      querystring: MeetingEventListQuery,
      response: { 200: z.array(ZoneMeetingEvent), ...problems(400, 401, 403) },
    },
    handler: async (request) => events.list(requireUser(request), request.query.zoneId, request.query.year),
  });

  app.post('/meeting-events', {
    schema: {
      tags,
      summary: 'Create a meeting event (facilitator)',
      body: MeetingEventCreate,
      response: { 201: MeetingEvent, ...problems(400, 401, 403, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await events.create(requireUser(request), request.body)),
  });

  app.get('/meeting-events/:id', {
    schema: {
      tags,
      summary: 'A meeting event with its slots, tables and participants',
      params: IdParams,
      response: { 200: MeetingEvent, ...problems(400, 401, 404) },
    },
    handler: async (request) => events.get(requireUser(request), request.params.id),
  });

  app.patch('/meeting-events/:id', {
    schema: {
      tags,
      summary: 'Edit the setup; participants, when given, replace the list (facilitator)',
      params: IdParams,
      body: MeetingEventUpdate,
      response: { 200: MeetingEvent, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => events.update(requireUser(request), request.params.id, request.body),
  });

  app.post('/meeting-events/:id/status', {
    schema: {
      tags,
      summary: 'Open requests to members, or go back to the draft (facilitator)',
      params: IdParams,
      body: MeetingEventStatusChange,
      response: { 200: MeetingEvent, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => events.setStatus(requireUser(request), request.params.id, request.body),
  });

  app.get('/meeting-events/:id/requests', {
    schema: {
      tags,
      summary: 'Meeting requests (members: their firm’s)',
      params: IdParams,
      response: { 200: z.array(MeetingRequest), ...problems(400, 401, 404) },
    },
    handler: async (request) => requests.list(requireUser(request), request.params.id),
  });

  app.post('/meeting-events/:id/requests', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Ask for a meeting; 200 when the other firm had asked already (the request becomes mutual)',
      params: IdParams,
      body: MeetingRequestCreate,
      response: { 200: MeetingRequest, 201: MeetingRequest, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const { request: created, created: isNew } = await requests.create(requireUser(request), request.params.id, request.body);
      return reply.status(isNew ? 201 : 200).send(created);
    },
  });

  app.patch('/meeting-events/:id/requests/:requestId', {
    schema: {
      tags,
      summary: 'Change a priority, synergies, session or fixed slot',
      params: MeetingRequestParams,
      body: MeetingRequestUpdate,
      response: { 200: MeetingRequest, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => requests.update(requireUser(request), request.params.id, request.params.requestId, request.body),
  });

  app.delete('/meeting-events/:id/requests/:requestId', {
    schema: {
      tags,
      summary: "Withdraw a firm's side of a request (facilitators without organisationId: the whole request)",
      params: MeetingRequestParams,
      querystring: WithdrawQuery,
      response: { 204: z.undefined(), ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      await requests.withdraw(requireUser(request), request.params.id, request.params.requestId, request.query.organisationId);
      return reply.status(204).send();
    },
  });

  await app.register(scheduleRoutes, services);
};
