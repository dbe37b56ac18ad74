import type { SourceId } from './sources';

/**
 * One piece of public knowledge: firms of the `takers` sectors (NACE codes at 2 to 4
 * digits) consume, treat or use the flows `concepts` (ids of the lexicon). `weight` is
 * how strongly the source vouches for it, on the scale of one implemented documented
 * exchange of the same material (1); the sentences are shown to people as the reason.
 */
export interface TakerRule {
  kind: 'demand' | 'recovery' | 'substitution';
  concepts: readonly string[];
  takers: readonly string[];
  weight: number;
  fr: string;
  en: string;
  source: SourceId;
}

export const rule = (kind: TakerRule['kind']) => (concepts: string[], takers: string[], weight: number, fr: string, en: string, source: SourceId): TakerRule => ({ kind, concepts, takers, weight, fr, en, source });
