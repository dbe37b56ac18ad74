import { domainEventSchema, type DomainEvent, type RoomName } from '@synergies/shared';
import { sql as drizzleSql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Executor } from '../db';

export const NOTIFY_CHANNEL = 'realtime';

export const roomName = {
  workshop: (id: string): RoomName => `workshop:${id}`,
  user: (id: string): RoomName => `user:${id}`,
  zone: (id: string): RoomName => `zone:${id}`,
  event: (id: string): RoomName => `event:${id}`,
};

/** A drizzle executor (transaction or database) or a postgres.js one, as the modules use both. */
export type PublishExecutor = Executor | postgres.Sql | postgres.TransactionSql;

/**
 * Stores an event in its room with the next sequence number and notifies every server
 * instance, inside the caller's transaction: a rolled-back change publishes nothing, and the
 * room's row lock keeps the sequence gapless and in commit order. Returns the sequence.
 */
export async function publishEvent(tx: PublishExecutor, room: RoomName, event: DomainEvent): Promise<number> {
  const parsed = domainEventSchema.parse(event);
  const { type, ...payload } = parsed;
  if (typeof tx === 'function') {
    const [row] = await tx<{ seq: string }[]>`
      with next as (
        insert into realtime_rooms (room, last_seq) values (${room}, 1)
        on conflict (room) do update set last_seq = realtime_rooms.last_seq + 1
        returning last_seq
      ), stored as (
        insert into realtime_events (room, seq, type, payload)
        select ${room}, last_seq, ${type}, ${JSON.stringify(payload)}::jsonb from next
        returning seq
      )
      select seq::text as seq, pg_notify(${NOTIFY_CHANNEL}, ${room} || ' ' || seq) from stored`;
    return Number(row!.seq);
  }
  const rows = await tx.execute<{ seq: string }>(drizzleSql`
    with next as (
      insert into realtime_rooms (room, last_seq) values (${room}, 1)
      on conflict (room) do update set last_seq = realtime_rooms.last_seq + 1
      returning last_seq
    ), stored as (
      insert into realtime_events (room, seq, type, payload)
      select ${room}, last_seq, ${type}, ${JSON.stringify(payload)}::jsonb from next
      returning seq
    )
    select seq::text as seq, pg_notify(${NOTIFY_CHANNEL}, ${room} || ' ' || seq) from stored`);
  return Number(rows[0]!.seq);
}

export interface StoredEvent {
  room: RoomName;
  seq: number;
  event: DomainEvent;
}

interface EventRow {
  room: string;
  seq: string;
  type: string;
  payload: Record<string, unknown>;
}

const toStored = (r: EventRow): StoredEvent => ({ room: r.room as RoomName, seq: Number(r.seq), event: { ...r.payload, type: r.type } as DomainEvent });

/** Events of a room after `afterSeq`, in order, at most `limit`. */
export async function readEventsAfter(sql: postgres.Sql, room: RoomName, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await sql<EventRow[]>`
    select room, seq::text as seq, type, payload from realtime_events
    where room = ${room} and seq > ${afterSeq} order by realtime_events.seq limit ${limit}`;
  return rows.map(toStored);
}

/** The room's last sequence (0 when nothing was ever published) and its oldest stored one. */
export async function roomPosition(sql: postgres.Sql, room: RoomName): Promise<{ lastSeq: number; oldestSeq: number | null }> {
  const [row] = await sql<{ last_seq: string | null; oldest: string | null }[]>`
    select (select last_seq::text from realtime_rooms where room = ${room}) as last_seq,
           (select min(seq)::text from realtime_events where room = ${room}) as oldest`;
  return { lastSeq: Number(row?.last_seq ?? 0), oldestSeq: row?.oldest == null ? null : Number(row.oldest) };
}

/**
 * Deletes events older than `olderThan`, always keeping the latest `keepPerRoom` of each room
 * so that a client a little behind can still resume. Returns the number deleted.
 */
export async function pruneEvents(sql: postgres.Sql, olderThan: Date, keepPerRoom: number): Promise<number> {
  const result = await sql`
    delete from realtime_events e using realtime_rooms r
    where e.room = r.room and e.created_at < ${olderThan.toISOString()} and e.seq <= r.last_seq - ${keepPerRoom}`;
  return result.count;
}
