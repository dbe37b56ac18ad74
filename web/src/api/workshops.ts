import type {
  Card,
  CardCreate,
  DayOfChangeResult,
  DisplayToken,
  FirmDemand,
  JoinInfo,
  JoinResult,
  Lead,
  MeetingEvent,
  RoomView,
  Workshop,
  WorkshopCreate,
  WorkshopPhase,
  WorkshopSummary,
  WorkshopSummaryItem,
} from '@synergies/shared';
import type { z } from 'zod';
import { api, request } from './client';

export type WorkshopView = Workshop;
export type WorkshopListItem = z.infer<typeof WorkshopSummaryItem>;
export type WorkshopInput = z.input<typeof WorkshopCreate>;
export type CardView = Card;
export type CardInput = z.input<typeof CardCreate>;
export type LeadView = Lead;
export type FirmDemandView = FirmDemand;
export type RoomViewData = RoomView;
export type WorkshopSummaryView = WorkshopSummary;
export type DisplayTokenView = z.infer<typeof DisplayToken>;
export type JoinInfoView = z.infer<typeof JoinInfo>;

const enc = encodeURIComponent;
const ws = (id: string) => `/workshops/${enc(id)}`;

/** A key per action, kept with it in the offline queue: the server answers a replay with the first response. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

const keyed = <T>(path: string, body: unknown, key: string) => request<T>('POST', path, { body, headers: { 'Idempotency-Key': key } });

export const workshopsApi = {
  list: (zoneId?: string) => api.get<WorkshopListItem[]>('/workshops', { zoneId }),
  get: (id: string) => api.get<WorkshopView>(ws(id)),
  create: (body: WorkshopInput, key = newIdempotencyKey()) => keyed<WorkshopView>('/workshops', body, key),
  update: (id: string, body: { version: number; name?: string; date?: string; place?: string; agenda?: string; eventId?: string | null }) =>
    api.patch<WorkshopView>(ws(id), body),
  invite: (id: string, organisationIds: string[]) => keyed<WorkshopView>(`${ws(id)}/firms`, { organisationIds }, newIdempotencyKey()),
  renewCode: (id: string, organisationId: string) => api.post<WorkshopView>(`${ws(id)}/firms/${enc(organisationId)}/join-code`),
  setPhase: (id: string, phase: WorkshopPhase, version: number) => api.post<WorkshopView>(`${ws(id)}/phase`, { phase, version }),
  setTimer: (id: string, label: string, minutes: number | null, version: number) => api.post<WorkshopView>(`${ws(id)}/timer`, { label, minutes, version }),
  cards: (id: string) => api.get<CardView[]>(`${ws(id)}/cards`),
  addCard: (id: string, body: CardInput, key: string) => keyed<CardView>(`${ws(id)}/cards`, body, key),
  leads: (id: string) => api.get<LeadView[]>(`${ws(id)}/leads`),
  editLead: (id: string, leadId: string, title: string, version: number) => api.patch<LeadView>(`${ws(id)}/leads/${enc(leadId)}`, { title, version }),
  validateLead: (id: string, leadId: string, version: number) => api.post<LeadView>(`${ws(id)}/leads/${enc(leadId)}/validate`, { version }),
  mergeLead: (id: string, leadId: string, version: number, intoId: string, intoVersion: number) =>
    api.post<LeadView>(`${ws(id)}/leads/${enc(leadId)}/merge`, { version, intoId, intoVersion }),
  demand: (id: string) => api.get<FirmDemandView[]>(`${ws(id)}/demand`),
  publish: (id: string, version: number) => api.post<z.infer<typeof MeetingEvent>>(`${ws(id)}/publish`, { version }),
  attendance: (id: string, body: { kind: 'no_show' | 'late_arrival'; organisationId: string; arrivesAt?: string }) =>
    api.post<z.infer<typeof DayOfChangeResult>>(`${ws(id)}/attendance`, body),
  checkIn: (id: string, body: { code?: string; organisationId?: string }) => api.post<{ checkedIn: boolean }>(`${ws(id)}/check-ins`, body),
  displayTokens: (id: string) => api.get<DisplayTokenView[]>(`${ws(id)}/display-tokens`),
  createDisplayToken: (id: string, label: string) => keyed<DisplayTokenView>(`${ws(id)}/display-tokens`, { label }, newIdempotencyKey()),
  revokeDisplayToken: (id: string, tokenId: string) => api.delete(`${ws(id)}/display-tokens/${enc(tokenId)}`),
  room: (id: string, token?: string) => api.get<RoomViewData>(`${ws(id)}/room`, { token }),
  summary: (id: string) => api.get<WorkshopSummaryView>(`${ws(id)}/summary`),
  joinInfo: (code: string) => api.get<JoinInfoView>(`/workshop-joins/${enc(code)}`),
  join: (body: { code: string; displayName?: string; email?: string }) => api.post<z.infer<typeof JoinResult>>('/workshop-joins', body),
  urls: {
    checkInQr: (id: string, token?: string) => `/api/v1${ws(id)}/qr?target=check-in${token ? `&token=${enc(token)}` : ''}`,
    joinQr: (id: string, organisationId: string) => `/api/v1${ws(id)}/qr?target=join&organisationId=${enc(organisationId)}`,
  },
};
