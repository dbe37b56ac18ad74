import {
  Agenda,
  AgendaParams,
  DayOfChange,
  DayOfChangeResult,
  IdParams,
  MeetingEvent,
  MeetingFollowUp,
  MeetingRecord,
  PublishBody,
  Schedule,
  ScheduleRun,
  ScheduleRunCreate,
  ScheduleRunParams,
  problems,
} from '@synergies/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { Download } from './agendas';
import type { MeetingServices } from './services';

const tags = ['meetings'];

/** Sends a file with its name (an ASCII one, plus the exact one for clients that read RFC 6266). */
function sendDownload(reply: FastifyReply, file: Download, disposition: 'inline' | 'attachment' = 'attachment') {
  return reply
    .type(file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

const pdf = z.any().describe('application/pdf');
const text = (type: string) => z.string().describe(type);

/** Scheduling runs, the preview, publication, day-of changes, agendas and exports, follow-up. */
export const scheduleRoutes: FastifyPluginAsyncZod<MeetingServices> = async (app, { runs, schedules, dayOf, agendas, followUp }) => {
  app.post('/meeting-events/:id/runs', {
    schema: {
      tags,
      summary: 'Compute the schedule in the background (facilitator)',
      params: IdParams,
      body: ScheduleRunCreate,
      response: { 202: ScheduleRun, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(202).send(await runs.request(requireUser(request), request.params.id, request.body.timeLimitSeconds)),
  });

  app.get('/meeting-events/:id/runs/:runId', {
    schema: {
      tags,
      summary: 'Progress and result of a scheduling run',
      params: ScheduleRunParams,
      response: { 200: ScheduleRun, ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => runs.get(requireUser(request), request.params.id, request.params.runId),
  });

  app.get('/meeting-events/:id/schedule', {
    schema: {
      tags,
      summary: 'The latest schedule: meetings and unscheduled requests with reasons (facilitator); 204 while none is computed',
      params: IdParams,
      response: { 200: Schedule, 204: z.undefined(), ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => (await schedules.preview(requireUser(request), request.params.id)) ?? reply.status(204).send(),
  });

  app.post('/meeting-events/:id/publish', {
    schema: {
      tags,
      summary: 'Publish the agendas to the firms and email them (facilitator)',
      params: IdParams,
      body: PublishBody,
      response: { 200: MeetingEvent, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => schedules.publish(requireUser(request), request.params.id, request.body.version),
  });

  app.post('/meeting-events/:id/changes', {
    schema: {
      tags,
      summary: 'A change on the day: no-show, late arrival, cancellation or new request (facilitator); started meetings never move',
      params: IdParams,
      body: DayOfChange,
      response: { 200: DayOfChangeResult, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => dayOf.apply(requireUser(request), request.params.id, request.body),
  });

  app.get('/meeting-events/:id/agendas/:organisationId', {
    schema: {
      tags,
      summary: "A firm's agenda (members: their own, once published)",
      params: AgendaParams,
      response: { 200: Agenda, ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => agendas.agenda(requireUser(request), request.params.id, request.params.organisationId),
  });

  app.get('/meeting-events/:id/agendas/:organisationId/pdf', {
    schema: { tags, summary: "A firm's agenda as PDF", params: AgendaParams, response: { 200: pdf, ...problems(400, 401, 403, 404) } },
    handler: async (request, reply) =>
      sendDownload(reply, await agendas.agendaPdf(requireUser(request), request.params.id, request.params.organisationId), 'inline'),
  });

  app.get('/meeting-events/:id/agendas/:organisationId/ics', {
    schema: {
      tags,
      summary: "A firm's agenda as iCalendar (Europe/Paris)",
      params: AgendaParams,
      response: { 200: text('text/calendar'), ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => sendDownload(reply, await agendas.agendaIcs(requireUser(request), request.params.id, request.params.organisationId)),
  });

  app.get('/meeting-events/:id/table-plan/pdf', {
    schema: {
      tags,
      summary: 'Who sits at which table, slot by slot, for the room (facilitator)',
      params: IdParams,
      response: { 200: pdf, ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => sendDownload(reply, await agendas.tablePlanPdf(requireUser(request), request.params.id), 'inline'),
  });

  app.get('/meeting-events/:id/schedule/csv', {
    schema: { tags, summary: 'Every meeting as CSV (facilitator)', params: IdParams, response: { 200: text('text/csv'), ...problems(400, 401, 403, 404) } },
    handler: async (request, reply) => sendDownload(reply, await agendas.scheduleCsv(requireUser(request), request.params.id)),
  });

  app.get('/meeting-events/:id/schedule/xlsx', {
    schema: {
      tags,
      summary: 'Every meeting as an Excel workbook (facilitator)',
      params: IdParams,
      response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...problems(400, 401, 403, 404) },
    },
    handler: async (request, reply) => sendDownload(reply, await agendas.scheduleXlsx(requireUser(request), request.params.id)),
  });

  app.get('/meeting-events/:id/meetings', {
    schema: {
      tags,
      summary: 'Published meetings and their follow-up (members: their firm’s)',
      params: IdParams,
      response: { 200: z.array(MeetingRecord), ...problems(400, 401, 404) },
    },
    handler: async (request) => followUp.list(requireUser(request), request.params.id),
  });

  app.patch('/meetings/:id', {
    schema: {
      tags,
      summary: 'Record whether a meeting took place and its outcome (its firms or a facilitator)',
      params: IdParams,
      body: MeetingFollowUp,
      response: { 200: MeetingRecord, ...problems(400, 401, 404, 409) },
    },
    handler: async (request) => followUp.update(requireUser(request), request.params.id, request.body),
  });
};
