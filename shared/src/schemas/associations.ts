import { z } from 'zod';
import { Id } from './common';
import { DECLARATION_KINDS } from './declarations';
import { SYNERGY_STATUSES } from './synergies';

export const Association = z
  .object({
    id: Id,
    zoneId: Id,
    name: z.string(),
    description: z.string(),
    premises: z.string(),
    logoUrl: z.string().nullable(),
    members: z.array(z.object({ id: Id, name: z.string() })),
    organisers: z.array(z.object({ id: Id, displayName: z.string(), email: z.string() })),
    /** The caller may edit it (zone facilitator or organiser). */
    canManage: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Association' });
export type Association = z.infer<typeof Association>;

export const AssociationListQuery = z.object({ zoneId: Id.optional() });
export const AssociationCreate = z.object({
  zoneId: Id,
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).default(''),
  premises: z.string().trim().max(300).default(''),
  memberIds: z.array(Id).max(1000).default([]),
});
export const AssociationUpdate = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  description: z.string().trim().max(2000).optional(),
  premises: z.string().trim().max(300).optional(),
  memberIds: z.array(Id).max(1000).optional(),
  version: z.number().int(),
});
export const OrganiserAdd = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
});
export const OrganiserParams = z.object({ id: Id, userId: Id });

export const DirectoryQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(DECLARATION_KINDS).optional().describe('Only firms with open offers (or needs)'),
  categoryCode: z.string().max(80).optional(),
  withSynergies: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only firms we share a synergy with'),
});
const Fiche = z.object({ id: Id, title: z.string(), categoryCode: z.string() });
export const DirectoryEntry = z.object({
  organisation: z.object({ id: Id, name: z.string(), description: z.string(), nafCode: z.string().nullable(), city: z.string() }),
  offers: z.array(Fiche),
  needs: z.array(Fiche),
  synergies: z.array(z.object({ id: Id, title: z.string(), status: z.enum(SYNERGY_STATUSES) })),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;
