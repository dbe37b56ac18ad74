import { describe, expect, it } from 'vitest';
import { eventFromJson } from './event-format';

const valid = {
  date: '2026-03-12',
  sessions: [{ id: 'morning', slots: [{ id: 'm1', start: '09:00', durationMinutes: 20 }] }],
  tables: [{ id: 'T1' }],
  participants: [{ id: 'a' }, { id: 'b', representatives: 2 }],
  requests: [{ id: 'r1', participants: ['a', 'b'], requestedBy: ['a'] }],
};

describe('eventFromJson', () => {
  it('fills defaults', () => {
    const r = eventFromJson(valid);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.event.timeZone).toBe('Europe/Paris');
      expect(r.event.participants[0]!.representatives).toBe(1);
      expect(r.event.requests[0]!.after).toEqual([]);
    }
  });
  it('reports issues with their path', () => {
    const r = eventFromJson({ ...valid, sessions: [{ id: 'm', slots: [{ id: 'm1', start: '9h', durationMinutes: 20 }] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('sessions.0.slots.0.start');
  });
});
