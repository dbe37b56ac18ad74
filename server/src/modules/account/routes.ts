import { AccountDeletion, PersonalData, problems } from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, requireUser } from '../../http/session';
import type { AccountService } from './service';

const tags = ['account'];

export const accountRoutes: FastifyPluginAsyncZod<{ account: AccountService }> = async (app, { account }) => {
  app.get('/account/export', {
    schema: {
      tags,
      summary: 'Everything the platform holds about you, as a JSON file (GDPR access and portability)',
      response: { 200: PersonalData, ...problems(401) },
    },
    handler: async (request, reply) => {
      const data = await account.exportPersonalData(requireUser(request));
      const day = data.exportedAt.slice(0, 10);
      return reply.header('content-disposition', `attachment; filename="synergies-mes-donnees-${day}.json"`).header('cache-control', 'no-store').send(data);
    },
  });

  app.delete('/account', {
    schema: {
      tags,
      summary: "Delete your account (confirmed with your password): you are anonymised, your firm's history and the zone's figures stay",
      body: AccountDeletion,
      response: { 204: z.undefined(), ...problems(400, 401, 409) },
    },
    handler: async (request, reply) => {
      await account.deleteAccount(requireUser(request), request.body.password);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  });
};
