import { schema } from '@synergies/db';
import { and, asc, desc, eq, inArray, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db';
import { dayInYear } from '../../infra/periods';
import { publishEvent, roomName } from '../../infra/realtime/event-store';
import { meetingsHeldAt, meetingsRequestedAt } from '../dashboards/repository';

const { meetingEvents: events, meetingParticipants: participants, meetingRequests: requests, organisations } = schema;

export type EventRow = typeof events.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;
export type ParticipantRow = Omit<typeof participants.$inferSelect, 'eventId'> & { organisationName: string };

/** Reads the event; `lock` serialises the changes of one event (state machine, revision). */
export async function findEvent(db: Db, id: string, lock = false): Promise<EventRow | undefined> {
  const query = db.select().from(events).where(eq(events.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

const eventId = sql`${events}.${sql.identifier('id')}`;

/** The zone's events (of a year, counted as the dashboards count), with the association that runs each one, if any, and their meetings requested and held. */
export function listEvents(db: Db, zoneId: string, withDrafts: boolean, year?: number) {
  return db
    .select({
      event: events,
      associationId: schema.associations.id,
      associationName: schema.associations.name,
      meetingsRequested: meetingsRequestedAt(eventId),
      meetingsHeld: meetingsHeldAt(eventId),
    })
    .from(events)
    .leftJoin(schema.associationEvents, eq(schema.associationEvents.eventId, events.id))
    .leftJoin(schema.associations, eq(schema.associations.id, schema.associationEvents.associationId))
    .where(and(eq(events.zoneId, zoneId), withDrafts ? undefined : ne(events.status, 'draft'), year === undefined ? undefined : dayInYear(events.date, year)))
    .orderBy(desc(events.date), asc(events.name));
}

export async function insertEvent(db: Db, values: typeof events.$inferInsert): Promise<EventRow> {
  const [row] = await db.insert(events).values(values).returning();
  return row!;
}

/** Updates only if `version` is current (undefined otherwise); a setup change is a new revision. */
export async function updateEvent(db: Db, id: string, version: number, values: Partial<typeof events.$inferInsert>, now: Date) {
  const [row] = await db
    .update(events)
    .set({ ...values, updatedAt: now, version: sql`${events.version} + 1`, revision: sql`${events.revision} + 1` })
    .where(and(eq(events.id, id), eq(events.version, version)))
    .returning();
  if (row) await agendaChanged(db, id, 'setup', row.publishedScheduleVersion);
  return row;
}

/** State changes made by the system (runs, publishing) or requests: no version check, the row is locked. */
export async function setEventState(
  db: Db,
  id: string,
  values: Partial<Pick<EventRow, 'status' | 'publishedScheduleVersion'>> & { newRevision?: boolean },
  now: Date,
) {
  const { newRevision, ...state } = values;
  const [row] = await db
    .update(events)
    .set({
      ...state,
      updatedAt: now,
      ...(state.status ? { version: sql`${events.version} + 1` } : {}),
      ...(newRevision ? { revision: sql`${events.revision} + 1` } : {}),
    })
    .where(eq(events.id, id))
    .returning({ publishedScheduleVersion: events.publishedScheduleVersion });
  const reason = state.status ?? (state.publishedScheduleVersion !== undefined ? 'schedule_changed' : newRevision ? 'requests' : 'state');
  if (row) await agendaChanged(db, id, reason, row.publishedScheduleVersion);
}

/** Pages showing the event (facilitators, members' agendas) refetch when told; committed with the change. */
function agendaChanged(db: Db, eventId: string, reason: string, scheduleVersion: number | null) {
  return publishEvent(db, roomName.event(eventId), { type: 'agenda.changed', eventId, reason, scheduleVersion });
}

export function participantsOf(db: Db, eventId: string): Promise<ParticipantRow[]> {
  return db
    .select({
      organisationId: participants.organisationId,
      organisationName: organisations.name,
      representatives: participants.representatives,
      maxMeetings: participants.maxMeetings,
      minMeetings: participants.minMeetings,
      unavailableSlots: participants.unavailableSlots,
    })
    .from(participants)
    .innerJoin(organisations, eq(organisations.id, participants.organisationId))
    .where(eq(participants.eventId, eventId))
    .orderBy(asc(organisations.name));
}

/** Makes the participant list exactly `rows` (removing the others, upserting these). */
export async function replaceParticipants(db: Db, eventId: string, rows: Omit<typeof participants.$inferInsert, 'eventId'>[]) {
  const keep = rows.map((r) => r.organisationId);
  await db.delete(participants).where(and(eq(participants.eventId, eventId), keep.length ? notInArray(participants.organisationId, keep) : undefined));
  if (rows.length === 0) return;
  await db
    .insert(participants)
    .values(rows.map((r) => ({ ...r, eventId })))
    .onConflictDoUpdate({
      target: [participants.eventId, participants.organisationId],
      set: {
        representatives: sql`excluded.representatives`,
        maxMeetings: sql`excluded.max_meetings`,
        minMeetings: sql`excluded.min_meetings`,
        unavailableSlots: sql`excluded.unavailable_slots`,
      },
    });
}

/** The organisations among `ids` that belong to the zone and are not archived. */
export async function zoneOrganisations(db: Db, zoneId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.zoneId, zoneId), eq(organisations.archived, false), inArray(organisations.id, ids)));
}

export async function zoneSynergies(db: Db, zoneId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: schema.synergies.id })
    .from(schema.synergies)
    .where(and(eq(schema.synergies.zoneId, zoneId), inArray(schema.synergies.id, ids)));
  return rows.map((r) => r.id);
}

/** Requests of the event; with `organisationId`, only those that firm is part of. */
export function requestsOf(db: Db, eventId: string, organisationId?: string) {
  const mine = organisationId ? or(eq(requests.organisationA, organisationId), eq(requests.organisationB, organisationId)) : undefined;
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.eventId, eventId), mine))
    .orderBy(asc(requests.createdAt), asc(requests.id));
}

export async function findRequest(db: Db, eventId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.eventId, eventId), eq(requests.id, id)));
  return row;
}

export async function findRequestByPair(db: Db, eventId: string, a: string, b: string): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.eventId, eventId), eq(requests.organisationA, a), eq(requests.organisationB, b)));
  return row;
}

export async function insertRequest(db: Db, values: typeof requests.$inferInsert): Promise<RequestRow> {
  const [row] = await db.insert(requests).values(values).returning();
  return row!;
}

export async function updateRequest(db: Db, id: string, version: number, values: Partial<typeof requests.$inferInsert>, now: Date) {
  const [row] = await db
    .update(requests)
    .set({ ...values, updatedAt: now, version: sql`${requests.version} + 1` })
    .where(and(eq(requests.id, id), eq(requests.version, version)))
    .returning();
  return row;
}

export async function deleteRequest(db: Db, id: string) {
  await db.delete(requests).where(eq(requests.id, id));
}

export function organisationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
}

/** Everyone who speaks for these firms (invited or active), to email them. */
export function membersOf(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .select({ email: schema.users.email, displayName: schema.users.displayName, organisationId: schema.users.organisationId, locale: schema.users.locale })
    .from(schema.users)
    .where(and(inArray(schema.users.organisationId, organisationIds), eq(schema.users.role, 'member')));
}
