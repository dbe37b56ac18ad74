import { scenario } from '../scenario';
import type { ScheduledMeeting } from '../types';

/** A small scheduled event shared by the renderer tests (summer date: Paris is UTC+2). */
export const fixtureEvent = {
  ...scenario({
    firms: ['acme', 'beta', 'gamma'],
    slots: [2, 1],
    tables: 2,
    meetings: [
      ['acme', 'beta'],
      ['acme', 'gamma'],
    ],
    date: '2026-06-18',
  }),
  name: 'Lyon, synergies; day 1',
};
fixtureEvent.participants[0]!.name = 'Acme, Inc.';
fixtureEvent.requests[0]!.synergyIds = ['syn-7'];

export const fixtureMeetings: ScheduledMeeting[] = [
  { requestId: 'r1', participants: ['acme', 'beta'], slotId: 'm2', tableId: 'T1' },
  { requestId: 'r2', participants: ['acme', 'gamma'], slotId: 'a1', tableId: 'T2' },
];
