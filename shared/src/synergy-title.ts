import { z } from 'zod';
import { findCategory } from './reference/categories';

/**
 * What a generated synergy title is made of, so that each reader sees it in their own
 * language: a pooling of one kind of resource, a potential taker of an offer, or a pair.
 */
export const SynergyTitleParts = z.discriminatedUnion('template', [
  z.object({ template: z.literal('pool'), resource: z.enum(['offer', 'need']), categoryCode: z.string(), firms: z.number().int() }),
  z.object({ template: z.literal('potential_taker'), offerTitle: z.string(), takerName: z.string() }),
  z.object({ template: z.literal('pair'), offerTitle: z.string(), takerName: z.string() }),
]);
export type SynergyTitleParts = z.infer<typeof SynergyTitleParts>;

const WORDS = {
  fr: { collect: 'Collecte commune', purchase: 'Achat ou besoin commun', firms: 'entreprises', taker: 'Preneur potentiel', colon: ' : ' },
  en: { collect: 'Joint collection', purchase: 'Joint purchase or need', firms: 'companies', taker: 'Potential taker', colon: ': ' },
} as const;

/** The title in the reader's language. */
export function synergyTitle(parts: SynergyTitleParts, locale: 'fr' | 'en'): string {
  const w = WORDS[locale];
  switch (parts.template) {
    case 'pool': {
      const category = findCategory(parts.categoryCode);
      const label = (locale === 'fr' ? category?.labelFr : category?.labelEn) ?? parts.categoryCode;
      return `${parts.resource === 'offer' ? w.collect : w.purchase}${w.colon}${label} (${parts.firms} ${w.firms})`;
    }
    case 'potential_taker':
      return `${w.taker}${w.colon}${parts.offerTitle} → ${parts.takerName}`;
    case 'pair':
      return `${parts.offerTitle} → ${parts.takerName}`;
  }
}

/** A stored synergy's title for a reader: a generated one in their language, one people wrote as they wrote it. */
export function titleForReader(s: { title: string; titleParts: unknown }, locale: 'fr' | 'en'): string {
  const parts = SynergyTitleParts.safeParse(s.titleParts);
  return parts.success ? synergyTitle(parts.data, locale) : s.title;
}
