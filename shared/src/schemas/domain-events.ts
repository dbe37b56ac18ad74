import { z } from 'zod';
import { SCHEDULE_RUN_STATUSES } from './meetings';
import { workshopEventSchemas } from './workshop-events';

/** A new in-app notification for the user of the room `user:<id>` (the bell). */
export const notificationCreatedEvent = z.object({
  type: z.literal('notification.created'),
  notificationType: z.string(),
  text: z.string(),
  synergyId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});

/** Something on the zone's synergy board changed (`zone:<id>`): the board refetches. */
export const synergyChangedEvent = z.object({
  type: z.literal('synergy.changed'),
  zoneId: z.uuid(),
  /** null when many synergies changed at once (a matching run). */
  synergyId: z.uuid().nullable(),
  reason: z.string().max(60),
});

/** A scheduling run of a business-meeting event moved on (`event:<id>`). */
export const scheduleRunProgressEvent = z.object({
  type: z.literal('schedule_run.progress'),
  eventId: z.uuid(),
  runId: z.uuid(),
  status: z.enum(SCHEDULE_RUN_STATUSES),
  progress: z.number().int().min(0).max(100),
});

/** A full rematch of the zone moved on (`zone:<id>`): the board shows its progress. */
export const matchRunProgressEvent = z.object({
  type: z.literal('match_run.progress'),
  zoneId: z.uuid(),
  runId: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  proposals: z.number().int().min(0),
});

/** The event's setup, requests or published agenda changed (`event:<id>`). */
export const agendaChangedEvent = z.object({
  type: z.literal('agenda.changed'),
  eventId: z.uuid(),
  reason: z.string().max(60),
  scheduleVersion: z.number().int().nullable(),
});

export const domainEventSchema = z.discriminatedUnion('type', [
  notificationCreatedEvent,
  synergyChangedEvent,
  scheduleRunProgressEvent,
  matchRunProgressEvent,
  agendaChangedEvent,
  ...workshopEventSchemas,
]);
export type DomainEvent = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEvent['type'];
