import { z } from 'zod';

/**
 * Events of a live workshop, published to `workshop:<id>`. Each has a literal `type` starting
 * `workshop.`; `domain-events.ts` spreads this list into the union of every domain event.
 */
export const workshopPhaseChangedEvent = z.object({
  type: z.literal('workshop.phase_changed'),
  workshopId: z.uuid(),
  phase: z.string().min(1).max(40),
  at: z.iso.datetime(),
});

export const workshopEventSchemas = [workshopPhaseChangedEvent] as const;
