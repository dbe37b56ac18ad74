import {
  Attendance,
  Card,
  CardCreate,
  CheckIn,
  DayOfChangeResult,
  DisplayToken,
  DisplayTokenCreate,
  DisplayTokenParams,
  FirmDemand,
  IdParams,
  JoinCodeParams,
  JoinInfo,
  JoinRequest,
  JoinResult,
  Lead,
  LeadEdit,
  LeadMerge,
  LeadParams,
  LeadValidate,
  MeetingEvent,
  PublishBody,
  QrQuery,
  RoomView,
  Workshop,
  WorkshopCreate,
  WorkshopInvite,
  WorkshopListQuery,
  WorkshopPhaseChange,
  WorkshopSummary,
  WorkshopSummaryItem,
  WorkshopTimer,
  WorkshopUpdate,
  problems,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser, setSessionCookie } from '../../http/session';
import type { WorkshopDayService } from './day';
import type { LiveService } from './live';
import type { WorkshopService } from './service';
import { IDEMPOTENT } from '../../http/idempotency';

const tags = ['workshops'];
const DisplayQuery = z.object({ token: z.string().max(200).optional() });

export interface WorkshopServices {
  workshops: WorkshopService;
  live: LiveService;
  day: WorkshopDayService;
}

/** Live workshops: set-up and phases, cards and the board, the schedule and the day, the room screen. */
export const workshopRoutes: FastifyPluginAsyncZod<WorkshopServices & { secureCookies: boolean }> = async (app, { workshops, live, day, secureCookies }) => {
  app.get('/workshops', {
    schema: {
      tags,
      summary: 'Workshops you run (facilitators) or your firm is invited to',
      querystring: WorkshopListQuery,
      response: { 200: z.array(WorkshopSummaryItem), ...problems(400, 401, 403) },
    },
    handler: async (request) => workshops.list(requireUser(request), request.query.zoneId),
  });

  app.post('/workshops', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Create a workshop in a zone (facilitator); Idempotency-Key accepted',
      body: WorkshopCreate,
      response: { 201: Workshop, ...problems(400, 401, 403, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await workshops.create(requireUser(request), request.body)),
  });

  app.get('/workshops/:id', {
    schema: {
      tags,
      summary: 'A workshop with its phase, timer, live counts and firms',
      params: IdParams,
      response: { 200: Workshop, ...problems(400, 401, 404) },
    },
    handler: async (request) => workshops.get(requireUser(request), request.params.id),
  });

  app.patch('/workshops/:id', {
    schema: {
      tags,
      summary: 'Edit the set-up or link an event (facilitator)',
      params: IdParams,
      body: WorkshopUpdate,
      response: { 200: Workshop, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => workshops.update(requireUser(request), request.params.id, request.body),
  });

  app.post('/workshops/:id/firms', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Invite firms of the zone (facilitator)',
      params: IdParams,
      body: WorkshopInvite,
      response: { 200: Workshop, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => workshops.invite(requireUser(request), request.params.id, request.body.organisationIds),
  });

  app.post('/workshops/:id/firms/:organisationId/join-code', {
    schema: {
      tags,
      summary: "Renew a firm's join code (facilitator)",
      params: IdParams.extend({ organisationId: z.uuid() }),
      response: { 200: Workshop, ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => workshops.renewJoinCode(requireUser(request), request.params.id, request.params.organisationId),
  });

  app.post('/workshops/:id/phase', {
    schema: {
      tags,
      summary: 'Move to a phase, announced to the room (facilitator)',
      params: IdParams,
      body: WorkshopPhaseChange,
      response: { 200: Workshop, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => workshops.setPhase(requireUser(request), request.params.id, request.body.phase, request.body.version),
  });

  app.post('/workshops/:id/timer', {
    schema: {
      tags,
      summary: 'Start or stop the countdown (facilitator)',
      params: IdParams,
      body: WorkshopTimer,
      response: { 200: Workshop, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => workshops.setTimer(requireUser(request), request.params.id, request.body),
  });

  app.get('/workshops/:id/cards', {
    schema: { tags, summary: 'Cards (participants: their firm’s)', params: IdParams, response: { 200: z.array(Card), ...problems(400, 401, 404) } },
    handler: async (request) => live.cards(requireUser(request), request.params.id),
  });

  app.post('/workshops/:id/cards', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'A "we have / we need" card; becomes a declaration. Idempotency-Key accepted',
      params: IdParams,
      body: CardCreate,
      response: { 201: Card, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await live.addCard(requireUser(request), request.params.id, request.body)),
  });

  app.get('/workshops/:id/leads', {
    schema: { tags, summary: 'The board: leads between the workshop’s firms', params: IdParams, response: { 200: z.array(Lead), ...problems(400, 401, 404) } },
    handler: async (request) => live.leads(requireUser(request), request.params.id),
  });

  app.patch('/workshops/:id/leads/:leadId', {
    schema: {
      tags,
      summary: 'Edit a lead (facilitator); a stale version gets 409',
      params: LeadParams,
      body: LeadEdit,
      response: { 200: Lead, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => live.editLead(requireUser(request), request.params.id, request.params.leadId, request.body),
  });

  app.post('/workshops/:id/leads/:leadId/validate', {
    schema: {
      tags,
      summary: 'Validate a lead (facilitator)',
      params: LeadParams,
      body: LeadValidate,
      response: { 200: Lead, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => live.validateLead(requireUser(request), request.params.id, request.params.leadId, request.body.version),
  });

  app.post('/workshops/:id/leads/:leadId/merge', {
    schema: {
      tags,
      summary: 'Merge a duplicate lead into another (facilitator)',
      params: LeadParams,
      body: LeadMerge,
      response: { 200: Lead, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => live.mergeLead(requireUser(request), request.params.id, request.params.leadId, request.body),
  });

  app.get('/workshops/:id/demand', {
    schema: {
      tags,
      summary: 'Meeting demand per firm (facilitator)',
      params: IdParams,
      response: { 200: z.array(FirmDemand), ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => live.demand(requireUser(request), request.params.id),
  });

  app.post('/workshops/:id/publish', {
    schema: {
      tags,
      summary: 'Publish the schedule: agendas by email (ICS) and on every phone (facilitator)',
      params: IdParams,
      body: PublishBody,
      response: { 200: MeetingEvent, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => day.publish(requireUser(request), request.params.id, request.body.version),
  });

  app.post('/workshops/:id/attendance', {
    schema: {
      tags,
      summary: 'A no-show or late arrival: the remaining rounds are repaired (facilitator)',
      params: IdParams,
      body: Attendance,
      response: { 200: DayOfChangeResult, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => day.attendance(requireUser(request), request.params.id, request.body),
  });

  app.post('/workshops/:id/check-ins', {
    schema: {
      tags,
      summary: 'Check in (participants: the entrance code; facilitators: a firm)',
      params: IdParams,
      body: CheckIn,
      response: { 200: z.object({ checkedIn: z.boolean() }), ...problems(400, 401, 404, 422) },
    },
    handler: async (request) => day.checkIn(requireUser(request), request.params.id, request.body),
  });

  app.get('/workshops/:id/display-tokens', {
    schema: { tags, summary: 'Room-screen tokens (facilitator)', params: IdParams, response: { 200: z.array(DisplayToken), ...problems(400, 401, 403, 404) } },
    handler: async (request) => day.displayTokens(requireUser(request), request.params.id),
  });

  app.post('/workshops/:id/display-tokens', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'A display-only token for the room screen (facilitator)',
      params: IdParams,
      body: DisplayTokenCreate,
      response: { 201: DisplayToken, ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => reply.status(201).send(await day.createDisplayToken(requireUser(request), request.params.id, request.body.label)),
  });

  app.delete('/workshops/:id/display-tokens/:tokenId', {
    schema: {
      tags,
      summary: 'Revoke a room-screen token (facilitator)',
      params: DisplayTokenParams,
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      await day.revokeDisplayToken(requireUser(request), request.params.id, request.params.tokenId);
      return reply.status(204).send(null);
    },
  });

  app.get('/workshops/:id/room', {
    schema: {
      tags,
      summary: 'The room screen: phase, counts, countdown, current and next round (display token or session)',
      params: IdParams,
      querystring: DisplayQuery,
      security: [],
      response: { 200: RoomView, ...problems(400, 403, 404) },
    },
    handler: async (request) => day.room(request.user, request.params.id, request.query.token),
  });

  app.get('/workshops/:id/qr', {
    schema: {
      tags,
      summary: 'QR code (SVG): the entrance check-in, or a firm’s invitation',
      params: IdParams,
      querystring: QrQuery.extend({ token: z.string().max(200).optional() }),
      security: [],
      response: { 200: z.string(), ...problems(400, 403, 404) },
    },
    handler: async (request, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', 'private, no-store')
        .send(await day.qr(request.user, request.params.id, request.query)),
  });

  app.get('/workshops/:id/summary', {
    schema: { tags, summary: 'The figures a funder asks for', params: IdParams, response: { 200: WorkshopSummary, ...problems(400, 401, 404) } },
    handler: async (request) => day.summary(requireUser(request), request.params.id),
  });

  app.get('/workshop-joins/:code', {
    schema: { tags, summary: 'What a join code opens', params: JoinCodeParams, security: [], response: { 200: JoinInfo, ...problems(400, 404) } },
    handler: async (request) => workshops.joinInfo(request.params.code),
  });

  app.post('/workshop-joins', {
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Join a workshop with a firm’s code (signed in, or with a name and email: signs in)',
      body: JoinRequest,
      security: [],
      response: { 200: JoinResult, ...problems(400, 403, 404, 409, 422, 429) },
    },
    handler: async (request, reply) => {
      const joined = await workshops.join(request.user, request.body);
      if (joined.session) setSessionCookie(reply, joined.session.token, joined.session.expiresAt, secureCookies);
      return { workshopId: joined.workshopId, organisationId: joined.organisationId };
    },
  });
};
