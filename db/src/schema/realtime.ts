import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per room: its last sequence number, bumped inside the publishing transaction (gapless). */
export const realtimeRooms = pgTable('realtime_rooms', {
  room: text('room').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

/**
 * Every event published to a room, stored with the change it reports. Clients that reconnect
 * read what they missed from here; NOTIFY only says "room R has seq N".
 */
export const realtimeEvents = pgTable(
  'realtime_events',
  {
    room: text('room').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.room, t.seq] }), index('realtime_events_created_idx').on(t.createdAt)],
);
