import type {
  Exchange,
  HandOver,
  ImpactFactor,
  ImpactFactorUpdate,
  ImpactTotals,
  MatchRun,
  Notification,
  Synergy,
  SynergyCreate,
  SynergyDetail,
  SynergyImpact,
  SynergyMove,
  SynergyParty,
  SynergyReason,
  SYNERGY_KINDS,
  SYNERGY_STATUSES,
} from '@synergies/shared';
import type { z } from 'zod';
import { api } from './client';
import type { Page } from './index';

export type { Synergy };
export type SynergyKind = (typeof SYNERGY_KINDS)[number];
export type SynergyStatusName = (typeof SYNERGY_STATUSES)[number];
export type SynergyView = z.infer<typeof SynergyDetail>;
export type SynergyPartyView = z.infer<typeof SynergyParty>;
export type SynergyReasonView = z.infer<typeof SynergyReason>;
export type SynergyImpactView = z.infer<typeof SynergyImpact>;
export type SynergyMoveInput = z.input<typeof SynergyMove>;
export type SynergyCreateInput = z.input<typeof SynergyCreate>;
export type HandOverInput = z.input<typeof HandOver>;
export type ExchangeRecord = z.infer<typeof Exchange>;
export type ImpactTotalsView = z.infer<typeof ImpactTotals>;
export type ImpactFactorView = z.infer<typeof ImpactFactor>;
export type ImpactFactorPatch = z.input<typeof ImpactFactorUpdate>;
export type MatchRunView = z.infer<typeof MatchRun>;
export type NotificationView = z.infer<typeof Notification>;

export interface SynergyListParams {
  zoneId?: string;
  organisationId?: string;
  kind?: SynergyKind;
  status?: SynergyStatusName;
  categoryCode?: string;
  minScore?: number;
  cursor?: string;
  limit?: number;
}

const enc = encodeURIComponent;

export const synergiesApi = {
  list: (query: SynergyListParams) => api.get<Page<Synergy>>('/synergies', { ...query }),
  get: (id: string) => api.get<SynergyView>(`/synergies/${enc(id)}`),
  create: (body: SynergyCreateInput) => api.post<SynergyView>('/synergies', body),
  answer: (id: string, answer: 'accept' | 'decline', reason?: string) =>
    api.post<SynergyView>(`/synergies/${enc(id)}/answer`, { answer, ...(reason ? { reason } : {}) }),
  move: (id: string, body: SynergyMoveInput) => api.post<SynergyView>(`/synergies/${enc(id)}/status`, body),
  message: (id: string, body: string) => api.post<SynergyView>(`/synergies/${enc(id)}/messages`, { body }),
  validate: (ids: string[]) => api.post<{ validated: number }>('/synergies/validate', { ids }),
  /** A member asks for an offer or answers a need from the marketplace. */
  request: (declarationId: string, message: string) => api.post<SynergyView>(`/declarations/${enc(declarationId)}/requests`, { message }),
  reserve: (id: string) => api.post<SynergyView>(`/synergies/${enc(id)}/reserve`),
  handOver: (id: string, body: HandOverInput) => api.post<ExchangeRecord>(`/synergies/${enc(id)}/handover`, body),
  exchange: (id: string) => api.get<ExchangeRecord>(`/exchanges/${enc(id)}`),
};

export const impactsApi = {
  zoneTotals: (zoneId: string) => api.get<ImpactTotalsView>(`/zones/${enc(zoneId)}/impacts`),
  factors: () => api.get<ImpactFactorView[]>('/impact-factors'),
  updateFactor: (code: string, body: ImpactFactorPatch) => api.patch<ImpactFactorView>(`/impact-factors/${enc(code)}`, body),
};

export const notificationsApi = {
  list: () => api.get<NotificationView[]>('/notifications'),
  markRead: () => api.post<void>('/notifications/read'),
};

export const matchingApi = {
  start: (zoneId: string | null) => api.post<MatchRunView>('/matching/runs', { zoneId }),
  get: (id: string) => api.get<MatchRunView>(`/matching/runs/${enc(id)}`),
};
