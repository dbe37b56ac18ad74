import {
  AccountPreferences,
  CurrentUser,
  InvitationAcceptBody,
  InvitationInfo,
  LoginBody,
  PasswordChangeBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  problems,
  SessionState,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, requireUser, setSessionCookie, SESSION_COOKIE } from '../../http/session';
import type { Config } from '../../infra/config';
import { authLimits, rememberDevice } from './rate-limits';
import type { AuthService } from './service';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; config: Config }> = async (app, { auth, config }) => {
  const limits = authLimits(app, config);
  const secureCookies = config.secureCookies;

  app.post('/auth/login', {
    preHandler: limits.login,
    schema: { tags, summary: 'Log in with email and password', body: LoginBody, response: { 200: CurrentUser, ...problems(400, 401, 429) } },
    handler: async (request, reply) => {
      const { user, token, expiresAt } = await auth.login(request.body.email, request.body.password);
      setSessionCookie(reply, token, expiresAt, secureCookies);
      rememberDevice(request, reply, user.email, secureCookies);
      return user;
    },
  });

  app.post('/auth/logout', {
    schema: { tags, summary: 'End the session', response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await auth.logout(request.cookies[SESSION_COOKIE]);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  });

  app.get('/auth/me', {
    schema: { tags, summary: 'The logged-in user', response: { 200: CurrentUser, ...problems(401) } },
    handler: async (request) => requireUser(request),
  });

  app.get('/auth/session', {
    schema: { tags, summary: 'The logged-in user, or null for a visitor', response: { 200: SessionState } },
    handler: async (request) => ({ user: request.user ?? null }),
  });

  app.patch('/auth/me', {
    schema: {
      tags,
      summary: "Save the user's own preferences (interface language)",
      body: AccountPreferences,
      response: { 200: CurrentUser, ...problems(400, 401) },
    },
    handler: async (request) => auth.savePreferences(requireUser(request), request.body),
  });

  app.post('/auth/password', {
    preHandler: limits.oneTimeLink,
    schema: {
      tags,
      summary: 'Change the password; every other session of the account ends',
      body: PasswordChangeBody,
      response: { 204: z.undefined(), ...problems(400, 401, 429) },
    },
    handler: async (request, reply) => {
      await auth.changePassword(requireUser(request), request.cookies[SESSION_COOKIE]!, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  });

  app.post('/auth/password-reset', {
    preHandler: limits.passwordReset,
    schema: {
      tags,
      summary: 'Email a one-time reset link (sent by a job: the answer is the same for every address)',
      body: PasswordResetRequestBody,
      response: { 202: z.undefined(), ...problems(400, 429) },
    },
    handler: async (request, reply) => {
      await auth.requestPasswordReset(request.body.email);
      return reply.status(202).send();
    },
  });

  app.post('/auth/password-reset/confirm', {
    preHandler: limits.oneTimeLink,
    schema: {
      tags,
      summary: 'Set a new password with a reset link',
      body: PasswordResetConfirmBody,
      response: { 204: z.undefined(), ...problems(400, 410, 429) },
    },
    handler: async (request, reply) => {
      await auth.confirmPasswordReset(request.body.token, request.body.password);
      return reply.status(204).send();
    },
  });

  app.get('/auth/invitations/:token', {
    preHandler: limits.oneTimeLink,
    schema: {
      tags,
      summary: 'Who an invitation is for',
      params: z.object({ token: z.string().min(20).max(200) }),
      response: { 200: InvitationInfo, ...problems(400, 410, 429) },
    },
    handler: async (request) => auth.invitationInfo(request.params.token),
  });

  app.post('/auth/invitations/accept', {
    preHandler: limits.oneTimeLink,
    schema: { tags, summary: 'Activate an invited account', body: InvitationAcceptBody, response: { 200: CurrentUser, ...problems(400, 410, 429) } },
    handler: async (request, reply) => {
      const { user, token, expiresAt } = await auth.acceptInvitation(request.body.token, request.body.password, request.body.displayName);
      setSessionCookie(reply, token, expiresAt, secureCookies);
      rememberDevice(request, reply, user.email, secureCookies);
      const { activated: _a, ...current } = user;
      return current;
    },
  });
};
