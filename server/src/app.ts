import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyWebsocket from '@fastify/websocket';
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
import { auditTrail } from './http/audit';
import { accountRoutes } from './modules/account/routes';
import { AccountService } from './modules/account/service';
import { auditRoutes } from './modules/audit/routes';
import { AuditService } from './modules/audit/service';
import { authRoutes } from './modules/auth/routes';
import { AuthService } from './modules/auth/service';
import { declarationRoutes } from './modules/declarations/routes';
import { DeclarationService } from './modules/declarations/service';
import { importRoutes } from './modules/imports/routes';
import { dashboardRoutes } from './modules/dashboards/routes';
import { DashboardService } from './modules/dashboards/service';
import { reportRoutes } from './modules/reports/routes';
import { ReportService } from './modules/reports/service';
import { exportRoutes } from './modules/exports/routes';
import { ExportService } from './modules/exports/service';
import { mapRoutes } from './modules/map/routes';
import { MapService } from './modules/map/service';
import { ImportService } from './modules/imports/service';
import { organisationRoutes } from './modules/organisations/routes';
import { OrganisationService } from './modules/organisations/service';
import { referenceRoutes } from './modules/reference/routes';
import { searchRoutes } from './modules/search/routes';
import { SearchService } from './modules/search/service';
import { exchangeRoutes } from './modules/exchanges/routes';
import { ExchangeService } from './modules/exchanges/service';
import { impactFactorRoutes } from './modules/impact-factors/routes';
import { ImpactFactorService } from './modules/impact-factors/service';
import { matchingRoutes } from './modules/matching/routes';
import { MatchRunService } from './modules/matching/service';
import { buildMeetingServices, meetingRoutes, type MeetingServices } from './modules/meetings';
import { notificationRoutes } from './modules/notifications/routes';
import { NotificationService } from './modules/notifications/service';
import { associationRoutes, AssociationService } from './modules/associations';
import { bookingRoutes, buildBookingServices, type BookingServices } from './modules/bookings';
import { ImpactService } from './modules/synergies/impacts';
import { MarketplaceService } from './modules/synergies/marketplace';
import { synergyRoutes } from './modules/synergies/routes';
import { SynergyService } from './modules/synergies/service';
import { zoneExchangeRoutes } from './modules/zone-exchange/routes';
import { ZoneExchangeService } from './modules/zone-exchange/service';
import { RealtimeHub, type HubOptions } from './infra/realtime/hub';
import { registerRealtimeRooms } from './modules/realtime/rooms';
import { realtimeRoutes } from './modules/realtime/routes';
import { buildWorkshopServices, registerWorkshopRooms, workshopRoutes, type WorkshopServices } from './modules/workshops';
import { idempotencyPlugin } from './http/idempotency';
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
  zoneExchange: ZoneExchangeService;
  imports: ImportService;
  dashboards: DashboardService;
  reports: ReportService;
  exports: ExportService;
  map: MapService;
  synergies: SynergyService;
  marketplace: MarketplaceService;
  impacts: ImpactService;
  impactFactors: ImpactFactorService;
  exchanges: ExchangeService;
  notifications: NotificationService;
  matchRuns: MatchRunService;
  meetings: MeetingServices;
  workshops: WorkshopServices;
  bookings: BookingServices;
  associations: AssociationService;
  audit: AuditService;
  account: AccountService;
}

export function buildServices(ctx: AppContext): Services {
  const auth = new AuthService(ctx);
  const synergies = new SynergyService(ctx);
  const declarations = new DeclarationService(ctx);
  const exchanges = new ExchangeService(ctx);
  const meetings = buildMeetingServices(ctx);
  const audit = new AuditService(ctx);
  return {
    auth,
    audit,
    account: new AccountService(ctx, auth, audit),
    zones: new ZoneService(ctx, auth),
    organisations: new OrganisationService(ctx, auth),
    declarations,
    search: new SearchService(ctx),
    zoneExchange: new ZoneExchangeService(ctx),
    imports: new ImportService(ctx),
    dashboards: new DashboardService(ctx),
    reports: new ReportService(ctx),
    exports: new ExportService(ctx),
    map: new MapService(ctx),
    synergies,
    marketplace: new MarketplaceService(ctx, synergies, declarations, exchanges),
    impacts: new ImpactService(ctx),
    impactFactors: new ImpactFactorService(ctx),
    exchanges,
    notifications: new NotificationService(ctx),
    matchRuns: new MatchRunService(ctx),
    meetings,
    workshops: buildWorkshopServices(ctx, { auth, declarations, meetings }),
    bookings: buildBookingServices(ctx, synergies),
    associations: new AssociationService(ctx),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeHub;
  }
}

interface AppOptions {
  logger?: boolean | object | FastifyBaseLogger;
  lifecycle?: Lifecycle;
  realtime?: Partial<Omit<HubOptions, 'log'>>;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
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
  await app.register(auditTrail, { audit: services.audit });
  await app.register(nulGuard);
  await app.register(idempotencyPlugin, { sql: ctx.db.$client });

  const hub = new RealtimeHub(ctx.db.$client, { ...options.realtime, log: app.log });
  registerRealtimeRooms(hub, ctx);
  registerWorkshopRooms(hub, ctx);
  app.decorate('realtime', hub);
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 64 * 1024 },
    // Clients are told to come back (`bye`) before their sockets close.
    preClose: async () => {
      await hub.close();
      app.websocketServer.close();
    },
  });
  await hub.start();
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ctx, lifecycle });
      await api.register(authRoutes, { auth: services.auth, config: ctx.config });
      await api.register(accountRoutes, { account: services.account });
      await api.register(auditRoutes, { audit: services.audit });
      await api.register(zoneRoutes, { zones: services.zones });
      await api.register(organisationRoutes, { organisations: services.organisations });
      await api.register(declarationRoutes, { declarations: services.declarations });
      await api.register(searchRoutes, { search: services.search });
      await api.register(zoneExchangeRoutes, { zoneExchange: services.zoneExchange });
      await api.register(importRoutes, { imports: services.imports });
      await api.register(dashboardRoutes, { dashboards: services.dashboards });
      await api.register(reportRoutes, { reports: services.reports });
      await api.register(exportRoutes, { exports: services.exports });
      await api.register(mapRoutes, { map: services.map });
      await api.register(synergyRoutes, services);
      await api.register(exchangeRoutes, services);
      await api.register(impactFactorRoutes, services);
      await api.register(notificationRoutes, services);
      await api.register(matchingRoutes, services);
      await api.register(meetingRoutes, services.meetings);
      await api.register(bookingRoutes, services.bookings);
      await api.register(associationRoutes, { associations: services.associations, events: services.meetings.events });
      await api.register(referenceRoutes);
      await api.register(workshopRoutes, { ...services.workshops, secureCookies: ctx.config.secureCookies });
      await api.register(realtimeRoutes, { hub, allowedOrigins: ctx.config.allowedOrigins });
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
