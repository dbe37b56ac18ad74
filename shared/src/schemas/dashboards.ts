import { z } from 'zod';
import { FigureYear, Id } from './common';
import { SYNERGY_KINDS } from './synergies';

export const DashboardQuery = z.object({ year: FigureYear });

const Impact = z.object({ tonnes: z.number(), euros: z.number(), co2eKg: z.number(), km: z.number() });

/**
 * A zone's figures for one calendar year (Europe/Paris). The funnel counts the synergies
 * proposed that year by the furthest stage each reached, dropped ones included.
 */
export const ZoneDashboard = z
  .object({
    zone: z.object({ id: Id, slug: z.string(), name: z.string() }),
    year: z.number().int(),
    funnel: z.object({
      declarations: z.number().int(),
      proposals: z.number().int(),
      underDiscussion: z.number().int(),
      inStudy: z.number().int(),
      implemented: z.number().int(),
    }),
    synergiesByCategory: z.array(z.object({ category: z.string(), kind: z.enum(SYNERGY_KINDS), count: z.number().int() })),
    meetings: z.object({ requested: z.number().int(), held: z.number().int() }),
    impactsByMonth: z.array(Impact.extend({ month: z.number().int().min(1).max(12) })),
    impactTotals: Impact.extend({ synergies: z.number().int() }),
    firms: z.object({ mobilised: z.number().int(), employees: z.number().int() }),
  })
  .meta({ id: 'ZoneDashboard' });
export type ZoneDashboard = z.infer<typeof ZoneDashboard>;
