import { z } from 'zod';
import { Problem } from './common';
import { domainEventSchema } from './domain-events';

/** The kinds of room; a room name is `<kind>:<uuid>`, each room with its own gapless sequence. */
export const ROOM_KINDS = ['workshop', 'user', 'zone', 'event'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export type RoomName = `${RoomKind}:${string}`;
export const roomNameSchema = z
  .string()
  .max(100)
  .regex(new RegExp(`^(${ROOM_KINDS.join('|')}):${UUID}$`), 'room must be <kind>:<uuid>') as unknown as z.ZodType<RoomName, RoomName>;

/** Correlation id of a request: echoed in its `ok` / `error` / `pong` reply. */
const Uid = z.string().min(1).max(64);
/** Last sequence the client has seen in that room (0: from the beginning). */
const Seq = z.number().int().min(0);

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), uid: Uid, room: roomNameSchema, since: Seq.optional() }),
  z.object({ type: z.literal('unsubscribe'), uid: Uid, room: roomNameSchema }),
  z.object({ type: z.literal('ping'), uid: Uid }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  /** Reply to a subscribe/unsubscribe; `role` is what the subscriber may do in the room. */
  z.object({
    type: z.literal('ok'),
    uid: Uid,
    role: z.enum(['control', 'participant', 'display']).optional(),
    /** Subscribe: the room's last sequence once the replay is sent (resume from it next time). */
    seq: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('error'), uid: Uid.optional(), problem: Problem }),
  z.object({ type: z.literal('event'), room: roomNameSchema, seq: z.number().int().min(1), event: domainEventSchema }),
  /** Too far behind (or events pruned): refetch the room's state by HTTP, then subscribe without `since`. */
  z.object({ type: z.literal('reload'), room: roomNameSchema, reason: z.enum(['too_far_behind', 'events_pruned']) }),
  z.object({ type: z.literal('pong'), uid: Uid }),
  /** The server is shutting down: reconnect after that delay and resume with `since`. */
  z.object({ type: z.literal('bye'), resumeAfterMs: z.number().int().min(0) }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

export type RoomRole = 'control' | 'participant' | 'display';
