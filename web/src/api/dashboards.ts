import type { ZoneDashboard } from '@synergies/shared';
import { api } from './client';

export type { ZoneDashboard };

const enc = encodeURIComponent;

export const dashboardsApi = {
  get: (slug: string, year: number) => api.get<ZoneDashboard>(`/zones/${enc(slug)}/dashboards`, { year }),
  /** The annual activity report (PDF) of a zone. */
  reportUrl: (slug: string, year: number) => `/api/v1/zones/${enc(slug)}/reports/${year}.pdf`,
  /** An export of the zone: what is firms, declarations, synergies, meetings or impacts; format csv or xlsx. */
  exportUrl: (slug: string, what: string, format: 'csv' | 'xlsx', year?: number) =>
    `/api/v1/zones/${enc(slug)}/exports/${enc(what)}.${format}${year ? `?year=${year}` : ''}`,
};
