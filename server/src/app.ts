import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { MAX_PHOTO_BYTES } from '@synergies/shared';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { registerErrorHandling, sendProblem } from './http/error-handler';
import { anonymousBodyLimit, nulGuard, requestGuards, securityHeaders } from './http/security';
import { sessionPlugin } from './http/session';
import { authRoutes } from './modules/auth/routes';
import { AuthService } from './modules/auth/service';
import { declarationRoutes } from './modules/declarations/routes';
import { DeclarationService } from './modules/declarations/service';
import { exchangeRoutes } from './modules/exchange/routes';
import { ExchangeService } from './modules/exchange/service';
import { organisationRoutes } from './modules/organisations/routes';
import { OrganisationService } from './modules/organisations/service';
import { referenceRoutes } from './modules/reference/routes';
import { searchRoutes } from './modules/search/routes';
import { SearchService } from './modules/search/service';
import { MatchRunService } from './modules/matching/service';
import { buildMeetingServices, meetingRoutes, type MeetingServices } from './modules/meetings';
import { ImpactService } from './modules/synergies/impacts';
import { MarketplaceService } from './modules/synergies/marketplace';
import { synergyRoutes } from './modules/synergies/routes';
import { SynergyService } from './modules/synergies/service';
import { zoneRoutes } from './modules/zones/routes';
import { healthRoutes, type Lifecycle } from './modules/health/routes';
import { requestMetrics } from './infra/metrics';
import { ZoneService } from './modules/zones/service';

export interface Services {
  auth: AuthService;
  zones: ZoneService;
  organisations: OrganisationService;
  declarations: DeclarationService;
  search: SearchService;
  exchange: ExchangeService;
  synergies: SynergyService;
  marketplace: MarketplaceService;
  impacts: ImpactService;
  matchRuns: MatchRunService;
  meetings: MeetingServices;
}

export function buildServices(ctx: AppContext): Services {
  const auth = new AuthService(ctx);
  const synergies = new SynergyService(ctx);
  return {
    auth,
    zones: new ZoneService(ctx, auth),
    organisations: new OrganisationService(ctx, auth),
    declarations: new DeclarationService(ctx),
    search: new SearchService(ctx),
    exchange: new ExchangeService(ctx),
    synergies,
    marketplace: new MarketplaceService(ctx, synergies),
    impacts: new ImpactService(ctx),
    matchRuns: new MatchRunService(ctx),
    meetings: buildMeetingServices(ctx),
  };
}

export async function buildApp(ctx: AppContext, options: { logger?: boolean | object | FastifyBaseLogger; lifecycle?: Lifecycle } = {}): Promise<FastifyInstance> {
  const lifecycle = options.lifecycle ?? { draining: false };
  const given = options.logger;
  const isInstance = (l: unknown): l is FastifyBaseLogger => typeof l === 'object' && l !== null && 'child' in l && typeof l.child === 'function';
  const app = Fastify({
    // JSON lines with the request id (X-Request-Id when a proxy sets one) on every request's log.
    ...(isInstance(given) ? { loggerInstance: given } : { logger: given ?? { level: ctx.config.LOG_LEVEL } }),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY.
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  // Browsers post text/plain cross-site without a preflight: the API reads JSON only.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(requestMetrics);

  const services = buildServices(ctx);
  await app.register(requestGuards, { config: ctx.config });
  await app.register(securityHeaders, { config: ctx.config });
  await app.register(fastifyCookie, { secret: ctx.config.COOKIE_SECRET });
  // Each attempt beyond a budget doubles the wait (back-off); known browsers keep their own budget.
  await app.register(fastifyRateLimit, { global: false, exponentialBackoff: true });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Synergies API', description: 'Inter-company synergy platform (écologie industrielle territoriale)', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessionPlugin, { auth: services.auth });
  await app.register(anonymousBodyLimit, { config: ctx.config });
  await app.register(nulGuard);
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ctx, lifecycle });
      await api.register(authRoutes, { auth: services.auth, config: ctx.config });
      await api.register(zoneRoutes, { zones: services.zones });
      await api.register(organisationRoutes, { organisations: services.organisations });
      await api.register(declarationRoutes, { declarations: services.declarations });
      await api.register(searchRoutes, { search: services.search });
      await api.register(exchangeRoutes, { exchange: services.exchange });
      await api.register(synergyRoutes, services);
      await api.register(meetingRoutes, services.meetings);
      await api.register(referenceRoutes);
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = existsSync(ctx.config.webDist);
  if (hasWeb) await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return sendProblem(reply, request, { status: 404, code: 'route_not_found', detail: `Aucune route ${request.method} ${request.url.split('?')[0]}` });
    }
    // Client-side routes of the single-page app.
    return reply.sendFile('index.html');
  });
  return app;
}
