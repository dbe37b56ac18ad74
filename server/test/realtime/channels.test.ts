import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishEvent, roomName } from '../../src/infra/realtime/event-store';
import { pruneRealtimeEvents } from '../../src/infra/realtime/retention';
import { createTestContext, type TestContext, type Scenario } from '../context';
import { ORIGIN, TestSocket } from './client';

vi.setConfig({ testTimeout: 60_000 });

let t: TestContext;
let s: Scenario;
let url: string;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
  url = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/api/v1/realtime`.replace('http', 'ws');
});
afterAll(() => t.close());

const connect = (user: { cookie: string }) => TestSocket.open(url, { cookie: user.cookie, origin: ORIGIN });

describe('services publish on the channel instead of being polled', () => {
  it('a marketplace request rings the bell of the owner firm and updates the zone board', async () => {
    const owner = await connect(s.memberA);
    const board = await connect(s.facilitator);
    await owner.subscribe(roomName.user(s.memberA.id));
    await board.subscribe(roomName.zone(s.zoneId));
    const offer = await t.declare(s.memberA, { title: 'Palettes bois à donner', visibility: 'all' });
    const res = await t.call(s.memberB, 'POST', `/declarations/${offer.id}/requests`, { message: 'Nous prendrions vos palettes.' });
    expect(res.statusCode).toBe(201);
    const synergyId = res.json().id as string;
    const bell = await owner.next('event', (m) => m.event.type === 'notification.created');
    expect(bell.event).toMatchObject({ type: 'notification.created', notificationType: 'marketplace_request', synergyId });
    expect(await board.next('event', (m) => m.event.type === 'synergy.changed' && m.event.synergyId === synergyId)).toMatchObject({
      room: roomName.zone(s.zoneId),
    });
    // The bell's HTTP list has the notification the event announced.
    const list = (await t.call(s.memberA, 'GET', '/notifications')).json() as { synergyId: string }[];
    expect(list.some((n) => n.synergyId === synergyId)).toBe(true);

    // A facilitator's validation reaches the board too.
    expect((await t.call(s.facilitator, 'POST', '/synergies/validate', { ids: [synergyId] })).statusCode).toBe(200);
    await board.next('event', (m) => m.event.type === 'synergy.changed' && m.event.reason === 'validated');
    owner.close();
    board.close();
  });

  it('a refused request publishes nothing', async () => {
    const owner = await connect(s.memberA);
    const { seq } = (await owner.subscribe(roomName.user(s.memberA.id))) as { seq: number };
    const own = await t.declare(s.memberA, { title: 'Sciure', visibility: 'all' });
    expect((await t.call(s.memberA, 'POST', `/declarations/${own.id}/requests`, { message: 'Pour nous-mêmes ?' })).statusCode).toBe(422);
    const [row] = await t.ctx.db.$client<{ last_seq: string }[]>`select last_seq from realtime_rooms where room = ${roomName.user(s.memberA.id)}`;
    expect(Number(row?.last_seq ?? 0)).toBe(seq);
    owner.close();
  });
});

describe('retention', () => {
  it('prunes old events but keeps the latest of each room, and a client behind the pruned ones is told to reload', async () => {
    const room = roomName.user(s.memberB.id);
    const first = await t.ctx.db.transaction((tx) =>
      publishEvent(tx, room, { type: 'agenda.changed', eventId: s.zoneId, reason: 'test', scheduleVersion: null }),
    );
    for (let i = 0; i < 4; i++)
      await t.ctx.db.transaction((tx) => publishEvent(tx, room, { type: 'agenda.changed', eventId: s.zoneId, reason: `test-${i}`, scheduleVersion: i }));
    await t.ctx.db.$client`update realtime_events set created_at = now() - interval '10 days' where room = ${room}`;
    const deleted = await pruneRealtimeEvents({ db: t.ctx.db, now: () => new Date() }, { keepHours: 48, keepPerRoom: 2 });
    expect(deleted).toBeGreaterThanOrEqual(3);
    const kept = await t.ctx.db.$client<{ seq: string }[]>`select seq from realtime_events where room = ${room} order by seq`;
    expect(kept.map((r) => Number(r.seq))).toEqual([first + 3, first + 4]);

    const socket = await connect(s.memberB);
    await socket.subscribe(room, first);
    expect(await socket.next('reload')).toEqual({ type: 'reload', room, reason: 'events_pruned' });
    const recent = await connect(s.memberB);
    await recent.subscribe(room, first + 2);
    await recent.waitForSeq(room, first + 4);
    expect(recent.seqs(room)).toEqual([first + 3, first + 4]);
    socket.close();
    recent.close();
  });
});
