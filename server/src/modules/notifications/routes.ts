import { IdParams, Notification, NotificationPreferences, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/session';
import type { NotificationService } from './service';

const tags = ['synergies'];

export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (app, { notifications }) => {
  app.get('/notifications', {
    schema: { tags, summary: 'Your latest notifications', response: { 200: z.array(Notification), ...problems(401) } },
    handler: async (request) => notifications.latest(requireUser(request)),
  });

  app.post('/notifications/read', {
    schema: { tags, summary: 'Mark all as read', response: { 204: z.undefined(), ...problems(401) } },
    handler: async (request, reply) => {
      await notifications.markRead(requireUser(request));
      return reply.status(204).send();
    },
  });

  app.post('/notifications/:id/read', {
    schema: { tags, summary: 'Mark one as read (opening it)', params: IdParams, response: { 204: z.undefined(), ...problems(401, 404) } },
    handler: async (request, reply) => {
      await notifications.markOneRead(requireUser(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/notifications/preferences', {
    schema: {
      tags,
      summary: 'How you hear of what happens: in the app, a daily or weekly email digest, or not at all',
      response: { 200: NotificationPreferences, ...problems(401) },
    },
    handler: async (request) => notifications.preferences(requireUser(request)),
  });

  app.put('/notifications/preferences', {
    schema: {
      tags,
      summary: 'Choose how you hear of what happens',
      body: NotificationPreferences,
      response: { 200: NotificationPreferences, ...problems(400, 401) },
    },
    handler: async (request) => notifications.savePreferences(requireUser(request), request.body),
  });
};
