import {
  AgendaEntry,
  AgendaQuery,
  Availability,
  AvailabilityUpdate,
  Booking,
  BookingAnswer,
  BookingCancel,
  BookingCreate,
  BookingListQuery,
  BookingNote,
  BookingOutcomeInput,
  BookingReschedule,
  BookingStats,
  BookingStatsQuery,
  BookingSummary,
  CalendarFeed,
  FeedTokenParams,
  IdParams,
  SuggestionQuery,
  TimeOption,
  problems,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { CalendarService } from './calendar';
import type { BookingService } from './service';
import { IDEMPOTENT } from '../../http/idempotency';

const tags = ['bookings'];

/** Meetings booked between member firms, their availability, the one agenda and its private feed. */
export const bookingRoutes: FastifyPluginAsyncZod<{ bookings: BookingService; calendar: CalendarService }> = async (app, { bookings, calendar }) => {
  app.get('/bookings', {
    schema: {
      tags,
      summary: "Members: their firm's bookings; facilitators (zoneId) and organisers (associationId): the activity",
      querystring: BookingListQuery,
      response: { 200: z.array(BookingSummary), ...problems(400, 401, 403) },
    },
    handler: async (request) => bookings.list(requireUser(request), request.query),
  });

  app.post('/bookings', {
    config: IDEMPOTENT,
    schema: {
      tags,
      summary: 'Propose a meeting with two or three time options',
      description:
        'representativeId names who attends for the proposing firm (an active member of it; default: the caller). Errors: option_in_past, outside_availability, invalid_duration, invalid_subject, invalid_recipient, not_association_members, invalid_representative (422); proposal_already_open (409, existingId).',
      body: BookingCreate,
      response: { 201: Booking, ...problems(400, 401, 403, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await bookings.propose(requireUser(request), request.body)),
  });

  app.get('/bookings/stats', {
    schema: {
      tags,
      summary: 'Bookings proposed, held and declined per month, and the share from a synergy suggestion',
      querystring: BookingStatsQuery,
      response: { 200: BookingStats, ...problems(400, 401, 403) },
    },
    handler: async (request) => calendar.stats(requireUser(request), request.query),
  });

  app.get('/bookings/suggestions', {
    schema: {
      tags,
      summary: 'Time options free for both firms (availability, bookings and event meetings)',
      querystring: SuggestionQuery,
      response: { 200: z.array(TimeOption), ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => calendar.suggestions(requireUser(request), request.query),
  });

  app.get('/bookings/:id', {
    schema: { tags, summary: 'A booking with its options and thread', params: IdParams, response: { 200: Booking, ...problems(400, 401, 404) } },
    handler: async (request) => bookings.get(requireUser(request), request.params.id),
  });

  app.post('/bookings/:id/answer', {
    schema: {
      tags,
      summary: 'Accept an option, propose others, or decline (the awaited firm)',
      description:
        'Accepting or counter-proposing may name who attends for the answering firm (representativeId; default: the caller); the acceptance seats both named people. Errors: double_booked (that person already has a meeting then), booking_closed, proposal_expired, version_conflict (409); unknown_option, option_in_past, outside_availability, invalid_representative (422).',
      params: IdParams,
      body: BookingAnswer,
      response: { 200: Booking, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => bookings.answer(requireUser(request), request.params.id, request.body),
  });

  app.post('/bookings/:id/reschedule', {
    schema: {
      tags,
      summary: 'Move a confirmed meeting (same calendar entry, next SEQUENCE)',
      params: IdParams,
      body: BookingReschedule,
      response: { 200: Booking, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => bookings.reschedule(requireUser(request), request.params.id, request.body),
  });

  app.post('/bookings/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a confirmed meeting (METHOD:CANCEL) or withdraw a proposal',
      params: IdParams,
      body: BookingCancel,
      response: { 200: Booking, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (request) => bookings.cancel(requireUser(request), request.params.id, request.body),
  });

  app.post('/bookings/:id/outcome', {
    schema: {
      tags,
      summary: "A firm's outcome after the meeting; linked synergies move on when both firms ask",
      params: IdParams,
      body: BookingOutcomeInput,
      response: { 200: Booking, ...problems(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => bookings.recordOutcome(requireUser(request), request.params.id, request.body),
  });

  app.post('/bookings/:id/messages', {
    schema: {
      tags,
      summary: 'A note in the thread both firms read',
      params: IdParams,
      body: BookingNote,
      response: { 200: Booking, ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => bookings.postNote(requireUser(request), request.params.id, request.body.body),
  });

  app.get('/availability', {
    schema: {
      tags,
      summary: "A firm's weekly hours and days off (default: the caller's firm)",
      querystring: z.object({ organisationId: z.uuid().optional() }),
      response: { 200: Availability, ...problems(400, 401, 403, 404) },
    },
    handler: async (request) => calendar.availability(requireUser(request), request.query.organisationId),
  });

  app.put('/availability', {
    schema: {
      tags,
      summary: "Set the caller's firm's weekly hours and days off (version 0 the first time)",
      body: AvailabilityUpdate,
      response: { 200: Availability, ...problems(400, 401, 403, 409, 422) },
    },
    handler: async (request) => calendar.saveAvailability(requireUser(request), request.body),
  });

  app.get('/agenda', {
    schema: {
      tags,
      summary: "The caller's firm's booked and event meetings",
      querystring: AgendaQuery,
      response: { 200: z.array(AgendaEntry), ...problems(400, 401, 403, 422) },
    },
    handler: async (request) => calendar.agenda(requireUser(request), request.query),
  });

  app.get('/calendar/feed', {
    schema: { tags, summary: 'Whether the caller has a private calendar feed', response: { 200: CalendarFeed, ...problems(401, 403) } },
    handler: async (request) => calendar.feed(requireUser(request)),
  });

  app.post('/calendar/feed', {
    schema: {
      tags,
      summary: 'Create or regenerate the private feed URL (shown once; the old one stops working)',
      response: { 201: CalendarFeed, ...problems(401, 403) },
    },
    handler: async (request, reply) => reply.status(201).send(await calendar.regenerateFeed(requireUser(request))),
  });

  app.delete('/calendar/feed', {
    schema: { tags, summary: 'Revoke the private feed', response: { 204: z.undefined(), ...problems(401) } },
    handler: async (request, reply) => {
      await calendar.revokeFeed(requireUser(request));
      return reply.status(204).send();
    },
  });

  app.get('/calendar/feed/:token', {
    schema: {
      tags,
      summary: 'The private ICS feed (no session: the secret URL is the key)',
      security: [],
      params: FeedTokenParams,
      response: { 200: z.string(), ...problems(400, 404) },
    },
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    handler: async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await calendar.feedIcs(request.params.token)),
  });
};
