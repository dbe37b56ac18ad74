import { Notification, problems } from '@synergies/shared';
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
};
