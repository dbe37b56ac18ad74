import { Cadical } from 'cadical-wasm';
import { describe, expect, it } from 'vitest';
import { compileEvent } from '../problem';
import { scenario } from '../scenario';
import { Cnf } from './cnf';
import { capBusyBySeats, MAX_TABLE_COUNTER_VARIABLES, seatsPerSlot } from './seats';

async function withCnf(use: (cnf: Cnf, solver: Cadical) => void): Promise<void> {
  const solver = await Cadical.create({ quiet: true });
  try {
    use(new Cnf(solver), solver);
  } finally {
    solver.dispose();
  }
}

describe('seatsPerSlot: participants that one slot can seat', () => {
  it('is two per table for one-to-one meetings, and as many as the largest meeting has where some are groups', () => {
    const event = (second: string[]) =>
      scenario({
        firms: ['a', 'b', 'c', 'd'],
        slots: [2],
        tables: 3,
        meetings: [['a', 'b'], { id: 'second', participants: second, requestedBy: [second[0]!] }],
        mustScheduleAll: true,
      });
    const pairs = compileEvent(event(['c', 'd']));
    expect(seatsPerSlot(pairs, [0, 1])).toBe(6);
    const group = compileEvent(event(['a', 'c', 'd']));
    expect(seatsPerSlot(group, [0, 1])).toBe(9);
    // Only the meetings asked about count: without the group, pairs again.
    expect(seatsPerSlot(group, [0])).toBe(6);
  });
});

describe('capBusyBySeats: at most `seats` participants busy in each slot', () => {
  it('refuses one busy participant more than the seats in any slot, and nothing within them', async () => {
    await withCnf((cnf, solver) => {
      const slots = [0, 1].map(() => Array.from({ length: 5 }, () => cnf.newVar()));
      capBusyBySeats(cnf, slots, 2);
      for (const busy of slots) {
        expect(solver.solve({ assumptions: busy.slice(0, 2) })).toBe('satisfiable');
        expect(solver.solve({ assumptions: busy.slice(0, 3) })).toBe('unsatisfiable');
      }
      // Two busy in each slot at once: the slots are counted apart.
      expect(solver.solve({ assumptions: [...slots[0]!.slice(0, 2), ...slots[1]!.slice(3)] })).toBe('satisfiable');
    });
  });

  it('adds nothing where its counters would be larger than the tables’ limit, as it is redundant', async () => {
    await withCnf((cnf, solver) => {
      const seats = 1_000;
      const busy = Array.from({ length: Math.floor(MAX_TABLE_COUNTER_VARIABLES / seats) + 1 }, () => cnf.newVar());
      capBusyBySeats(cnf, [busy], seats);
      expect(solver.solve({ assumptions: busy })).toBe('satisfiable');
    });
  });
});
