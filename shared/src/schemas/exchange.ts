import { z } from 'zod';
import { Id } from './common';
import { DeclarationCreateFields, windowIsOrdered, windowIssue } from './declarations';
import { OrganisationFields, SiteFields } from './organisations';
import { ZoneFields } from './zones';

/**
 * The zone exchange format: one JSON document holding a zone, its organisations, their
 * sites and declarations. Import is idempotent: organisations are matched by SIRET,
 * zones by id or slug, sites and declarations by their ids when the document has them,
 * else sites by name within their organisation and declarations by kind and title.
 */
export const ZONE_EXCHANGE_FORMAT = 'synergies.zone/v1';

export const ExchangeSite = z.object({ id: Id.optional(), ...SiteFields });

export const ExchangeDeclaration = DeclarationCreateFields.omit({ organisationId: true }).extend({ id: Id.optional() }).refine(windowIsOrdered, windowIssue);
export type ExchangeDeclaration = z.infer<typeof ExchangeDeclaration>;

export const ExchangeOrganisation = z.object({
  id: Id.optional(),
  ...OrganisationFields,
  sites: z.array(ExchangeSite).max(200).default([]),
  declarations: z.array(ExchangeDeclaration).max(5000).default([]),
});
export type ExchangeOrganisation = z.infer<typeof ExchangeOrganisation>;

export const ZoneExchange = z
  .object({
    format: z.literal(ZONE_EXCHANGE_FORMAT),
    exportedAt: z.iso.datetime().optional(),
    zone: z.object({ id: Id.optional(), ...ZoneFields }),
    organisations: z.array(ExchangeOrganisation).max(20_000),
  })
  .superRefine((doc, ctx) => {
    const sirets = new Set<string>();
    doc.organisations.forEach((org, i) => {
      if (sirets.has(org.siret)) {
        ctx.addIssue({ code: 'custom', message: `SIRET ${org.siret} en double`, path: ['organisations', i, 'siret'] });
      }
      sirets.add(org.siret);
      const siteIds = new Set(org.sites.flatMap((s) => (s.id ? [s.id] : [])));
      org.declarations.forEach((d, j) => {
        if (d.siteId && !siteIds.has(d.siteId)) {
          ctx.addIssue({
            code: 'custom',
            message: "Le site de la déclaration n'appartient pas à cette organisation",
            path: ['organisations', i, 'declarations', j, 'siteId'],
          });
        }
      });
    });
  })
  .meta({ id: 'ZoneExchange' });
export type ZoneExchange = z.infer<typeof ZoneExchange>;
export type ZoneExchangeInput = z.input<typeof ZoneExchange>;

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const ImportSummary = z.object({ zoneId: Id, organisations: Counts, sites: Counts, declarations: Counts });
export type ImportSummary = z.infer<typeof ImportSummary>;
