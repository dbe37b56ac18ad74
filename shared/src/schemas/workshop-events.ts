import { z } from 'zod';
import { DeclarationKind } from './declarations';
import { WorkshopCounts } from './workshops';

/**
 * Events of a live workshop, published to `workshop:<id>`. Each has a literal `type` starting
 * `workshop.`; `domain-events.ts` spreads this list into the union of every domain event.
 * Most carry the live counts, so the room screen and the console update without a request.
 */
const base = { workshopId: z.uuid(), at: z.iso.datetime() };

export const workshopPhaseChangedEvent = z.object({
  type: z.literal('workshop.phase_changed'),
  ...base,
  /** A WorkshopPhase; kept a string here so that tools publishing test events need not know the list. */
  phase: z.string().min(1).max(40),
  previous: z.string().min(1).max(40).optional(),
  /** Members' meeting requests are open exactly during the requests phase. */
  requestsOpen: z.boolean().optional(),
});

/** Set-up, invited firms or a firm joining: clients read the workshop again. */
export const workshopChangedEvent = z.object({ type: z.literal('workshop.changed'), ...base, what: z.enum(['setup', 'firms']) });

export const workshopTimerEvent = z.object({ type: z.literal('workshop.timer'), ...base, label: z.string(), endsAt: z.iso.datetime().nullable() });

export const workshopCardAddedEvent = z.object({
  type: z.literal('workshop.card_added'),
  ...base,
  card: z.object({
    declarationId: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    kind: DeclarationKind,
    categoryCode: z.string(),
    title: z.string(),
    quantity: z.number().nullable(),
    unit: z.string(),
    byFacilitator: z.boolean(),
    createdAt: z.iso.datetime(),
  }),
  counts: WorkshopCounts,
});

/** Leads appeared (matching), or a facilitator edited, validated or merged one. */
export const workshopLeadChangedEvent = z.object({
  type: z.literal('workshop.lead_changed'),
  ...base,
  leadId: z.uuid().nullable(),
  action: z.enum(['proposed', 'edited', 'validated', 'merged']),
  intoId: z.uuid().nullable(),
  counts: WorkshopCounts,
});

export const workshopSchedulePublishedEvent = z.object({
  type: z.literal('workshop.schedule_published'),
  ...base,
  eventId: z.uuid(),
  scheduleVersion: z.number().int(),
});

const placement = z.object({ start: z.iso.datetime(), localStart: z.string(), localEnd: z.string(), tableName: z.string() });

/** The day-of repair after a no-show or a late arrival: per affected firm, which meeting moved or was cancelled. */
export const workshopAgendaChangedEvent = z.object({
  type: z.literal('workshop.agenda_changed'),
  ...base,
  eventId: z.uuid(),
  scheduleVersion: z.number().int(),
  reason: z.enum(['no_show', 'late_arrival']),
  organisationId: z.uuid(),
  firms: z.array(
    z.object({
      organisationId: z.uuid(),
      changes: z.array(
        z.object({
          requestId: z.uuid(),
          kind: z.enum(['moved', 'cancelled', 'added']),
          with: z.array(z.string()),
          before: placement.nullable(),
          after: placement.nullable(),
        }),
      ),
    }),
  ),
});

export const workshopCheckedInEvent = z.object({ type: z.literal('workshop.checked_in'), ...base, organisationId: z.uuid(), counts: WorkshopCounts });

export const workshopDisplayRevokedEvent = z.object({ type: z.literal('workshop.display_revoked'), ...base, tokenId: z.uuid() });

export const workshopEventSchemas = [
  workshopPhaseChangedEvent,
  workshopChangedEvent,
  workshopTimerEvent,
  workshopCardAddedEvent,
  workshopLeadChangedEvent,
  workshopSchedulePublishedEvent,
  workshopAgendaChangedEvent,
  workshopCheckedInEvent,
  workshopDisplayRevokedEvent,
] as const;

export type WorkshopEvent = z.infer<(typeof workshopEventSchemas)[number]>;
