import { serverMessageSchema, type ServerMessage } from '@synergies/shared';
import WebSocket from 'ws';

export const ORIGIN = 'http://synergies.test';

/** A `ws` client that validates what the server sends and lets a test wait for a message. */
export class TestSocket {
  readonly received: ServerMessage[] = [];
  private waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  closed: Promise<{ code: number }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = serverMessageSchema.parse(JSON.parse(data.toString()));
      this.received.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve({ code })));
  }

  static open(url: string, headers: Record<string, string>): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const socket = new TestSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { statusCode: res.statusCode, body })));
      });
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message (already received or coming) that matches. */
  next<T extends ServerMessage['type']>(
    type: T,
    match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const test = (m: ServerMessage) => m.type === type && match(m as Extract<ServerMessage, { type: T }>);
    const already = this.received.find(test);
    if (already) return Promise.resolve(already as Extract<ServerMessage, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no ${type} message within ${timeoutMs} ms; got ${this.received
                .slice(-5)
                .map((m) => m.type + ('seq' in m ? ` ${m.seq}` : ''))
                .join(', ')}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        match: test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<ServerMessage, { type: T }>);
        },
      });
    });
  }

  /** Subscribes and waits for the reply. */
  async subscribe(room: string, since?: number) {
    const uid = `sub-${Math.random().toString(36).slice(2)}`;
    this.send({ type: 'subscribe', uid, room, ...(since !== undefined ? { since } : {}) });
    return Promise.race([this.next('ok', (m) => m.uid === uid), this.next('error', (m) => m.uid === uid)]);
  }

  /** Sequences of the events received in a room, in arrival order. */
  seqs(room: string): number[] {
    return this.received.flatMap((m) => (m.type === 'event' && m.room === room ? [m.seq] : []));
  }

  async waitForSeq(room: string, seq: number, timeoutMs = 10_000) {
    return this.next('event', (m) => m.room === room && m.seq === seq, timeoutMs);
  }

  close(): void {
    this.ws.close();
  }
}
