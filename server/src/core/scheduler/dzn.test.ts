import { describe, expect, it } from 'vitest';
import { DznError, parseDzn } from './dzn';
import { solveSchedule } from './solve';

const small = `% tiny instance
nBusiness = 3;
nMeetings = 2;
nTables = 1;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [|1, 2, 1,
|2, 3, 3,
|];
forbidden = [{0}, {0, 3}, {0}];
fixed = [0, 4];
precedences = [{}, {1}];
`;

describe('parseDzn', () => {
  it('reads sizes, sessions, requests, forbidden slots, fixed meetings and precedences', () => {
    const event = parseDzn(small);
    expect(event.sessions.map((s) => s.slots.map((x) => x.id))).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(event.tables).toHaveLength(1);
    expect(event.participants[1]!.unavailableSlots).toEqual(['3']);
    expect(event.requests[0]).toMatchObject({ participants: ['1', '2'], session: 'morning' });
    expect(event.requests[1]).toMatchObject({ participants: ['2', '3'], fixedSlot: '4', after: ['1'] });
    expect(event.requests[1]!.session).toBeUndefined();
    expect(event.mustScheduleAll).toBe(true);
    expect(event.lunchCountsAsBreak).toBe(true);
  });
  it('holds a meeting after the meetings of its precedences set (prec(m): held before m)', async () => {
    const text = small.replace('fixed = [0, 4];', 'fixed = [0, 0];').replace('precedences = [{}, {1}];', 'precedences = [{2}, {}];');
    const event = parseDzn(text);
    const r = await solveSchedule(event, { timeLimitSeconds: 5 });
    if (r.status !== 'scheduled') throw new Error(r.failure.message);
    const slot = Object.fromEntries(r.meetings.map((m) => [m.requestId, Number(m.slotId)]));
    expect(slot['2']).toBeLessThan(slot['1']!);
  });
  it('rejects a missing size with a clear message', () => {
    expect(() => parseDzn('nBusiness = 2;')).toThrow(/Missing nMeetings/);
  });
  it('rejects a request row count that does not match nMeetings', () => {
    expect(() => parseDzn(small.replace('nMeetings = 2', 'nMeetings = 3'))).toThrow(DznError);
  });
  it('rejects a participant out of range', () => {
    expect(() => parseDzn(small.replace('|2, 3, 3', '|2, 9, 3'))).toThrow(/participant 9/);
  });
});
