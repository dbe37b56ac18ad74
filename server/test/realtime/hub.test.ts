import crypto from 'node:crypto';
import type { DomainEvent } from '@synergies/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app';
import { publishEvent, roomName } from '../../src/infra/realtime/event-store';
import { createTestContext, type FastifyInstance, type TestContext, type Scenario } from '../context';
import { ORIGIN, TestSocket } from './client';

vi.setConfig({ testTimeout: 60_000 });

let t: TestContext;
let s: Scenario;
let url: string;
const extraApps: FastifyInstance[] = [];

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
  url = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/api/v1/realtime`.replace('http', 'ws');
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await t.close();
});

/** A second server instance on the same database, as in production behind a load balancer. */
async function anotherInstance(realtime: Parameters<typeof buildApp>[1] extends infer O ? (O extends { realtime?: infer R } ? R : never) : never = {}) {
  const app = await buildApp(t.ctx, { logger: false, realtime });
  extraApps.push(app);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address.replace('http', 'ws')}/api/v1/realtime` };
}

const phase = (n: number): DomainEvent => ({
  type: 'workshop.phase_changed',
  workshopId: crypto.randomUUID(),
  phase: `phase-${n}`,
  at: new Date().toISOString(),
});
const publish = (room: `${string}:${string}`, event: DomainEvent = phase(0)) =>
  t.ctx.db.transaction((tx) => publishEvent(tx, room as ReturnType<typeof roomName.user>, event));
const connect = (user: { cookie: string }, at = url, origin = ORIGIN) => TestSocket.open(at, { cookie: user.cookie, origin });

describe('authentication and Origin', () => {
  it('refuses an upgrade without a session, and one from a foreign origin', async () => {
    await expect(TestSocket.open(url, { origin: ORIGIN })).rejects.toMatchObject({ statusCode: 401 });
    const foreign = await TestSocket.open(url, { cookie: s.memberA.cookie, origin: 'https://evil.example' }).catch(
      (e: { statusCode: number; body: string }) => e,
    );
    expect(foreign).toMatchObject({ statusCode: 403 });
    expect(JSON.parse((foreign as { body: string }).body)).toMatchObject({ code: 'origin_forbidden' });
    await expect(TestSocket.open(url, { cookie: s.memberA.cookie })).rejects.toMatchObject({ statusCode: 403 });
    await expect(TestSocket.open(url, { cookie: 'sid=not-a-session', origin: ORIGIN })).rejects.toMatchObject({ statusCode: 401 });
  });

  it('accepts a member with a session from the app origin', async () => {
    const socket = await connect(s.memberA);
    socket.send({ type: 'ping', uid: 'p1' });
    expect(await socket.next('pong')).toEqual({ type: 'pong', uid: 'p1' });
    socket.close();
  });

  it('lets a display token connect, but it joins no room unless a registered kind accepts it', async () => {
    const screen = await TestSocket.open(`${url}?display=${'x'.repeat(32)}`, { origin: ORIGIN });
    expect(await screen.subscribe(roomName.zone(s.zoneId))).toMatchObject({ type: 'error', problem: { status: 403, code: 'room_forbidden' } });
    screen.close();
  });
});

describe('rooms', () => {
  it('delivers a room only to those allowed in it', async () => {
    const a = await connect(s.memberA);
    const b = await connect(s.memberB);
    expect(await a.subscribe(roomName.user(s.memberB.id))).toMatchObject({ type: 'error', problem: { code: 'room_forbidden' } });
    expect(await a.subscribe(roomName.user(s.memberA.id))).toMatchObject({ type: 'ok', role: 'participant' });
    expect(await b.subscribe(roomName.user(s.memberB.id))).toMatchObject({ type: 'ok' });
    const otherZone = await t.newZone();
    expect(await a.subscribe(roomName.zone(otherZone))).toMatchObject({ type: 'error', problem: { code: 'room_forbidden' } });

    const seqB = await publish(roomName.user(s.memberB.id));
    const seqA = await publish(roomName.user(s.memberA.id));
    await a.waitForSeq(roomName.user(s.memberA.id), seqA);
    await b.waitForSeq(roomName.user(s.memberB.id), seqB);
    await publish(roomName.zone(otherZone));
    // A round trip after the publications: anything leaked would have arrived before the pong.
    a.send({ type: 'ping', uid: 'after' });
    await a.next('pong', (m) => m.uid === 'after');
    expect(a.received.filter((m) => m.type === 'event').map((m) => m.type === 'event' && m.room)).toEqual([roomName.user(s.memberA.id)]);
    a.close();
    b.close();
  });

  it('gives facilitators control of their zone room and members a participant seat', async () => {
    const f = await connect(s.facilitator);
    const a = await connect(s.memberA);
    expect(await f.subscribe(roomName.zone(s.zoneId))).toMatchObject({ type: 'ok', role: 'control' });
    expect(await a.subscribe(roomName.zone(s.zoneId))).toMatchObject({ type: 'ok', role: 'participant' });
    f.close();
    a.close();
  });

  it('numbers events without gaps under parallel publishers and publishes nothing on rollback', async () => {
    const room = roomName.zone(s.zoneId);
    const a = await connect(s.memberA);
    const { seq: start } = (await a.subscribe(room)) as { seq: number };
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await publishEvent(tx, room, phase(-1));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const seqs = await Promise.all(Array.from({ length: 20 }, (_, i) => publish(room, phase(i))));
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
    await a.waitForSeq(room, start + 20);
    expect(a.seqs(room)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
    a.close();
  });
});

describe('resume', () => {
  it('replays exactly what was missed, in order, then live events, without duplicates', async () => {
    const room = roomName.user(s.memberA.id);
    const first = await connect(s.memberA);
    await first.subscribe(room);
    const before = await publish(room);
    await first.waitForSeq(room, before);
    first.close();
    await first.closed;

    const missed = [];
    for (let i = 0; i < 5; i++) missed.push(await publish(room, phase(i)));

    const second = await connect(s.memberA);
    // Events published while the replay runs must come once, after it.
    const during = Promise.all([publish(room, phase(10)), publish(room, phase(11))]);
    const reply = await second.subscribe(room, before);
    const live = await during;
    expect(reply).toMatchObject({ type: 'ok' });
    const last = Math.max(...live);
    await second.waitForSeq(room, last);
    const after = await publish(room, phase(12));
    await second.waitForSeq(room, after);
    expect(second.seqs(room)).toEqual(Array.from({ length: after - before }, (_, i) => before + i + 1));
    expect(second.received.filter((m) => m.type === 'event')[0]).toMatchObject({ event: { type: 'workshop.phase_changed', phase: 'phase-0' } });
    second.close();
  });

  it('serves a resume from the memory of a room still open on the instance, and from the table once it is past that memory', async () => {
    const other = await anotherInstance({ recentPerRoom: 3 });
    const room = roomName.zone(s.zoneId);
    const keeper = await connect(s.memberB, other.url);
    await keeper.subscribe(room);
    const leaver = await connect(s.memberA, other.url);
    const { seq: start } = (await leaver.subscribe(room)) as { seq: number };
    leaver.close();
    await leaver.closed;

    const missed = [await publish(room, phase(1)), await publish(room, phase(2))];
    await keeper.waitForSeq(room, missed[1]!);
    const fromMemory = other.app.realtime.stats.resumesFromMemory;
    const back = await connect(s.memberA, other.url);
    const during = publish(room, phase(3));
    expect(await back.subscribe(room, start)).toMatchObject({ type: 'ok' });
    const live = await during;
    await back.waitForSeq(room, live);
    expect(other.app.realtime.stats.resumesFromMemory).toBe(fromMemory + 1);
    expect(back.seqs(room)).toEqual([...missed, live]);
    expect(back.received.filter((m) => m.type === 'event')[0]).toMatchObject({ event: { phase: 'phase-1' } });
    back.close();
    await back.closed;

    // Seven more: the memory keeps the latest three to six, so this resume reads the table.
    const later = [];
    for (let i = 0; i < 7; i++) later.push(await publish(room, phase(10 + i)));
    await keeper.waitForSeq(room, later[6]!);
    const again = await connect(s.memberA, other.url);
    await again.subscribe(room, live);
    await again.waitForSeq(room, later[6]!);
    expect(other.app.realtime.stats.resumesFromMemory).toBe(fromMemory + 1);
    expect(again.seqs(room)).toEqual(later);
    again.close();
    keeper.close();
  });

  it('tells a client too far behind to reload', async () => {
    const other = await anotherInstance({ maxReplay: 3 });
    const room = roomName.user(s.memberB.id);
    const start = await publish(room);
    for (let i = 0; i < 4; i++) await publish(room);
    const socket = await connect(s.memberB, other.url);
    const reply = await socket.subscribe(room, start);
    expect(reply).toMatchObject({ type: 'ok', seq: start + 4 });
    expect(await socket.next('reload')).toEqual({ type: 'reload', room, reason: 'too_far_behind' });
    expect(socket.seqs(room)).toEqual([]);
    socket.close();
  });
});

describe('several instances', () => {
  it('fans out through PostgreSQL: a change made through one instance reaches clients of both', async () => {
    const other = await anotherInstance();
    const room = roomName.zone(s.zoneId);
    const onFirst = await connect(s.memberA);
    const onSecond = await connect(s.memberB, other.url);
    await onFirst.subscribe(room);
    await onSecond.subscribe(room);
    const seq = await publish(room, phase(42));
    const [x, y] = await Promise.all([onFirst.waitForSeq(room, seq), onSecond.waitForSeq(room, seq)]);
    expect(x.event).toEqual(y.event);
    onFirst.close();
    onSecond.close();
  });

  it('says bye on shutdown, and the client resumes on the other instance without loss', async () => {
    const doomed = await anotherInstance({ resumeAfterMs: 250 });
    const room = roomName.user(s.memberB.id);
    const socket = await connect(s.memberB, doomed.url);
    const { seq } = (await socket.subscribe(room)) as { seq: number };
    await doomed.app.close();
    expect(await socket.next('bye')).toEqual({ type: 'bye', resumeAfterMs: 250 });
    await socket.closed;
    const whileDown = await publish(room);
    const resumed = await connect(s.memberB);
    await resumed.subscribe(room, seq);
    await resumed.waitForSeq(room, whileDown);
    expect(resumed.seqs(room)).toEqual([whileDown]);
    resumed.close();
  });

  it('loses nothing when an instance dies without a word: its clients resume on another', async () => {
    const doomed = await anotherInstance();
    const room = roomName.user(s.memberA.id);
    const socket = await connect(s.memberA, doomed.url);
    await socket.subscribe(room);
    const before = [await publish(room), await publish(room)];
    await socket.waitForSeq(room, before[1]!);
    // As if the process were killed: every TCP connection cut, no close frame, no bye.
    for (const client of doomed.app.websocketServer.clients) client.terminate();
    await socket.closed;
    const whileDown = [await publish(room), await publish(room), await publish(room)];
    const resumed = await connect(s.memberA);
    await resumed.subscribe(room, Math.max(...socket.seqs(room)));
    await resumed.waitForSeq(room, whileDown[2]!);
    expect(socket.seqs(room)).toEqual(before);
    expect(resumed.seqs(room)).toEqual(whileDown);
    resumed.close();
  });
});

describe('bad messages, dead and slow clients', () => {
  it('answers a bad message with an error and keeps the connection', async () => {
    const socket = await connect(s.memberA);
    socket.send('not json');
    expect(await socket.next('error')).toMatchObject({ problem: { status: 400, code: 'invalid_message' } });
    socket.send({ type: 'subscribe', uid: 'bad-room', room: 'kitchen:42' });
    const error = await socket.next('error', (m) => m.uid === 'bad-room');
    expect(error.problem.errors?.[0]?.path).toBe('room');
    socket.send({ type: 'launch', uid: 'u1' });
    expect(await socket.next('error', (m) => m.uid === 'u1')).toMatchObject({ problem: { code: 'invalid_message' } });
    socket.send({ type: 'ping', uid: 'still-here' });
    expect(await socket.next('pong', (m) => m.uid === 'still-here')).toBeTruthy();
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.close();
  });

  it('cuts off a client that does not read, and it resumes without loss', async () => {
    const other = await anotherInstance({ maxBufferedBytes: 64 * 1024 });
    const room = roomName.user(s.memberA.id);
    const slow = await connect(s.memberA, other.url);
    const fast = await connect(s.memberA, other.url);
    const { seq: start } = (await slow.subscribe(room)) as { seq: number };
    await fast.subscribe(room);
    // The slow client stops reading: the server's send buffer grows until the hub gives up on it.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = 'x'.repeat(32 * 1024);
    let last = start;
    for (let i = 0; i < 50 && other.app.realtime.stats.slowClientsCut === 0; i++) {
      last = await t.ctx.db.transaction(async (tx) => {
        let seq = 0;
        for (let j = 0; j < 10; j++)
          seq = await publishEvent(tx, room, {
            type: 'notification.created',
            notificationType: 'test',
            text: big,
            synergyId: null,
            createdAt: new Date().toISOString(),
          });
        return seq;
      });
      await fast.waitForSeq(room, last, 20_000);
    }
    expect(other.app.realtime.stats.slowClientsCut).toBe(1);
    // The fast client of the same room got everything, in order.
    expect(fast.seqs(room)).toEqual(Array.from({ length: last - start }, (_, i) => start + i + 1));
    const back = await connect(s.memberA, other.url);
    await back.subscribe(room, start);
    await back.waitForSeq(room, last, 20_000);
    expect(back.seqs(room)).toEqual(Array.from({ length: last - start }, (_, i) => start + i + 1));
    back.close();
    fast.close();
  });

  it('terminates a connection that stops answering heartbeats', async () => {
    const other = await anotherInstance({ heartbeatMs: 200 });
    const socket = await connect(s.memberA, other.url);
    expect(other.app.realtime.connectionCount).toBe(1);
    (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const deadline = Date.now() + 10_000;
    while (other.app.realtime.connectionCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(other.app.realtime.connectionCount).toBe(0);
    expect(other.app.realtime.stats.deadClientsCut).toBe(1);
  });
});
