import type {
  Category,
  CurrentUser,
  Declaration,
  DeclarationCreate,
  DeclarationHit,
  DeclarationUpdate,
  ImportSummary,
  InvitationInfo,
  InviteBody,
  Organisation,
  OrganisationCreate,
  OrganisationHit,
  OrganisationUpdate,
  Photo,
  Site,
  SiteCreate,
  SiteUpdate,
  UserSummary,
  WasteCodeEntry,
  Zone,
  ZoneCreate,
  ZoneExchangeInput,
  ZoneUpdate,
} from '@synergies/shared';
import type { z } from 'zod';
import { api, type Query } from './client';

export type { CurrentUser, Declaration, DeclarationHit, ImportSummary, Organisation, Site, UserSummary, WasteCodeEntry, Zone };
export type CategoryEntry = z.infer<typeof Category>;
export type InvitationDetails = z.infer<typeof InvitationInfo>;
export type OrganisationSearchHit = z.infer<typeof OrganisationHit>;
export type PhotoInfo = z.infer<typeof Photo>;
export type DeclarationInput = z.input<typeof DeclarationCreate>;
export type DeclarationPatch = z.input<typeof DeclarationUpdate>;
export type OrganisationInput = z.input<typeof OrganisationCreate>;
export type OrganisationPatch = z.input<typeof OrganisationUpdate>;
export type SiteInput = z.input<typeof SiteCreate>;
export type SitePatch = z.input<typeof SiteUpdate>;
export type InviteInput = z.input<typeof InviteBody>;
export type ZoneInput = z.input<typeof ZoneCreate>;
export type ZonePatch = z.input<typeof ZoneUpdate>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SearchPage<T> {
  hits: T[];
  total: number;
  page: number;
  totalPages: number;
  facets: Record<string, Record<string, number>>;
}

export interface DeclarationSearchParams extends Query {
  q?: string;
  zoneId?: string;
  kind?: string;
  categoryCode?: string;
  priceMode?: string;
  hazardous?: boolean;
  lat?: number;
  lng?: number;
  radiusKm?: number;
  page?: number;
  limit?: number;
}

const enc = encodeURIComponent;

export const authApi = {
  me: () => api.get<CurrentUser>('/auth/me'),
  login: (email: string, password: string) => api.post<CurrentUser>('/auth/login', { email, password }),
  logout: () => api.post<void>('/auth/logout'),
  requestReset: (email: string) => api.post<void>('/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) => api.post<void>('/auth/password-reset/confirm', { token, password }),
  invitation: (token: string) => api.get<InvitationDetails>(`/auth/invitations/${enc(token)}`),
  acceptInvitation: (token: string, password: string, displayName?: string) =>
    api.post<CurrentUser>('/auth/invitations/accept', { token, password, ...(displayName ? { displayName } : {}) }),
};

export const zonesApi = {
  list: () => api.get<Zone[]>('/zones'),
  get: (id: string) => api.get<Zone>(`/zones/${enc(id)}`),
  create: (body: ZoneInput) => api.post<Zone>('/zones', body),
  update: (id: string, body: ZonePatch) => api.patch<Zone>(`/zones/${enc(id)}`, body),
  facilitators: (id: string) => api.get<UserSummary[]>(`/zones/${enc(id)}/facilitators`),
  inviteFacilitator: (id: string, body: InviteInput) => api.post<{ userId: string }>(`/zones/${enc(id)}/facilitators`, body),
  exportUrl: (id: string) => `/api/v1/zones/${enc(id)}/export`,
  export: (id: string) => api.get<ZoneExchangeInput>(`/zones/${enc(id)}/export`),
  import: (doc: unknown) => api.post<ImportSummary>('/zones/import', doc),
};

export const organisationsApi = {
  list: (query: { zoneId?: string; q?: string; cursor?: string; limit?: number }) => api.get<Page<Organisation>>('/organisations', query),
  get: (id: string) => api.get<Organisation>(`/organisations/${enc(id)}`),
  create: (body: OrganisationInput) => api.post<Organisation>('/organisations', body),
  update: (id: string, body: OrganisationPatch) => api.patch<Organisation>(`/organisations/${enc(id)}`, body),
  addSite: (id: string, body: SiteInput) => api.post<Site>(`/organisations/${enc(id)}/sites`, body),
  updateSite: (siteId: string, body: SitePatch) => api.patch<Site>(`/sites/${enc(siteId)}`, body),
  deleteSite: (siteId: string) => api.delete(`/sites/${enc(siteId)}`),
  members: (id: string) => api.get<UserSummary[]>(`/organisations/${enc(id)}/members`),
  invite: (id: string, body: InviteInput) => api.post<{ userId: string }>(`/organisations/${enc(id)}/invitations`, body),
};

export const declarationsApi = {
  list: (query: { zoneId?: string; organisationId?: string; kind?: string; status?: string; categoryCode?: string; cursor?: string; limit?: number }) =>
    api.get<Page<Declaration>>('/declarations', query),
  get: (id: string) => api.get<Declaration>(`/declarations/${enc(id)}`),
  create: (body: DeclarationInput) => api.post<Declaration>('/declarations', body),
  update: (id: string, body: DeclarationPatch) => api.patch<Declaration>(`/declarations/${enc(id)}`, body),
  addPhoto: (id: string, file: File) => api.upload<PhotoInfo>(`/declarations/${enc(id)}/photos`, file),
  deletePhoto: (id: string, photoId: string) => api.delete(`/declarations/${enc(id)}/photos/${enc(photoId)}`),
};

export const searchApi = {
  declarations: (params: DeclarationSearchParams, signal?: AbortSignal) =>
    api.get<SearchPage<DeclarationHit>>('/search/declarations', params, signal),
  organisations: (params: { q?: string; zoneId?: string; limit?: number }) => api.get<OrganisationSearchHit[]>('/search/organisations', params),
};

export const referenceApi = {
  categories: () => api.get<CategoryEntry[]>('/reference/categories'),
  wasteCodes: () => api.get<WasteCodeEntry[]>('/reference/waste-codes'),
};

export * from './synergies';
export * from './meetings';
export * from './bookings';
