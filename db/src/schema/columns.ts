import { sql } from 'drizzle-orm';
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Time-ordered (UUID version 7, see migration 0011): new rows append to the indexes rather than land in random pages. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`uuid_v7()`);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
/** Optimistic concurrency: every update checks and increments it. */
export const version = () => integer('version').notNull().default(1);
