import { clientMessageSchema, serverMessageSchema, type ClientMessage, type DomainEvent, type RoomName, type RoomRole } from '@synergies/shared';
import { ref, type Ref } from 'vue';
import { API_BASE } from '../api/client';

export type RealtimeStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface RoomHandlers {
  onEvent?: (event: DomainEvent, seq: number) => void;
  /** Too far behind, or the events were pruned: refetch the room's state by HTTP. */
  onReload?: () => void;
  /** The room is joined (again, after a reconnection): its role and last sequence. */
  onJoined?: (info: { role: RoomRole | undefined; seq: number }) => void;
  onRefused?: (code: string) => void;
}

interface Room {
  /** Last sequence seen: a reconnection resumes after it, and older events are dropped. */
  lastSeq: number | null;
  handlers: Set<RoomHandlers>;
}

const PING_EVERY_MS = 25_000;
const PONG_WITHIN_MS = 10_000;

/**
 * The tab's one WebSocket to the hub, shared by every room the page follows. It reconnects
 * with a jittered back-off, resumes each room after its last sequence, and detects a dead
 * link with its own pings (a phone switching networks keeps a half-open socket for minutes).
 */
export class RealtimeConnection {
  readonly status: Ref<RealtimeStatus> = ref('idle');
  private socket: WebSocket | null = null;
  private readonly rooms = new Map<RoomName, Room>();
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private uid = 0;
  private readonly pendingSubscribes = new Map<string, RoomName>();

  constructor(
    private readonly url: () => string = defaultUrl,
    private readonly createSocket: (url: string) => WebSocket = (url) => new WebSocket(url),
  ) {}

  /** Follows a room until the returned function is called. */
  join(room: RoomName, handlers: RoomHandlers): () => void {
    let state = this.rooms.get(room);
    if (!state) {
      state = { lastSeq: null, handlers: new Set() };
      this.rooms.set(room, state);
      if (this.status.value === 'open') this.subscribe(room, state);
    }
    state.handlers.add(handlers);
    this.ensureOpen();
    return () => {
      const current = this.rooms.get(room);
      if (!current) return;
      current.handlers.delete(handlers);
      if (current.handlers.size > 0) return;
      this.rooms.delete(room);
      this.sendMessage({ type: 'unsubscribe', uid: this.nextUid(), room });
      if (this.rooms.size === 0) this.shutdown();
    };
  }

  private ensureOpen(): void {
    if (this.socket || this.retryTimer) return;
    this.open();
  }

  private open(): void {
    this.retryTimer = undefined;
    this.status.value = this.attempts === 0 ? 'connecting' : 'reconnecting';
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.url());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.status.value = 'open';
      for (const [room, state] of this.rooms) this.subscribe(room, state);
      this.startPings();
    };
    socket.onmessage = (message) => this.onMessage(String(message.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPings();
      if (this.rooms.size > 0) this.scheduleRetry();
      else this.status.value = 'idle';
    };
    socket.onerror = () => socket.close();
  }

  private scheduleRetry(delayMs?: number): void {
    this.status.value = 'reconnecting';
    const backoff = Math.min(15_000, 500 * 2 ** Math.min(this.attempts, 5));
    this.attempts++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delayMs ?? backoff / 2 + Math.random() * (backoff / 2));
  }

  private shutdown(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.stopPings();
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.status.value = 'idle';
    this.attempts = 0;
  }

  private subscribe(room: RoomName, state: Room): void {
    const uid = this.nextUid();
    this.pendingSubscribes.set(uid, room);
    this.sendMessage({ type: 'subscribe', uid, room, ...(state.lastSeq !== null ? { since: state.lastSeq } : {}) });
  }

  private onMessage(text: string): void {
    let parsed;
    try {
      parsed = serverMessageSchema.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const m = parsed.data;
    switch (m.type) {
      case 'event': {
        const state = this.rooms.get(m.room);
        if (!state || (state.lastSeq !== null && m.seq <= state.lastSeq)) return;
        state.lastSeq = m.seq;
        for (const h of state.handlers) h.onEvent?.(m.event, m.seq);
        return;
      }
      case 'ok': {
        const room = this.pendingSubscribes.get(m.uid);
        if (!room) return;
        this.pendingSubscribes.delete(m.uid);
        const state = this.rooms.get(room);
        if (!state) return;
        if (state.lastSeq === null || (m.seq !== undefined && m.seq > state.lastSeq)) state.lastSeq = m.seq ?? 0;
        for (const h of state.handlers) h.onJoined?.({ role: m.role, seq: state.lastSeq });
        return;
      }
      case 'error': {
        const room = m.uid ? this.pendingSubscribes.get(m.uid) : undefined;
        if (!room || !m.uid) return;
        this.pendingSubscribes.delete(m.uid);
        for (const h of this.rooms.get(room)?.handlers ?? []) h.onRefused?.(m.problem.code);
        return;
      }
      case 'reload': {
        const state = this.rooms.get(m.room);
        if (!state) return;
        state.lastSeq = null;
        for (const h of state.handlers) h.onReload?.();
        return;
      }
      case 'pong':
        clearTimeout(this.pongTimer);
        return;
      case 'bye': {
        // The server is restarting: come back after the delay it asks for, and resume.
        const socket = this.socket;
        this.socket = null;
        this.stopPings();
        socket?.close();
        this.attempts = 0;
        this.scheduleRetry(m.resumeAfterMs + Math.random() * 500);
        return;
      }
    }
  }

  private startPings(): void {
    this.stopPings();
    this.pingTimer = setInterval(() => {
      this.sendMessage({ type: 'ping', uid: this.nextUid() });
      clearTimeout(this.pongTimer);
      this.pongTimer = setTimeout(() => this.socket?.close(), PONG_WITHIN_MS);
    }, PING_EVERY_MS);
  }

  private stopPings(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
  }

  private sendMessage(message: ClientMessage): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify(clientMessageSchema.parse(message)));
  }

  private nextUid(): string {
    return `c${++this.uid}`;
  }
}

function defaultUrl(): string {
  const { protocol, host } = window.location;
  const display = new URLSearchParams(window.location.search).get('display');
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${API_BASE}/realtime${display ? `?display=${encodeURIComponent(display)}` : ''}`;
}

let shared: RealtimeConnection | null = null;
/** The tab's connection, created on first use. */
export function realtimeConnection(): RealtimeConnection {
  shared ??= new RealtimeConnection();
  return shared;
}

/** Tests install their own connection (a fake socket). */
export function setRealtimeConnection(connection: RealtimeConnection | null): void {
  shared = connection;
}
