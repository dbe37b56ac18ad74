import { isHazardousWasteCode } from '@synergies/shared';

/**
 * The hazard rule. An offer is hazardous when its flag is set or its waste code is a
 * hazardous entry (asterisk) of the List of Waste. A need accepts hazardous material
 * when its own flag is set (on a need the flag means "we can take hazardous material")
 * or when it asks for a hazardous code itself. A hazardous offer meeting a need that does
 * not accept it is not dropped — the taker may hold the permit without saying so — but
 * its score is multiplied by `hazardPenalty` and the reason says why.
 */
export function offerIsHazardous(offer: { hazardous: boolean; wasteCode: string | null }): boolean {
  return offer.hazardous || (offer.wasteCode !== null && isHazardousWasteCode(offer.wasteCode));
}

export function needAcceptsHazardous(need: { hazardous: boolean; wasteCode: string | null }): boolean {
  return offerIsHazardous(need);
}
