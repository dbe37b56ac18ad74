import { describe, expect, it } from 'vitest';
import { participantHasRoom, slotHasRoom } from './capacity';

describe('slotHasRoom', () => {
  const cap = { tables: 3, unreservedTables: 2 };
  it('accepts while tables are free', () => expect(slotHasRoom(2, 1, cap, { hasHost: false })).toBe(true));
  it('refuses when every table is taken', () => expect(slotHasRoom(3, 1, cap, { hasHost: true })).toBe(false));
  it('keeps reserved tables for their host', () => {
    expect(slotHasRoom(2, 2, cap, { hasHost: false })).toBe(false);
    expect(slotHasRoom(2, 2, cap, { hasHost: true })).toBe(true);
  });
});

describe('participantHasRoom', () => {
  it('allows as many meetings at once as representatives', () => {
    expect(participantHasRoom(1, 2)).toBe(true);
    expect(participantHasRoom(1, 1)).toBe(false);
  });
});
