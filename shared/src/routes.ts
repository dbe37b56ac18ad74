import { z } from 'zod';
import { AccountDeletion, AuditEntry, AuditQuery, PersonalData } from './schemas/account';
import { PasswordChangeBody } from './schemas/auth';
import { page } from './schemas/common';
import { Declaration, DeclarationListQuery } from './schemas/declarations';
import { Organisation, OrganisationListQuery } from './schemas/organisations';
import { DeclarationHit, DeclarationSearchQuery, OrganisationHit, OrganisationSearchQuery, SearchResult } from './schemas/search';
import {
  BulkValidate,
  Exchange,
  HandOver,
  ImpactFactor,
  ImpactFactorUpdate,
  ImpactTotals,
  MarketplaceRequest,
  MatchRun,
  MatchRunRequest,
  Notification,
  NotificationPreferences,
  Synergy,
  SynergyAnswer,
  SynergyCreate,
  SynergyDetail,
  SynergyListQuery,
  SynergyMessageBody,
  SynergyMove,
} from './schemas/synergies';

/*
 * The HTTP contract as data: each route's method, path and the schemas of its query, body
 * and success response. The web client and the integration tests call routes through it,
 * so their types come from the same zod schemas the server validates with.
 */

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
}

const route = <const R extends RouteSpec>(r: R) => r;

export const routes = {
  listOrganisations: route({ method: 'GET', path: '/organisations', query: OrganisationListQuery, response: page(Organisation) }),
  listDeclarations: route({ method: 'GET', path: '/declarations', query: DeclarationListQuery, response: page(Declaration) }),
  searchDeclarations: route({ method: 'GET', path: '/search/declarations', query: DeclarationSearchQuery, response: SearchResult(DeclarationHit) }),
  searchOrganisations: route({ method: 'GET', path: '/search/organisations', query: OrganisationSearchQuery, response: z.array(OrganisationHit) }),

  listSynergies: route({ method: 'GET', path: '/synergies', query: SynergyListQuery, response: page(Synergy) }),
  getSynergy: route({ method: 'GET', path: '/synergies/:id', response: SynergyDetail }),
  createSynergy: route({ method: 'POST', path: '/synergies', body: SynergyCreate, response: SynergyDetail }),
  answerSynergy: route({ method: 'POST', path: '/synergies/:id/answer', body: SynergyAnswer, response: SynergyDetail }),
  moveSynergy: route({ method: 'POST', path: '/synergies/:id/status', body: SynergyMove, response: SynergyDetail }),
  postSynergyMessage: route({ method: 'POST', path: '/synergies/:id/messages', body: SynergyMessageBody, response: SynergyDetail }),
  validateSynergies: route({ method: 'POST', path: '/synergies/validate', body: BulkValidate, response: z.object({ validated: z.number().int() }) }),
  requestDeclaration: route({ method: 'POST', path: '/declarations/:id/requests', body: MarketplaceRequest, response: SynergyDetail }),
  reserve: route({ method: 'POST', path: '/synergies/:id/reserve', response: SynergyDetail }),
  handOver: route({ method: 'POST', path: '/synergies/:id/handover', body: HandOver, response: Exchange }),
  getExchange: route({ method: 'GET', path: '/exchanges/:id', response: Exchange }),

  zoneImpacts: route({ method: 'GET', path: '/zones/:id/impacts', response: ImpactTotals }),
  listImpactFactors: route({ method: 'GET', path: '/impact-factors', response: z.array(ImpactFactor) }),
  updateImpactFactor: route({ method: 'PATCH', path: '/impact-factors/:code', body: ImpactFactorUpdate, response: ImpactFactor }),

  listNotifications: route({ method: 'GET', path: '/notifications', response: z.array(Notification) }),
  markNotificationsRead: route({ method: 'POST', path: '/notifications/read' }),
  markNotificationRead: route({ method: 'POST', path: '/notifications/:id/read' }),
  changePassword: route({ method: 'POST', path: '/auth/password', body: PasswordChangeBody }),
  exportPersonalData: route({ method: 'GET', path: '/account/export', response: PersonalData }),
  deleteAccount: route({ method: 'DELETE', path: '/account', body: AccountDeletion }),
  zoneAudit: route({ method: 'GET', path: '/audit', query: AuditQuery, response: page(AuditEntry) }),
  notificationPreferences: route({ method: 'GET', path: '/notifications/preferences', response: NotificationPreferences }),
  saveNotificationPreferences: route({ method: 'PUT', path: '/notifications/preferences', body: NotificationPreferences, response: NotificationPreferences }),

  startMatchRun: route({ method: 'POST', path: '/matching/runs', body: MatchRunRequest, response: MatchRun }),
  getMatchRun: route({ method: 'GET', path: '/matching/runs/:id', response: MatchRun }),
} as const;

/** `:name` segments of a path, as an object of strings. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type RouteParams<R extends RouteSpec> = Record<ParamNames<R['path']>, string>;

/** Query values as the client holds them (they are sent as strings and parsed by the schema). */
export type RouteQuery<R extends RouteSpec> = R['query'] extends z.ZodType ? Partial<z.infer<R['query']>> : never;
export type RouteBody<R extends RouteSpec> = R['body'] extends z.ZodType ? z.input<R['body']> : never;
export type RouteResponse<R extends RouteSpec> = R['response'] extends z.ZodType ? z.infer<R['response']> : void;

/** What a call of the route needs: its path parameters, query and body, each only when it has them. */
export type RouteArgs<R extends RouteSpec> = ([ParamNames<R['path']>] extends [never] ? object : { params: RouteParams<R> }) &
  (R['query'] extends z.ZodType ? { query?: RouteQuery<R> } : object) &
  (R['body'] extends z.ZodType ? { body: RouteBody<R> } : object);

/** The route's path with its parameters filled in (URI-encoded). */
export function routePath(r: RouteSpec, params: Record<string, string> = {}): string {
  return r.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${r.path}: missing parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=x` from query values, leaving out empty ones. */
export function queryString(query?: Record<string, unknown>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** One page of a list: items and the cursor of the next page. */
export type Page<T> = z.infer<ReturnType<typeof page<z.ZodType<T>>>>;
