import { describe, expect, it } from 'vitest';
import { findPrecedenceCycle, orderWindows, precedenceHolds, type OrderInput } from './precedence';

describe('findPrecedenceCycle', () => {
  it('returns null for a chain', () =>
    expect(
      findPrecedenceCycle(3, [
        [0, 1],
        [1, 2],
      ]),
    ).toBeNull());
  it('finds a cycle and lists its nodes', () => {
    const cycle = findPrecedenceCycle(4, [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
    ]);
    expect(new Set(cycle)).toEqual(new Set([0, 1, 2]));
  });
  it('finds a self-loop', () => expect(findPrecedenceCycle(2, [[1, 1]])).toEqual([1]));
});

describe('precedenceHolds', () => {
  it('requires a strictly earlier slot', () => {
    expect(precedenceHolds(1, 2)).toBe(true);
    expect(precedenceHolds(2, 2)).toBe(false);
  });
  it('holds when either meeting is not scheduled', () => expect(precedenceHolds(-1, 0)).toBe(true));
});

describe('orderWindows', () => {
  /** Meetings given as [participants, allowed slots]; one representative each unless said. */
  const input = (meetings: [number[], number[]][], precedences: [number, number][], reps?: number[]): OrderInput => {
    const nParticipants = Math.max(...meetings.flatMap(([parts]) => parts)) + 1;
    return {
      meetings: meetings.map(([parts, allowed]) => ({ parts, allowed })),
      meetingsOf: Array.from({ length: nParticipants }, (_, p) => meetings.flatMap(([parts], m) => (parts.includes(p) ? [m] : []))),
      reps: reps ?? Array.from({ length: nParticipants }, () => 1),
      precedences,
    };
  };
  const slots = (n: number) => Array.from({ length: n }, (_, s) => s);

  it('puts each meeting after its predecessors and before its successors', () => {
    const windows = orderWindows(
      input(
        [
          [[0, 1], slots(4)],
          [[1, 2], slots(4)],
          [[2, 3], slots(4)],
        ],
        [
          [0, 1],
          [1, 2],
        ],
      ),
    );
    expect(windows).toEqual({ kind: 'windows', earliest: [0, 1, 2], latest: [1, 2, 3] });
  });

  it('moves a meeting out of a span that other meetings of the same firm fill', () => {
    // Firm 0 meets in slots 0–1 twice (both before meeting 3 in slot 2): its third meeting goes to slot 2 or later.
    const windows = orderWindows(
      input(
        [
          [[0, 1], slots(4)],
          [[0, 2], slots(4)],
          [[0, 3], slots(4)],
          [[1, 4], [2]],
        ],
        [
          [0, 3],
          [1, 3],
        ],
      ),
    );
    expect(windows).toMatchObject({ kind: 'windows', earliest: [0, 0, 2, 2], latest: [1, 1, 3, 2] });
  });

  it('leaves a firm with two representatives to share its slots', () => {
    const meetings: [number[], number[]][] = [
      [[0, 1], slots(4)],
      [[0, 2], slots(4)],
      [[0, 3], slots(4)],
      [[1, 4], [2]],
    ];
    const precedences: [number, number][] = [
      [0, 3],
      [1, 3],
    ];
    expect(orderWindows(input(meetings, precedences, [2, 1, 1, 1, 1]))).toMatchObject({ earliest: [0, 0, 0, 2] });
  });

  it('reports a firm with more meetings than slots in the span its order leaves', () => {
    // Meeting 1 comes after meeting 0 (so in slot 1 at the earliest) and before firm 0's meetings 2 and 3 (so in slot 1 at
    // the latest), which then both need slot 2: three meetings of firm 0 for slots 1–2.
    const windows = orderWindows(
      input(
        [
          [
            [1, 2],
            [0, 1],
          ],
          [[0, 1], slots(3)],
          [[0, 3], slots(3)],
          [[0, 4], slots(3)],
        ],
        [
          [0, 1],
          [1, 2],
          [1, 3],
        ],
      ),
    );
    expect(windows).toEqual({ kind: 'crowded_span', participant: 0, from: 1, to: 2, meetings: [1, 2, 3] });
  });

  it('reports a meeting whose chain of predecessors is longer than the day', () => {
    const windows = orderWindows(
      input(
        [
          [[0, 1], slots(2)],
          [[2, 3], slots(2)],
          [[4, 5], slots(2)],
        ],
        [
          [0, 1],
          [1, 2],
        ],
      ),
    );
    expect(windows).toMatchObject({ kind: 'no_slot' });
  });
});
