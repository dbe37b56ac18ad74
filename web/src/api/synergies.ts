import type {
  NotificationPreferences,
  Exchange,
  HandOver,
  ImpactFactor,
  ImpactFactorUpdate,
  MatchRun,
  Notification,
  Synergy,
  SynergyCreate,
  SynergyDetail,
  SynergyMove,
  SynergyParty,
  SynergyReason,
  SYNERGY_KINDS,
  SYNERGY_STATUSES,
} from '@synergies/shared';
import { routes, type RouteQuery } from '@synergies/shared/routes';
import type { z } from 'zod';
import { callRoute } from './client';

export type { Synergy };
export type SynergyKind = (typeof SYNERGY_KINDS)[number];
export type SynergyStatusName = (typeof SYNERGY_STATUSES)[number];
export type SynergyView = z.infer<typeof SynergyDetail>;
export type SynergyPartyView = z.infer<typeof SynergyParty>;
export type SynergyReasonView = z.infer<typeof SynergyReason>;
export type SynergyMoveInput = z.input<typeof SynergyMove>;
export type SynergyCreateInput = z.input<typeof SynergyCreate>;
export type HandOverInput = z.input<typeof HandOver>;
export type ExchangeRecord = z.infer<typeof Exchange>;
export type ImpactFactorView = z.infer<typeof ImpactFactor>;
export type ImpactFactorPatch = z.input<typeof ImpactFactorUpdate>;
export type MatchRunView = z.infer<typeof MatchRun>;
export type NotificationView = z.infer<typeof Notification>;

export type SynergyListParams = RouteQuery<typeof routes.listSynergies>;

export const synergiesApi = {
  list: (query: SynergyListParams) => callRoute(routes.listSynergies, { query }),
  get: (id: string) => callRoute(routes.getSynergy, { params: { id } }),
  create: (body: SynergyCreateInput) => callRoute(routes.createSynergy, { body }),
  answer: (id: string, answer: 'accept' | 'decline', reason?: string) =>
    callRoute(routes.answerSynergy, { params: { id }, body: { answer, ...(reason ? { reason } : {}) } }),
  move: (id: string, body: SynergyMoveInput) => callRoute(routes.moveSynergy, { params: { id }, body }),
  message: (id: string, body: string) => callRoute(routes.postSynergyMessage, { params: { id }, body: { body } }),
  validate: (ids: string[]) => callRoute(routes.validateSynergies, { body: { ids } }),
  /** A member asks for an offer or answers a need from the marketplace. */
  request: (declarationId: string, message: string) => callRoute(routes.requestDeclaration, { params: { id: declarationId }, body: { message } }),
  reserve: (id: string) => callRoute(routes.reserve, { params: { id } }),
  handOver: (id: string, body: HandOverInput) => callRoute(routes.handOver, { params: { id }, body }),
  exchange: (id: string) => callRoute(routes.getExchange, { params: { id } }),
};

export const impactsApi = {
  zoneTotals: (zoneId: string) => callRoute(routes.zoneImpacts, { params: { id: zoneId } }),
  factors: () => callRoute(routes.listImpactFactors, {}),
  updateFactor: (code: string, body: ImpactFactorPatch) => callRoute(routes.updateImpactFactor, { params: { code }, body }),
};

export const notificationsApi = {
  list: () => callRoute(routes.listNotifications, {}),
  markRead: () => callRoute(routes.markNotificationsRead, {}),
  markOneRead: (id: string) => callRoute(routes.markNotificationRead, { params: { id } }),
  preferences: () => callRoute(routes.notificationPreferences, {}),
  savePreferences: (body: NotificationPreferences) => callRoute(routes.saveNotificationPreferences, { body }),
};

export const matchingApi = {
  start: (zoneId: string | null) => callRoute(routes.startMatchRun, { body: { zoneId } }),
  get: (id: string) => callRoute(routes.getMatchRun, { params: { id } }),
};
