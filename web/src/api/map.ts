import type { FlowMap, MapConfig } from '@synergies/shared';
import { api } from './client';

export type { FlowMap, MapConfig };

export const mapApi = {
  config: () => api.get<MapConfig>('/map/config'),
  flows: (slug: string) => api.get<FlowMap>(`/zones/${encodeURIComponent(slug)}/map`),
};
