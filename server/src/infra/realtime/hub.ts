import { clientMessageSchema, type CurrentUser, type Problem, type RoomKind, type RoomName, type RoomRole, type ServerMessage } from '@synergies/shared';
import type postgres from 'postgres';
import type { WebSocket } from 'ws';
import { NOTIFY_CHANNEL, readEventsAfter, roomPosition, type StoredEvent } from './event-store';

export type SessionUser = CurrentUser;
export type RealtimeIdentity = { kind: 'user'; user: SessionUser } | { kind: 'display'; token: string };
export type RoomAuthorizer = (identity: RealtimeIdentity, id: string) => Promise<RoomRole | null>;

export interface HubOptions {
  /** More missed events than this on resume: the client gets `reload` instead of a replay. */
  maxReplay: number;
  /** Ping interval; a socket that did not answer the previous ping is terminated. */
  heartbeatMs: number;
  /** A socket with more unsent bytes than this is cut off rather than slowing its rooms. */
  maxBufferedBytes: number;
  /** Told to clients in `bye` on shutdown. */
  resumeAfterMs: number;
  /** Latest events each active room keeps in memory, so that a resume reads nothing from the database. */
  recentPerRoom: number;
  log: { warn: (o: object, m: string) => void; error: (o: object, m: string) => void };
}

export const DEFAULT_HUB_OPTIONS: Omit<HubOptions, 'log'> = {
  maxReplay: 1000,
  heartbeatMs: 20_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  resumeAfterMs: 500,
  recentPerRoom: 256,
};

const PAGE = 500;
const TITLES: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 429: 'Too Many Requests', 500: 'Internal Server Error' };
/** A page follows a handful of rooms; more is a bug or abuse. */
const MAX_ROOMS_PER_CONNECTION = 50;

const eventMessage = (e: StoredEvent): ServerMessage => ({ type: 'event', room: e.room, seq: e.seq, event: e.event });

interface Subscription {
  /** While the missed events are being replayed, live ones wait here. */
  buffer: StoredEvent[] | null;
  lastSent: number;
}

interface Client {
  socket: WebSocket;
  identity: RealtimeIdentity;
  subscriptions: Map<RoomName, Subscription>;
  alive: boolean;
}

interface Delivered {
  seq: number;
  frame: Buffer;
}

interface Room {
  clients: Set<Client>;
  /** Last sequence read from the table and handed to the room's clients. */
  lastDelivered: number;
  /** The events after `recentAfter` up to `lastDelivered`, gapless: resumes within them are served from here. */
  recent: Delivered[];
  recentAfter: number;
  ready: Promise<void>;
  fetching: boolean;
  /** A NOTIFY arrived during a fetch: fetch again. */
  again: boolean;
}

/**
 * The only code that touches sockets. Services publish events with `publishEvent` inside
 * their transaction; PostgreSQL NOTIFY wakes every instance's hub, which reads the room's
 * new rows (seq > last delivered) once and sends them to its subscribers.
 */
export class RealtimeHub {
  private readonly authorizers = new Map<RoomKind, RoomAuthorizer>();
  private readonly rooms = new Map<RoomName, Room>();
  private readonly clients = new Set<Client>();
  private heartbeat: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private closing = false;
  readonly options: HubOptions;
  /** Counters for tests, benchmarks and logs. */
  readonly stats = { slowClientsCut: 0, deadClientsCut: 0, listenerConnects: 0, resumesFromMemory: 0 };

  constructor(
    private readonly sql: postgres.Sql,
    options: Partial<HubOptions> & Pick<HubOptions, 'log'>,
  ) {
    this.options = { ...DEFAULT_HUB_OPTIONS, ...options };
  }

  /** Registers who may join rooms of a kind, and with which role (null: refused). */
  authorizeRoom(kind: RoomKind, authorize: RoomAuthorizer): void {
    if (this.authorizers.has(kind)) throw new Error(`room kind ${kind} already has an authorizer`);
    this.authorizers.set(kind, authorize);
  }

  async start(): Promise<void> {
    // Called on every (re)connection of the listening connection: what was committed while it
    // was down is read again from the table.
    const listener = await this.sql.listen(
      NOTIFY_CHANNEL,
      (payload) => this.onNotify(payload),
      () => this.onListen(),
    );
    this.unlisten = () => listener.unlisten();
    this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Graceful shutdown: every client is told when to come back, then its socket is closed. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    const bye = JSON.stringify({ type: 'bye', resumeAfterMs: this.options.resumeAfterMs } satisfies ServerMessage);
    for (const client of this.clients) {
      if (client.socket.readyState === client.socket.OPEN) {
        client.socket.send(bye);
        client.socket.close(1001, 'server shutting down');
      }
    }
    await this.unlisten?.().catch(() => undefined);
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  /** Takes over an upgraded socket. */
  accept(socket: WebSocket, identity: RealtimeIdentity): void {
    if (this.closing) {
      this.sendTo(socket, { type: 'bye', resumeAfterMs: this.options.resumeAfterMs });
      socket.close(1001, 'server shutting down');
      return;
    }
    const client: Client = { socket, identity, subscriptions: new Map(), alive: true };
    this.clients.add(client);
    socket.on('pong', () => (client.alive = true));
    socket.on('message', (data, isBinary) => void this.onMessage(client, isBinary ? null : data.toString()));
    socket.on('close', () => this.drop(client));
    socket.on('error', () => socket.terminate());
  }

  private drop(client: Client): void {
    this.clients.delete(client);
    for (const room of client.subscriptions.keys()) this.leave(client, room);
  }

  private async onMessage(client: Client, text: string | null): Promise<void> {
    let raw: unknown;
    try {
      raw = text === null ? undefined : JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const uid = typeof raw === 'object' && raw !== null && 'uid' in raw && typeof raw.uid === 'string' && raw.uid.length <= 64 ? raw.uid : undefined;
      this.sendError(client, uid, {
        status: 400,
        code: 'invalid_message',
        detail: "Le message n'est pas valide.",
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
      });
      return;
    }
    const message = parsed.data;
    try {
      switch (message.type) {
        case 'ping':
          this.send(client, { type: 'pong', uid: message.uid });
          return;
        case 'unsubscribe':
          this.leave(client, message.room);
          this.send(client, { type: 'ok', uid: message.uid });
          return;
        case 'subscribe':
          await this.subscribe(client, message.uid, message.room, message.since);
          return;
      }
    } catch (error) {
      this.options.log.error({ err: error }, 'realtime message failed');
      if (message.type === 'subscribe') this.leave(client, message.room);
      this.sendError(client, message.uid, { status: 500, code: 'internal_error', detail: 'Une erreur interne est survenue.' });
    }
  }

  private async subscribe(client: Client, uid: string, room: RoomName, since: number | undefined): Promise<void> {
    if (!client.subscriptions.has(room) && client.subscriptions.size >= MAX_ROOMS_PER_CONNECTION) {
      this.sendError(client, uid, { status: 429, code: 'too_many_rooms', detail: `Au plus ${MAX_ROOMS_PER_CONNECTION} salons par connexion.` });
      return;
    }
    const [kind, id] = room.split(':') as [RoomKind, string];
    const authorize = this.authorizers.get(kind);
    const role = authorize ? await authorize(client.identity, id) : null;
    if (!role) {
      this.sendError(client, uid, { status: 403, code: 'room_forbidden', detail: "Vous n'avez pas accès à ce salon." });
      return;
    }
    if (client.socket.readyState !== client.socket.OPEN) return;
    // Joined first, buffering: every event committed after the position read below reaches the
    // buffer, those before it come from the replay; duplicates are dropped by sequence.
    const sub: Subscription = { buffer: [], lastSent: 0 };
    client.subscriptions.set(room, sub);
    const state = this.join(client, room);
    await state.ready;
    if (client.subscriptions.get(room) !== sub) return; // unsubscribed or resubscribed meanwhile
    if (since !== undefined && (await this.resumeFromMemory(client, sub, state, since))) {
      if (client.subscriptions.get(room) !== sub) return;
      this.send(client, { type: 'ok', uid, role, seq: sub.lastSent });
      this.goLive(client, sub);
      return;
    }
    const { lastSeq, oldestSeq } = await roomPosition(this.sql, room);
    if (client.subscriptions.get(room) !== sub) return;
    sub.lastSent = lastSeq;
    if (since !== undefined && since < lastSeq) {
      const missed = lastSeq - since;
      if (missed > this.options.maxReplay) {
        this.send(client, { type: 'reload', room, reason: 'too_far_behind' });
      } else if (oldestSeq === null || oldestSeq > since + 1) {
        this.send(client, { type: 'reload', room, reason: 'events_pruned' });
      } else {
        for (let after = since; after < lastSeq;) {
          const page = await readEventsAfter(this.sql, room, after, Math.min(PAGE, lastSeq - after));
          if (page.length === 0) break;
          await this.sendReplay(
            client,
            page.filter((e) => e.seq <= lastSeq).map((e) => JSON.stringify(eventMessage(e))),
          );
          after = page[page.length - 1]!.seq;
        }
      }
    } else if (since !== undefined && since > lastSeq) {
      // The client knows of events this database never had (restored backup): start over.
      this.send(client, { type: 'reload', room, reason: 'too_far_behind' });
    }
    if (client.subscriptions.get(room) !== sub) return;
    this.send(client, { type: 'ok', uid, role, seq: lastSeq });
    this.goLive(client, sub);
  }

  /** Ends the replay: the live events that waited are sent, those already replayed are dropped by sequence. */
  private goLive(client: Client, sub: Subscription): void {
    const buffered = sub.buffer ?? [];
    sub.buffer = null;
    for (const e of buffered) this.deliver(client, sub, e);
  }

  /**
   * A resume whose missed events this instance still holds: they are sent from memory, with no
   * read; live events wait in the subscription's buffer meanwhile. False when the events are
   * not all here (the database path then decides: replay, or reload).
   */
  private async resumeFromMemory(client: Client, sub: Subscription, state: Room, since: number): Promise<boolean> {
    if (since < state.recentAfter || since > state.lastDelivered) return false;
    if (state.lastDelivered - since > this.options.maxReplay) return false;
    const first = state.recent.length - (state.lastDelivered - since);
    if (first < state.recent.length && state.recent[first]!.seq !== since + 1) return false;
    // Taken in the same tick as the check: a fetch cannot slip between the two.
    const frames = state.recent.slice(first).map((d) => d.frame);
    sub.lastSent = state.lastDelivered;
    this.stats.resumesFromMemory++;
    await this.sendReplay(client, frames);
    return true;
  }

  private remember(state: Room, delivered: Delivered): void {
    const cap = this.options.recentPerRoom;
    if (cap <= 0) {
      state.recentAfter = delivered.seq;
      return;
    }
    state.recent.push(delivered);
    // Trimmed in batches: one splice per `cap` events rather than a shift per event.
    if (state.recent.length > 2 * cap) {
      state.recent.splice(0, state.recent.length - cap);
      state.recentAfter = state.recent[0]!.seq - 1;
    }
  }

  private join(client: Client, room: RoomName): Room {
    let state = this.rooms.get(room);
    if (!state) {
      const created: Room = {
        clients: new Set(),
        lastDelivered: 0,
        recent: [],
        recentAfter: 0,
        ready: Promise.resolve(),
        fetching: false,
        again: false,
      };
      created.ready = roomPosition(this.sql, room).then(({ lastSeq }) => {
        created.lastDelivered = lastSeq;
        created.recentAfter = lastSeq;
        // NOTIFYs that came while the position was read.
        if (created.again) void this.fetch(room, created);
      });
      state = created;
      this.rooms.set(room, state);
    }
    state.clients.add(client);
    return state;
  }

  private leave(client: Client, room: RoomName): void {
    client.subscriptions.delete(room);
    const state = this.rooms.get(room);
    if (!state) return;
    state.clients.delete(client);
    if (state.clients.size === 0) this.rooms.delete(room);
  }

  private onNotify(payload: string): void {
    const [room, seqText] = payload.split(' ');
    const state = this.rooms.get(room as RoomName);
    if (!state || Number(seqText) <= state.lastDelivered) return;
    void this.fetch(room as RoomName, state);
  }

  private onListen(): void {
    this.stats.listenerConnects++;
    if (this.stats.listenerConnects === 1) return;
    for (const [room, state] of this.rooms) void this.fetch(room, state);
  }

  /** Reads the room's events after the last delivered one and sends them; one read at a time per room. */
  private async fetch(room: RoomName, state: Room): Promise<void> {
    if (state.fetching) {
      state.again = true;
      return;
    }
    state.fetching = true;
    try {
      await state.ready;
      do {
        state.again = false;
        let page: StoredEvent[];
        do {
          page = await readEventsAfter(this.sql, room, state.lastDelivered, PAGE);
          for (const e of page) {
            state.lastDelivered = e.seq;
            // Serialised once for the whole room.
            const frame = Buffer.from(JSON.stringify(eventMessage(e)));
            this.remember(state, { seq: e.seq, frame });
            for (const client of state.clients) {
              const sub = client.subscriptions.get(room);
              if (sub) this.deliver(client, sub, e, frame);
            }
          }
        } while (page.length === PAGE && this.rooms.get(room) === state);
      } while (state.again && this.rooms.get(room) === state);
    } catch (error) {
      this.options.log.warn({ err: error, room }, 'realtime fan-out read failed; retrying');
      setTimeout(() => void this.fetch(room, state), 1000).unref();
    } finally {
      state.fetching = false;
    }
  }

  private deliver(client: Client, sub: Subscription, e: StoredEvent, frame?: Buffer): void {
    if (sub.buffer) {
      sub.buffer.push(e);
      return;
    }
    if (e.seq <= sub.lastSent) return;
    this.sendFrame(client, frame ?? Buffer.from(JSON.stringify(eventMessage(e))));
    sub.lastSent = e.seq;
  }

  /**
   * A replay is bounded (maxReplay), so it bypasses the slow-client limit, but it waits until
   * its frames reach the kernel: the next page, or the live events, then start from an empty buffer.
   */
  private sendReplay(client: Client, frames: (string | Buffer)[]): Promise<void> {
    const { socket } = client;
    return new Promise((resolve) => {
      if (frames.length === 0 || socket.readyState !== socket.OPEN) return resolve();
      frames.forEach((frame, i) => socket.send(frame, { binary: false }, i === frames.length - 1 ? () => resolve() : undefined));
    });
  }

  private sendError(client: Client, uid: string | undefined, p: Omit<Problem, 'type' | 'title'>): void {
    const problem: Problem = { type: `https://synergies.local/problems/${p.code}`, title: TITLES[p.status] ?? 'Error', instance: '/api/v1/realtime', ...p };
    this.send(client, uid === undefined ? { type: 'error', problem } : { type: 'error', uid, problem });
  }

  private send(client: Client, message: ServerMessage): void {
    this.sendFrame(client, JSON.stringify(message));
  }

  private sendFrame(client: Client, frame: string | Buffer): void {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      // It does not read fast enough: cut it off; it reconnects and resumes from its last seq.
      this.stats.slowClientsCut++;
      socket.terminate();
      return;
    }
    socket.send(frame, { binary: false });
  }

  private sendTo(socket: WebSocket, message: ServerMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  private beat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        this.stats.deadClientsCut++;
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }
}
