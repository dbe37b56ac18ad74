import { z } from 'zod';
import { Id } from './common';

export const MapConfig = z.object({ mapTilesUrl: z.string().nullable() }).meta({ id: 'MapConfig' });
export type MapConfig = z.infer<typeof MapConfig>;

const Ring = z.array(z.tuple([z.number(), z.number()]));
const PolygonFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ name: z.string() }),
  geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
});

export const FlowMap = z
  .object({
    zone: z.object({ id: Id, slug: z.string(), name: z.string() }),
    outline: PolygonFeature,
    communes: z.object({ type: z.literal('FeatureCollection'), features: z.array(PolygonFeature) }),
    firms: z.array(
      z.object({
        id: Id,
        name: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        offers: z.number().int(),
        needs: z.number().int(),
        categories: z.array(z.string()),
      }),
    ),
    flows: z.array(
      z.object({
        id: Id,
        title: z.string(),
        kind: z.string(),
        status: z.string(),
        category: z.string().nullable(),
        tonnesPerYear: z.number().nullable(),
        coordinates: Ring.describe('[longitude, latitude] of each firm, giver first'),
      }),
    ),
  })
  .meta({ id: 'FlowMap' });
export type FlowMap = z.infer<typeof FlowMap>;
