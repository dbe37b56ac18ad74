import { Transform } from 'node:stream';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../infra/config';
import { sendProblem } from './error-handler';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Body media types the route accepts; its schema's `consumes`, else application/json. */
    accepts?: string[];
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Security headers: a CSP the built Vue app and the Swagger UI run under, no framing, HSTS behind TLS. */
export const securityHeaders = fp(async (app: FastifyInstance, { config }: { config: Config }) => {
  const tls = config.publicUrl.startsWith('https://');
  // The map of flows loads its style, tiles, glyphs and sprites from the configured tile host.
  const tileHost = () => (config.MAP_TILES_URL ? new URL(config.MAP_TILES_URL).origin : "'self'");
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Vue's :style bindings and the Swagger UI set style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', tileHost],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", tileHost],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Firms' photos and the web app are same-origin resources.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
  });
});

/**
 * Cross-site request forgery: an unsafe method must come from our own pages. Browsers send
 * Fetch Metadata (Sec-Fetch-Site) to trustworthy origins and Origin on every cross-origin
 * POST; clients without either (curl, server-to-server) are not browsers and carry no
 * ambient cookie of a victim. Bodies whose media type the route does not declare (the
 * `text/plain` form) are refused before they are parsed.
 */
export const requestGuards = fp(async (app: FastifyInstance, { config }: { config: Config }) => {
  const allowed = new Set(config.allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    const site = header(request, 'sec-fetch-site');
    const origin = header(request, 'origin');
    const fromOurPages = site ? site === 'same-origin' || site === 'none' : origin === undefined || allowed.has(origin);
    if (!fromOurPages) {
      return sendProblem(reply, request, { status: 403, code: 'cross_site_request', detail: "Requête refusée : elle ne vient pas d'une page de Synergies." });
    }
    if (!hasBody(request)) return;
    const type = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const accepts = request.routeOptions.config?.accepts ?? (request.routeOptions.schema?.consumes as string[] | undefined) ?? ['application/json'];
    if (!accepts.includes(type)) {
      return sendProblem(reply, request, {
        status: 415,
        code: 'unsupported_media_type',
        detail: `Ce type de contenu n'est pas accepté ici (attendu : ${accepts.join(', ')}).`,
      });
    }
  });
});

/**
 * Anonymous requests may only send small bodies (login, reset): a large one is refused
 * from its Content-Length before a byte is parsed, and a chunked one as soon as it
 * crosses the limit, so memory stays bounded whoever sends it. Registered after the
 * session plugin, which sets `request.user`.
 */
export const anonymousBodyLimit = fp(async (app: FastifyInstance, { config }: { config: Config }) => {
  const limit = config.ANONYMOUS_BODY_LIMIT;
  app.addHook('onRequest', async (request, reply) => {
    if (request.user || !request.url.startsWith('/api/')) return;
    const length = Number(header(request, 'content-length') ?? 0);
    if (length > limit) {
      reply.header('connection', 'close');
      return sendProblem(reply, request, { status: 401, code: 'unauthenticated', detail: 'Connexion requise pour envoyer un contenu de cette taille.' });
    }
  });
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.user || !request.url.startsWith('/api/') || header(request, 'content-length')) return payload;
    let seen = 0;
    return payload.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          seen += chunk.length;
          if (seen > limit) done(Object.assign(new Error('anonymous body too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }));
          else done(null, chunk);
        },
      }),
    );
  });
});

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function hasBody(request: FastifyRequest): boolean {
  const length = header(request, 'content-length');
  return (length !== undefined && length !== '0') || header(request, 'transfer-encoding') !== undefined;
}

const NUL = '\u0000';

/** PostgreSQL text cannot hold NUL: refuse it in any input string with a 400 before anything runs. */
export function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNul(k, [...path, k]) ?? findNul(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

export const nulGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request, reply) => {
    for (const [where, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const path = findNul(value, [where]);
      if (path !== null) {
        return sendProblem(reply, request, {
          status: 400,
          code: 'validation_failed',
          detail: 'La requête contient des champs invalides.',
          errors: [{ path, message: 'Caractère NUL interdit', code: 'nul_character' }],
        });
      }
    }
  });
});
