import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { HttpProblem } from '../../http/problem';
import type { Config } from '../../infra/config';

/**
 * Login throttling that an attacker cannot turn against the real user (OWASP "device
 * cookies"): each address has a budget, each account has a small budget for unknown
 * browsers, and a browser that once logged in to the account carries a signed device
 * cookie naming it, which gives it a budget of its own. Someone hammering a victim's
 * account from elsewhere exhausts only the unknown-browsers budget.
 */
export const DEVICE_COOKIE = 'did';
const DEVICE_DAYS = 365;

const emailOf = (request: FastifyRequest) => {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
};
const digest = (s: string) => crypto.createHash('sha256').update(s).digest('base64url').slice(0, 22);

/** The device cookie names the account it was earned for; any other account ignores it. */
function knownDevice(request: FastifyRequest, email: string): string | null {
  const raw = request.cookies[DEVICE_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const [accountDigest, deviceId] = unsigned.value.split('.');
  return accountDigest === digest(email) && deviceId ? deviceId : null;
}

export function rememberDevice(request: FastifyRequest, reply: FastifyReply, email: string, secure: boolean): void {
  const deviceId = knownDevice(request, email) ?? crypto.randomBytes(12).toString('base64url');
  reply.setCookie(DEVICE_COOKIE, `${digest(email)}.${deviceId}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/api/v1/auth',
    maxAge: DEVICE_DAYS * 24 * 3600,
  });
}

export interface AuthLimits {
  login: preHandlerHookHandler;
  passwordReset: preHandlerHookHandler;
  oneTimeLink: preHandlerHookHandler;
}

interface Limit {
  max: number;
  timeWindow: string;
  keyGenerator: (r: FastifyRequest) => string;
}

/**
 * Several budgets on one route, all counted: @fastify/rate-limit runs one route hook per
 * request, so each budget is a limiter from `createRateLimit` checked here in turn.
 */
function budgets(app: FastifyInstance, limits: Limit[]): preHandlerHookHandler {
  const checks = limits.map((l) => app.createRateLimit(l));
  return async (request, reply) => {
    for (const check of checks) {
      const state = await check(request);
      if (!state.isAllowed && state.isExceeded) {
        reply.header('retry-after', state.ttlInSeconds);
        throw new HttpProblem(429, 'rate_limited', 'Trop de tentatives : réessayez plus tard.');
      }
    }
  };
}

export function authLimits(app: FastifyInstance, config: Config): AuthLimits {
  const perIp = (name: string): Limit => ({ max: config.LOGIN_MAX_PER_IP, timeWindow: '1 minute', keyGenerator: (r) => `${name}|ip|${r.ip}` });
  return {
    login: budgets(app, [
      perIp('login'),
      {
        max: config.LOGIN_MAX_PER_ACCOUNT,
        timeWindow: '15 minutes',
        keyGenerator: (r) => {
          const email = emailOf(r);
          return `login|account|${email}|${knownDevice(r, email) ?? 'unknown-devices'}`;
        },
      },
    ]),
    passwordReset: budgets(app, [
      perIp('reset'),
      // The same answer whether the account exists or not, so it reveals nothing.
      { max: config.RESET_MAX_PER_ACCOUNT, timeWindow: '1 hour', keyGenerator: (r) => `reset|account|${emailOf(r)}` },
    ]),
    oneTimeLink: budgets(app, [perIp('link')]),
  };
}
