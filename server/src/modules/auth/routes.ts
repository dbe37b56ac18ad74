import {
  AccountPreferences,
  CurrentUser,
  InvitationAcceptBody,
  InvitationInfo,
  LoginBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  problems,
  SessionState,
} from '@synergies/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, requireUser, setSessionCookie, SESSION_COOKIE } from '../../http/session';
import type { AuthService } from './service';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; secureCookies: boolean }> = async (app, { auth, secureCookies }) => {
  // Per address and account (after body parsing), so colleagues behind one NAT do not lock each other out.
  const loginLimit = {
    rateLimit: {
      max: 10,
      timeWindow: '1 minute',
      hook: 'preHandler' as const,
      keyGenerator: (request: { ip: string; body?: unknown }) => {
        const body = request.body as { email?: unknown; token?: unknown } | undefined;
        return `${request.ip}|${String(body?.email ?? body?.token ?? '')}`;
      },
    },
  };

  app.post('/auth/login', {
    config: loginLimit,
    schema: { tags, summary: 'Log in with email and password', body: LoginBody, response: { 200: CurrentUser, ...problems(400, 401, 429) } },
    handler: async (request, reply) => {
      const { user, token, expiresAt } = await auth.login(request.body.email, request.body.password);
      setSessionCookie(reply, token, expiresAt, secureCookies);
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
    schema: { tags, summary: "Save the user's own preferences (interface language)", body: AccountPreferences, response: { 200: CurrentUser, ...problems(400, 401) } },
    handler: async (request) => auth.savePreferences(requireUser(request), request.body),
  });

  app.post('/auth/password-reset', {
    config: loginLimit,
    schema: { tags, summary: 'Email a one-time reset link', body: PasswordResetRequestBody, response: { 202: z.undefined(), ...problems(400, 429) } },
    handler: async (request, reply) => {
      await auth.requestPasswordReset(request.body.email);
      return reply.status(202).send();
    },
  });

  app.post('/auth/password-reset/confirm', {
    config: loginLimit,
    schema: { tags, summary: 'Set a new password with a reset link', body: PasswordResetConfirmBody, response: { 204: z.undefined(), ...problems(400, 410, 429) } },
    handler: async (request, reply) => {
      await auth.confirmPasswordReset(request.body.token, request.body.password);
      return reply.status(204).send();
    },
  });

  app.get('/auth/invitations/:token', {
    schema: { tags, summary: 'Who an invitation is for', params: z.object({ token: z.string().min(20).max(200) }), response: { 200: InvitationInfo, ...problems(400, 410) } },
    handler: async (request) => auth.invitationInfo(request.params.token),
  });

  app.post('/auth/invitations/accept', {
    config: loginLimit,
    schema: { tags, summary: 'Activate an invited account', body: InvitationAcceptBody, response: { 200: CurrentUser, ...problems(400, 410, 429) } },
    handler: async (request, reply) => {
      const { user, token, expiresAt } = await auth.acceptInvitation(request.body.token, request.body.password, request.body.displayName);
      setSessionCookie(reply, token, expiresAt, secureCookies);
      const { activated: _a, ...current } = user;
      return current;
    },
  });
};
