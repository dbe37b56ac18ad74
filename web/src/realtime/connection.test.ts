import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeConnection } from './connection';

/** A WebSocket stand-in the test drives: what the client sent, and server messages on demand. */
class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
}

const ROOM = 'zone:6f1c1c36-2f57-4d39-9d0a-2b1d0c8f9a11' as const;
const event = (seq: number) => ({ type: 'event', room: ROOM, seq, event: { type: 'synergy.changed', zoneId: ROOM.slice(5), synergyId: null, reason: 'test' } });

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('RealtimeConnection', () => {
  it('subscribes, resumes after a drop with the last sequence, and ignores duplicates', async () => {
    const sockets: FakeSocket[] = [];
    const connection = new RealtimeConnection(
      () => 'ws://test/api/v1/realtime',
      () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    );
    const seen: number[] = [];
    const leave = connection.join(ROOM, { onEvent: (_e, seq) => seen.push(seq) });
    expect(connection.status.value).toBe('connecting');
    sockets[0]!.open();
    expect(connection.status.value).toBe('open');
    const subscribe = sockets[0]!.sent[0]!;
    expect(subscribe).toMatchObject({ type: 'subscribe', room: ROOM });
    expect(subscribe).not.toHaveProperty('since');
    sockets[0]!.receive({ type: 'ok', uid: subscribe.uid, seq: 4 });
    sockets[0]!.receive(event(5));
    sockets[0]!.receive(event(5));
    sockets[0]!.receive(event(6));
    expect(seen).toEqual([5, 6]);

    sockets[0]!.close();
    expect(connection.status.value).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]).toMatchObject({ type: 'subscribe', room: ROOM, since: 6 });
    sockets[1]!.receive(event(6));
    sockets[1]!.receive(event(7));
    expect(seen).toEqual([5, 6, 7]);

    leave();
    expect(sockets[1]!.sent.at(-1)).toMatchObject({ type: 'unsubscribe', room: ROOM });
    expect(connection.status.value).toBe('idle');
  });

  it('comes back after the delay a shutting-down server asks for, and reloads when told', async () => {
    const sockets: FakeSocket[] = [];
    const connection = new RealtimeConnection(
      () => 'ws://test',
      () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    );
    const reload = vi.fn();
    connection.join(ROOM, { onReload: reload });
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'ok', uid: sockets[0]!.sent[0]!.uid, seq: 2 });
    sockets[0]!.receive({ type: 'bye', resumeAfterMs: 2000 });
    expect(connection.status.value).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1500);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1100);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]).toMatchObject({ since: 2 });
    sockets[1]!.receive({ type: 'reload', room: ROOM, reason: 'too_far_behind' });
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
