import { z } from 'zod';
import { isValidSiret, normaliseSiret } from '../siret';
import { Coordinates, FigureYear, Id, Timestamps } from './common';

// Codecs, not transforms: they normalise input and serialise responses unchanged.
export const Siret = z.codec(
  z.string().max(40),
  z.string().refine(isValidSiret, { message: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte' }),
  { decode: normaliseSiret, encode: (s) => s },
);

/** NAF rév. 2 / APE code, e.g. 22.22Z, stored as typed by INSEE (with the dot). */
export const NafCode = z.codec(z.string().max(10), z.string().regex(/^\d{2}\.\d{2}[A-Z]$/, 'Code NAF attendu, par exemple 22.22Z'), {
  decode: (s) => s.trim().toUpperCase(),
  encode: (s) => s,
});

export const WebUrl = z.url({ protocol: /^https?$/, error: 'Adresse web attendue (http:// ou https://)' }).max(300);

export const SiteFields = {
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().max(300).default(''),
  postalCode: z.string().trim().max(10).default(''),
  city: z.string().trim().max(120).default(''),
  ...Coordinates,
};

export const Site = z.object({ id: Id, organisationId: Id, ...SiteFields }).meta({ id: 'Site' });
export type Site = z.infer<typeof Site>;
export const SiteCreate = z.object(SiteFields);
export const SiteUpdate = z.object(SiteFields).partial();

export const OrganisationFields = {
  name: z.string().trim().min(2).max(200),
  siret: Siret,
  nafCode: NafCode.nullable().default(null),
  headcount: z.number().int().min(0).max(1_000_000).nullable().default(null),
  description: z.string().max(4000).default(''),
  // Rendered as a link: only web addresses, never javascript:, data: or other schemes.
  website: WebUrl.nullable().default(null),
  email: z.email().max(254).nullable().default(null),
  phone: z.string().max(40).nullable().default(null),
  associations: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
};

export const Organisation = z
  .object({
    id: Id,
    zoneId: Id,
    ...OrganisationFields,
    sites: z.array(Site),
    archived: z.boolean().describe('Left the zone: listed only among the firms mobilised in a past year'),
    version: z.number().int(),
    ...Timestamps,
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationCreate = z.object({ zoneId: Id, ...OrganisationFields });
export const OrganisationUpdate = z.object(OrganisationFields).partial().extend({ version: z.number().int() });

export const OrganisationListQuery = z
  .object({
    zoneId: Id.optional(),
    q: z.string().max(200).optional().describe('Name contains'),
    mobilisedIn: FigureYear.optional().describe(
      'Firms of the zone that took part in this year (a declaration, a synergy or a meeting event), archived ones included, as the dashboards count; requires zoneId',
    ),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => q.mobilisedIn === undefined || q.zoneId !== undefined, { message: 'Zone requise avec mobilisedIn', path: ['zoneId'] });
