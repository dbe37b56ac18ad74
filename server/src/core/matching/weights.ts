import { z } from 'zod';

const share = z.number().min(0).max(10);

/**
 * Tunable settings of one zone. The six signal weights are relative (the score is their
 * weighted mean); the rest are absolute.
 */
export const MatchWeightsSchema = z
  .object({
    text: share.default(0.1),
    category: share.default(0.25),
    wasteCode: share.default(0.2),
    quantity: share.default(0.15),
    distance: share.default(0.2),
    availability: share.default(0.1),
    /**
     * Share of the score that hangs on the evidence that both sides speak of the same
     * material (same waste code, else close codes and words): a category alone says
     * little in broad categories.
     */
    textGate: z.number().min(0).max(1).default(0.6),
    /** Multiplier applied when a hazardous offer meets a need that does not accept it. */
    hazardPenalty: z.number().min(0).max(1).default(0.5),
    /** Added when the two firms also match the other way round. */
    reciprocityBonus: z.number().min(0).max(0.5).default(0.05),
    /** Beyond this distance a pair is not proposed; the distance signal decays to 0 there. */
    maxDistanceKm: z.number().positive().max(20_000).default(50),
    minScore: z.number().min(0).max(1).default(0.5),
  })
  .refine((w) => w.text + w.category + w.wasteCode + w.quantity + w.distance + w.availability > 0, {
    message: 'At least one signal weight must be positive',
  });

export type MatchWeights = z.infer<typeof MatchWeightsSchema>;
/** What a zone stores: any subset, defaults for the rest. */
export type MatchWeightsInput = z.input<typeof MatchWeightsSchema>;

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = Object.freeze(MatchWeightsSchema.parse({}));

/** Zone settings as stored (any subset) → complete, validated weights. */
export function resolveWeights(partial: MatchWeightsInput | undefined): MatchWeights {
  return partial === undefined ? DEFAULT_MATCH_WEIGHTS : MatchWeightsSchema.parse(partial);
}
