import type {
  AccountPreferences,
  SessionState,
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
  OrganisationUpdate,
  Photo,
  Site,
  SiteCreate,
  SiteUpdate,
  UserSummary,
  Zone,
  ZoneCreate,
  ZoneExchangeInput,
  ZoneUpdate,
} from '@synergies/shared';
import { routes, type RouteQuery, type RouteResponse } from '@synergies/shared/routes';
import type { z } from 'zod';
import { api, callRoute } from './client';

export type { CurrentUser, Declaration, DeclarationHit, ImportSummary, Organisation, Site, UserSummary, Zone };
export type InvitationDetails = z.infer<typeof InvitationInfo>;
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

export type DeclarationSearchParams = RouteQuery<typeof routes.searchDeclarations>;
export type DeclarationSearchPage = RouteResponse<typeof routes.searchDeclarations>;

const enc = encodeURIComponent;

export const authApi = {
  session: () => api.get<SessionState>('/auth/session'),
  savePreferences: (body: AccountPreferences) => api.patch<CurrentUser>('/auth/me', body),
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
  list: (query: RouteQuery<typeof routes.listOrganisations>) => callRoute(routes.listOrganisations, { query }),
  /** Every firm of a zone, page after page, by name. */
  async all(zoneId: string): Promise<Organisation[]> {
    const out: Organisation[] = [];
    let cursor: string | undefined;
    do {
      const page = await callRoute(routes.listOrganisations, { query: { zoneId, limit: 100, cursor } });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  },
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
  list: (query: RouteQuery<typeof routes.listDeclarations>) => callRoute(routes.listDeclarations, { query }),
  get: (id: string) => api.get<Declaration>(`/declarations/${enc(id)}`),
  create: (body: DeclarationInput) => api.post<Declaration>('/declarations', body),
  update: (id: string, body: DeclarationPatch) => api.patch<Declaration>(`/declarations/${enc(id)}`, body),
  addPhoto: (id: string, file: File) => api.upload<PhotoInfo>(`/declarations/${enc(id)}/photos`, file),
  deletePhoto: (id: string, photoId: string) => api.delete(`/declarations/${enc(id)}/photos/${enc(photoId)}`),
};

export const searchApi = {
  declarations: (query: DeclarationSearchParams, signal?: AbortSignal) => callRoute(routes.searchDeclarations, { query }, signal),
  organisations: (query: RouteQuery<typeof routes.searchOrganisations>) => callRoute(routes.searchOrganisations, { query }),
};

export * from './synergies';
export * from './meetings';
export * from './workshops';
export * from './bookings';
