/**
 * pnpm schedule <instance.dzn|event.json> [--time-limit SECONDS] [--fairness D] [--json]
 * Schedules a Girona .dzn instance or a Synergies event (JSON) and prints a summary, or with
 * --json one JSON object (assignments use the instance's own participant, slot and table ids).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
// The solver's modules only, not the scheduler's index: its renderers (PDF, XLSX) took 0.7 s more
// to load, time a user waits on top of --time-limit.
import { DznError, parseDzn } from '../core/scheduler/dzn';
import { eventFromJson, type SchedulingEvent } from '../core/scheduler/event-format';
import { solveSchedule } from '../core/scheduler/solve';

function fail(message: string): never {
  process.stderr.write(`schedule: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let file: string | undefined;
  let timeLimit = 10;
  let fairness = 2;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--time-limit' || arg === '--fairness') {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) fail(`${arg} needs a non-negative number`);
      if (arg === '--time-limit') timeLimit = value;
      else fairness = value;
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (file) fail('only one input file');
    else file = arg;
  }
  if (!file) fail('usage: pnpm schedule <instance.dzn|event.json> [--time-limit SECONDS] [--fairness D] [--json]');
  return { file, timeLimit, fairness, json };
}

function readEvent(file: string): SchedulingEvent {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (file.endsWith('.dzn')) {
    try {
      return parseDzn(text, basename(file));
    } catch (error) {
      if (error instanceof DznError) fail(`invalid .dzn file ${file}: ${error.message}`);
      throw error;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`invalid JSON in ${file}: ${(error as Error).message}`);
  }
  const parsed = eventFromJson(json);
  if (!parsed.ok) fail(`invalid event file ${file}:\n${parsed.issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
  return parsed.event;
}

const args = parseArgs(process.argv.slice(2));
const event = readEvent(args.file);
const result = await solveSchedule(event, { timeLimitSeconds: args.timeLimit, fairness: args.fairness });

if (result.status === 'infeasible') {
  // Infeasible only when proven; otherwise the answer is "unknown within the time limit".
  const { proven } = result.failure;
  if (args.json) {
    const answer = {
      instance: basename(args.file),
      status: proven ? 'infeasible' : 'unknown',
      infeasible: proven,
      proven,
      code: result.failure.code,
      reason: result.failure.message,
      details: result.failure.details,
    };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  } else process.stdout.write(`${proven ? 'Infeasible (proven)' : 'Unknown within the time limit'} (${result.failure.code}): ${result.failure.message}\n`);
  process.exit(proven ? 1 : 3);
}

const { stats } = result;
if (args.json) {
  const output = {
    instance: basename(args.file),
    status: 'scheduled',
    infeasible: false,
    all_meetings_held: stats.meetingsScheduled === stats.meetingsRequested,
    lunch_counts_as_break: event.lunchCountsAsBreak,
    meetings_requested: stats.meetingsRequested,
    meetings_scheduled: stats.meetingsScheduled,
    total_breaks: stats.totalBreaks,
    breaks_lower_bound: stats.breaksLowerBound,
    max_break_difference: stats.maxBreakDifference,
    fairness_held: stats.fairnessHeld,
    priority_scheduled: stats.priorityScheduled,
    priority_upper_bound: stats.priorityUpperBound,
    min_meetings_of_requesters: stats.minMeetingsOfRequesters,
    table_changes: stats.tableChanges,
    optimal: stats.optimal,
    proven: stats.optimal,
    method: stats.method,
    seconds: Number(stats.seconds.toFixed(3)),
    assignments: result.meetings.map((m) => ({
      request: m.requestId,
      a: m.participants[0],
      b: m.participants[1],
      participants: m.participants,
      slot: m.slotId,
      table: m.tableId,
    })),
    unscheduled: result.unscheduled,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
} else {
  const lines = [
    `${event.name}: ${stats.meetingsScheduled}/${stats.meetingsRequested} meetings scheduled`,
    `  priority held ${stats.priorityScheduled} (upper bound ${stats.priorityUpperBound}), min meetings of a requester ${stats.minMeetingsOfRequesters}`,
    `  breaks ${stats.totalBreaks} (lower bound ${stats.breaksLowerBound}), max break difference ${stats.maxBreakDifference} (fairness ${stats.fairnessBound}: ${stats.fairnessHeld ? 'held' : 'NOT held'})`,
    `  table changes ${stats.tableChanges}; ${stats.optimal ? 'proven optimal' : 'not proven optimal'} (${stats.method}), ${stats.seconds.toFixed(2)} s`,
  ];
  for (const u of result.unscheduled.slice(0, 20)) lines.push(`  not scheduled: request ${u.requestId} (${u.reason}) ${u.message}`);
  if (result.unscheduled.length > 20) lines.push(`  ... and ${result.unscheduled.length - 20} more not scheduled`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
