import { describe, expect, it } from 'vitest';
import { placementIssues, setupIssues, type Setup } from './setup-rules';
import { breaksOf, orderedPair, toSchedulingRequest } from './scheduling-event';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const setup: Setup = {
  sessions: [
    {
      id: 'morning',
      name: 'Matin',
      slots: [
        { id: 'm1', start: '09:00', durationMinutes: 20 },
        { id: 'm2', start: '09:20', durationMinutes: 20 },
      ],
    },
    { id: 'afternoon', name: '', slots: [{ id: 'a1', start: '14:00', durationMinutes: 30 }] },
  ],
  tables: [{ id: 'T1', name: 'Table 1', reservedFor: null }],
  participants: [
    { organisationId: A, unavailableSlots: ['m1'] },
    { organisationId: B, unavailableSlots: [] },
  ],
};
const request = { id: 'r1', organisationA: A, organisationB: B, session: null, fixedSlot: null };

describe('setup rules', () => {
  it('accept a consistent setup', () => {
    expect(setupIssues(setup, [request])).toEqual([]);
  });

  it('name each reference that points nowhere', () => {
    const broken: Setup = {
      ...setup,
      tables: [{ id: 'T1', name: 'Table 1', reservedFor: '00000000-0000-4000-8000-0000000000ff' }],
      participants: [{ organisationId: A, unavailableSlots: ['x1'] }],
    };
    expect(setupIssues(broken, [request]).map((i) => [i.code, i.path])).toEqual([
      ['unknown_slot', 'body.participants.0.unavailableSlots.0'],
      ['unknown_participant', 'body.tables.0.reservedFor'],
      ['participant_has_requests', 'requests.r1'],
    ]);
  });

  it('keep a fixed slot inside the event and inside the chosen session', () => {
    expect(placementIssues(setup.sessions, { ...request, fixedSlot: 'e1' }, 'body').map((i) => i.code)).toEqual(['unknown_slot']);
    expect(placementIssues(setup.sessions, { ...request, session: 'morning', fixedSlot: 'a1' }, 'body').map((i) => i.code)).toEqual([
      'fixed_slot_outside_session',
    ]);
    expect(placementIssues(setup.sessions, { ...request, session: 'evening' }, 'body').map((i) => i.code)).toEqual(['unknown_session']);
  });
});

describe('translations for the scheduler', () => {
  it('find the lunch break between sessions', () => {
    expect(breaksOf(setup.sessions)).toEqual([{ afterSession: 'morning', start: '09:40', end: '14:00' }]);
  });

  it('turn a stored pair into a request with only the sides that asked', () => {
    expect(orderedPair(B, A)).toEqual([A, B]);
    const row = {
      id: 'r1',
      eventId: 'e',
      organisationA: A,
      organisationB: B,
      priorityA: null,
      priorityB: 3,
      synergyIds: [],
      session: null,
      fixedSlot: 'm2',
      createdBy: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      version: 1,
    };
    expect(toSchedulingRequest(row)).toEqual({
      id: 'r1',
      participants: [A, B],
      requestedBy: [B],
      priority: { [B]: 3 },
      synergyIds: [],
      session: undefined,
      fixedSlot: 'm2',
      after: [],
    });
  });
});
