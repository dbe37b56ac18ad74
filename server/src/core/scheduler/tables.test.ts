import { describe, expect, it } from 'vitest';
import { compileEvent } from './problem';
import { scenario } from './scenario';
import { assignTables, countTableChanges, improveTableChanges } from './tables';

describe('assignTables', () => {
  it('keeps a participant at its table between consecutive meetings when it can', () => {
    const problem = compileEvent(
      scenario({
        firms: ['a', 'b', 'c'],
        slots: [2],
        tables: 3,
        meetings: [
          ['a', 'b'],
          ['a', 'c'],
        ],
      }),
    );
    const slots = Int32Array.from([0, 1]);
    const { tableOf, unplaced } = assignTables(problem, slots, problem.tableHost);
    expect(unplaced).toEqual([]);
    expect(tableOf[0]).toBe(tableOf[1]);
    expect(countTableChanges(problem, slots, tableOf)).toBe(0);
  });

  it('gives a host its reserved table and never lends it', () => {
    const problem = compileEvent(
      scenario({
        firms: ['h', 'a', 'b', 'c'],
        slots: [1],
        tables: [{ id: 'H', reservedFor: 'h' }, { id: 'T' }],
        meetings: [
          ['a', 'b'],
          ['h', 'c'],
        ],
      }),
    );
    const { tableOf } = assignTables(problem, Int32Array.from([0, 0]), problem.tableHost);
    expect(problem.ids.tables[tableOf[1]!]).toBe('H');
    expect(problem.ids.tables[tableOf[0]!]).toBe('T');
  });

  it('reports a meeting left without a usable table', () => {
    const problem = compileEvent(scenario({ firms: ['h', 'a', 'b', 'c'], slots: [1], tables: [{ id: 'H', reservedFor: 'h' }], meetings: [['a', 'b']] }));
    expect(assignTables(problem, Int32Array.from([0]), problem.tableHost).unplaced).toEqual([0]);
  });

  it('counts a table change when a participant moves', () => {
    const problem = compileEvent(
      scenario({
        firms: ['a', 'b', 'c'],
        slots: [2],
        tables: 2,
        meetings: [
          ['a', 'b'],
          ['a', 'c'],
        ],
      }),
    );
    expect(countTableChanges(problem, Int32Array.from([0, 1]), Int32Array.from([0, 1]))).toBe(1);
  });
});

describe('improveTableChanges', () => {
  it('moves a meeting to the table its participant just used when that saves a change', () => {
    const problem = compileEvent(
      scenario({
        firms: ['a', 'b', 'c', 'd'],
        slots: [2],
        tables: 3,
        meetings: [
          ['a', 'b'],
          ['a', 'c'],
          ['b', 'd'],
        ],
      }),
    );
    const slots = Int32Array.from([0, 1, 1]);
    const tables = Int32Array.from([0, 1, 2]); // a and b both leave table 0
    const before = countTableChanges(problem, slots, tables);
    improveTableChanges(problem, slots, tables);
    expect(countTableChanges(problem, slots, tables)).toBe(before - 1);
    expect(new Set([tables[1], tables[2]]).size).toBe(2);
  });
});
