import { isWithinCategory } from '@synergies/shared';
import type { ProposalKind } from './types';

/** Capacities rather than materials: what is shared is used, not consumed. */
export const SHARING_CATEGORIES = ['equipment.machine', 'equipment.vehicle', 'logistics.transport', 'space', 'skills'] as const;

export function isSharingCategory(code: string): boolean {
  return SHARING_CATEGORIES.some((root) => isWithinCategory(code, root));
}

/** An offer feeding a need is a substitution, unless what is offered is a capacity. */
export function pairKind(offerCategory: string): ProposalKind {
  let kind = kindByCategory.get(offerCategory);
  if (kind === undefined) kindByCategory.set(offerCategory, (kind = isSharingCategory(offerCategory) ? 'sharing' : 'substitution'));
  return kind;
}

const kindByCategory = new Map<string, ProposalKind>();
