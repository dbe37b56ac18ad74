import { describe, expect, it } from 'vitest';
import { blockingParticipants, eligibleSlots } from './eligibility';

const ctx = { sessionOfSlot: [0, 0, 1, 1], isUnavailable: (p: number, s: number) => p === 1 && s === 0 };

describe('eligibleSlots', () => {
  it('keeps the slots where every participant is available', () => {
    expect(eligibleSlots({ participants: [0, 1], session: -1, fixedSlot: -1 }, ctx)).toEqual([1, 2, 3]);
  });
  it('restricts to the requested session', () => {
    expect(eligibleSlots({ participants: [0, 2], session: 1, fixedSlot: -1 }, ctx)).toEqual([2, 3]);
  });
  it('restricts to the fixed slot, empty when a participant is away', () => {
    expect(eligibleSlots({ participants: [0, 2], session: -1, fixedSlot: 3 }, ctx)).toEqual([3]);
    expect(eligibleSlots({ participants: [0, 1], session: -1, fixedSlot: 0 }, ctx)).toEqual([]);
  });
  it('names who blocks a slot', () => expect(blockingParticipants({ participants: [0, 1], session: -1, fixedSlot: 0 }, 0, ctx)).toEqual([1]));
});
