import { z } from 'zod';
import { Id, PageQuery } from './common';

/** One accepted change made through the API: who, when, which route, on what. */
export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actor: z.object({ id: Id, displayName: z.string() }).nullable().describe('Null once the account is gone'),
    organisation: z.object({ id: Id, name: z.string() }).nullable(),
    method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
    route: z.string().describe('The route pattern, e.g. /api/v1/declarations/:id'),
    entityId: Id.nullable(),
    status: z.number().int(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  zoneId: Id,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Deleting one's own account is confirmed with the password. */
export const AccountDeletion = z.object({ password: z.string().min(1).max(200) });

/** Everything the platform holds about a person (GDPR art. 15 and 20), as one JSON document. */
export const PersonalData = z
  .object({
    exportedAt: z.iso.datetime(),
    account: z.object({
      id: Id,
      email: z.string(),
      displayName: z.string(),
      role: z.string(),
      locale: z.string(),
      notificationMode: z.string(),
      organisation: z.object({ id: Id, name: z.string() }).nullable(),
      createdAt: z.iso.datetime(),
    }),
    sessions: z.array(z.object({ createdAt: z.iso.datetime(), expiresAt: z.iso.datetime() })),
    notifications: z.array(z.object({ type: z.string(), text: z.string(), createdAt: z.iso.datetime(), readAt: z.iso.datetime().nullable() })),
    synergyMessages: z.array(z.object({ synergyId: Id, body: z.string(), createdAt: z.iso.datetime() })),
    bookingMessages: z.array(z.object({ bookingId: Id, kind: z.string(), body: z.string(), createdAt: z.iso.datetime() })),
    bookingsAttended: z
      .array(z.object({ bookingId: Id, startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }))
      .describe('Booked meetings the person attends for their firm'),
    namedRepresentative: z
      .array(z.object({ bookingId: Id, kind: z.string(), createdAt: z.iso.datetime() }))
      .describe('Proposals, counter-proposals and acceptances that named the person as their firm’s representative'),
    changes: z.array(AuditEntry.omit({ actor: true, organisation: true })).describe('The changes this person made'),
  })
  .meta({ id: 'PersonalData' });
export type PersonalData = z.infer<typeof PersonalData>;
