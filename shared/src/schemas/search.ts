import { z } from 'zod';
import { DeclarationKind, DeclarationStatus, PRICE_MODES } from './declarations';
import { Id, QueryBoolean } from './common';

export const DeclarationSearchQuery = z.object({
  q: z.string().max(200).default(''),
  zoneId: Id.optional(),
  kind: DeclarationKind.optional(),
  categoryCode: z.string().max(80).optional().describe('Matches the category and its sub-categories'),
  status: DeclarationStatus.default('active'),
  hazardous: QueryBoolean.optional(),
  priceMode: z.enum(PRICE_MODES).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  radiusKm: z.coerce.number().positive().max(1000).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type DeclarationSearchQuery = z.infer<typeof DeclarationSearchQuery>;

export const DeclarationHit = z.object({
  id: Id,
  kind: DeclarationKind,
  title: z.string(),
  description: z.string(),
  categoryCode: z.string(),
  wasteCode: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string(),
  frequency: z.string(),
  priceMode: z.string(),
  hazardous: z.boolean(),
  status: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  zoneId: Id,
  city: z.string().nullable(),
  photoUrl: z.string().nullable(),
  distanceKm: z.number().nullable(),
  highlight: z.object({ title: z.string(), description: z.string() }),
});
export type DeclarationHit = z.infer<typeof DeclarationHit>;

export const SearchResult = <T extends z.ZodType>(hit: T) =>
  z.object({
    hits: z.array(hit),
    total: z.number().int(),
    page: z.number().int(),
    totalPages: z.number().int(),
    facets: z.record(z.string(), z.record(z.string(), z.number())),
  });

export const OrganisationSearchQuery = z.object({
  q: z.string().max(200).default(''),
  zoneId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const OrganisationHit = z.object({
  id: Id,
  name: z.string(),
  nafCode: z.string().nullable(),
  headcount: z.number().nullable(),
  zoneId: Id,
  city: z.string().nullable(),
  offers: z.number().int(),
  needs: z.number().int(),
});
