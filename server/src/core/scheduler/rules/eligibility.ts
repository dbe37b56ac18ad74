export interface EligibilityInput {
  participants: readonly number[];
  /** Session index the request is restricted to, or -1. */
  session: number;
  /** Slot the request is fixed to, or -1. */
  fixedSlot: number;
}

export interface EligibilityContext {
  sessionOfSlot: readonly number[];
  /** isUnavailable(participant, slot) */
  isUnavailable: (participant: number, slot: number) => boolean;
}

/** Slots where a request may be held: in its session, at its fixed slot, every participant available. */
export function eligibleSlots(request: EligibilityInput, ctx: EligibilityContext): number[] {
  const slots: number[] = [];
  for (let s = 0; s < ctx.sessionOfSlot.length; s++) {
    if (request.session >= 0 && ctx.sessionOfSlot[s] !== request.session) continue;
    if (request.fixedSlot >= 0 && s !== request.fixedSlot) continue;
    if (request.participants.some((p) => ctx.isUnavailable(p, s))) continue;
    slots.push(s);
  }
  return slots;
}

/** The participants who block a slot for a request (for the error message). */
export function blockingParticipants(request: EligibilityInput, slot: number, ctx: EligibilityContext): number[] {
  return request.participants.filter((p) => ctx.isUnavailable(p, slot));
}
