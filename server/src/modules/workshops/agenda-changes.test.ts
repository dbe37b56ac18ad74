import { describe, expect, it } from 'vitest';
import { schedulingEventSchema } from '../../core/scheduler';
import { agendaChanges } from './agenda-changes';
import { agendaIcs, cancellationIcs } from '../meetings/ics-updates';

const event = schedulingEventSchema.parse({
  name: 'Rendez-vous',
  date: '2026-10-17',
  sessions: [
    {
      id: 'am',
      slots: [
        { id: 's1', start: '09:00', durationMinutes: 20 },
        { id: 's2', start: '09:20', durationMinutes: 20 },
        { id: 's3', start: '09:40', durationMinutes: 20 },
      ],
    },
  ],
  tables: [
    { id: 'T1', name: 'Table 1' },
    { id: 'T2', name: 'Table 2' },
  ],
  participants: [
    { id: 'a', name: 'Alpha' },
    { id: 'b', name: 'Bêta' },
    { id: 'c', name: 'Gamma' },
  ],
  requests: [
    { id: 'ab', participants: ['a', 'b'], requestedBy: ['a'] },
    { id: 'ac', participants: ['a', 'c'], requestedBy: ['a'] },
    { id: 'bc', participants: ['b', 'c'], requestedBy: ['b'] },
  ],
});
const before = {
  event,
  meetings: [
    { requestId: 'ab', participants: ['a', 'b'], slotId: 's1', tableId: 'T1' },
    { requestId: 'ac', participants: ['a', 'c'], slotId: 's2', tableId: 'T1' },
    { requestId: 'bc', participants: ['b', 'c'], slotId: 's3', tableId: 'T2' },
  ],
};
// C does not come: its meetings go; A's meeting with B moves to the third round.
const after = { event, meetings: [{ requestId: 'ab', participants: ['a', 'b'], slotId: 's3', tableId: 'T2' }] };

describe('agenda changes after a repair', () => {
  it('says per firm which meeting moved and which was cancelled, in time order', () => {
    expect(agendaChanges(before, after, 'a')).toEqual([
      {
        requestId: 'ab',
        kind: 'moved',
        with: ['Bêta'],
        before: expect.objectContaining({ localStart: '09:00', tableName: 'Table 1' }),
        after: expect.objectContaining({ localStart: '09:40', tableName: 'Table 2' }),
      },
      { requestId: 'ac', kind: 'cancelled', with: ['Gamma'], before: expect.objectContaining({ localStart: '09:20' }), after: null },
    ]);
    expect(agendaChanges(before, before, 'a')).toEqual([]);
  });
});

describe('calendar updates', () => {
  const now = new Date('2026-10-17T06:00:00Z');
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

  it('numbers every event with the schedule version', () => {
    const ics = unfold(agendaIcs(event, after.meetings, 'a', 3, now));
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics.match(/SEQUENCE:3/g)).toHaveLength(1);
    expect(ics).toMatch(/UID:ab-a@synergies\r\nSEQUENCE:3\r\nDTSTAMP:/);
  });

  it('sends a dropped meeting as a cancellation with the same UID, and nothing when none was dropped', () => {
    const cancel = unfold(cancellationIcs(before, after, 'a', 3, now)!);
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('UID:ac-a@synergies');
    expect(cancel).toContain('STATUS:CANCELLED');
    expect(cancel).not.toContain('UID:ab-a@synergies');
    expect(cancellationIcs(before, before, 'a', 3, now)).toBeNull();
  });
});
