import type { SchedulingEvent } from './event-format';
import { clockTime } from '@synergies/shared';

/**
 * Reader for the Girona B2B instances (MiniZinc .dzn, Bofill et al., JAIR 2022): nBusiness,
 * nMeetings, nTables, nTotalSlots, nMorningSlots, requested = [| a, b, session | ...] (session
 * 1 morning, 2 afternoon, 3 either), and optionally forbidden (per participant, slot sets with a
 * dummy 0), fixed (per meeting, 0 = free) and precedences (per meeting, its predecessors).
 * Participants, slots and requests keep the instance's 1-based numbers as ids. Times are synthetic
 * (the format has none): 20-minute slots from 09:00 and, after lunch, from 14:00.
 */
export class DznError extends Error {
  override name = 'DznError';
}

function stripComments(text: string): string {
  return text.replace(/%[^\n]*/g, '');
}

function readAssignments(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const statement of stripComments(text).split(';')) {
    const eq = statement.indexOf('=');
    if (eq < 0) continue;
    const name = statement.slice(0, eq).trim();
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new DznError(`Cannot read the statement "${statement.trim().slice(0, 40)}"`);
    map.set(name, statement.slice(eq + 1).trim());
  }
  return map;
}

function readInt(values: Map<string, string>, name: string): number {
  const raw = values.get(name);
  if (raw === undefined) throw new DznError(`Missing ${name}`);
  if (!/^-?\d+$/.test(raw)) throw new DznError(`${name} must be an integer, got "${raw.slice(0, 20)}"`);
  return Number(raw);
}

const ints = (raw: string): number[] => (raw.match(/-?\d+/g) ?? []).map(Number);

/** Array of sets, e.g. [{0,3},{0}]; missing arrays are empty. */
function readSets(values: Map<string, string>, name: string): number[][] | null {
  const raw = values.get(name);
  if (raw === undefined) return null;
  return [...raw.matchAll(/\{([^}]*)\}/g)].map((m) => ints(m[1] ?? ''));
}

export function parseDzn(text: string, name = 'Girona instance'): SchedulingEvent {
  const values = readAssignments(text);
  const nBusiness = readInt(values, 'nBusiness');
  const nMeetings = readInt(values, 'nMeetings');
  const nTables = readInt(values, 'nTables');
  const nTotalSlots = readInt(values, 'nTotalSlots');
  const nMorningSlots = readInt(values, 'nMorningSlots');
  if (nBusiness < 1 || nTables < 1 || nTotalSlots < 1 || nMorningSlots < 0 || nMorningSlots > nTotalSlots) {
    throw new DznError('Sizes out of range (need nBusiness, nTables, nTotalSlots >= 1 and 0 <= nMorningSlots <= nTotalSlots)');
  }
  const requested = ints(values.get('requested') ?? '');
  if (requested.length !== 3 * nMeetings) throw new DznError(`requested has ${requested.length / 3} rows, nMeetings is ${nMeetings}`);
  const forbidden = readSets(values, 'forbidden');
  if (forbidden && forbidden.length !== nBusiness) throw new DznError(`forbidden has ${forbidden.length} sets, nBusiness is ${nBusiness}`);
  const fixedRaw = values.get('fixed');
  const fixed = fixedRaw === undefined ? null : ints(fixedRaw);
  if (fixed && fixed.length !== nMeetings) throw new DznError(`fixed has ${fixed.length} values, nMeetings is ${nMeetings}`);
  const precedences = readSets(values, 'precedences');
  if (precedences && precedences.length !== nMeetings) throw new DznError(`precedences has ${precedences.length} sets, nMeetings is ${nMeetings}`);

  const slot = (s: number) => String(s);
  const checkSlot = (s: number, where: string) => {
    if (s < 1 || s > nTotalSlots) throw new DznError(`${where}: slot ${s} outside 1..${nTotalSlots}`);
  };
  const sessions: SchedulingEvent['sessions'] = [];
  const morning = Array.from({ length: nMorningSlots }, (_, i) => ({ id: slot(i + 1), start: clockTime(9 * 60 + 20 * i), durationMinutes: 20 }));
  const afternoon = Array.from({ length: nTotalSlots - nMorningSlots }, (_, i) => ({
    id: slot(nMorningSlots + i + 1),
    start: clockTime(14 * 60 + 20 * i),
    durationMinutes: 20,
  }));
  if (morning.length > 0) sessions.push({ id: 'morning', name: 'Morning', slots: morning });
  if (afternoon.length > 0) sessions.push({ id: 'afternoon', name: 'Afternoon', slots: afternoon });

  const participants = Array.from({ length: nBusiness }, (_, i) => {
    const slots = (forbidden?.[i] ?? []).filter((s) => s > 0);
    slots.forEach((s) => checkSlot(s, `forbidden of participant ${i + 1}`));
    return { id: String(i + 1), representatives: 1, unavailableSlots: slots.map(slot) };
  });
  const requests: SchedulingEvent['requests'] = [];
  for (let m = 0; m < nMeetings; m++) {
    const [a, b, session] = requested.slice(3 * m, 3 * m + 3) as [number, number, number];
    for (const p of [a, b]) if (p < 1 || p > nBusiness) throw new DznError(`meeting ${m + 1}: participant ${p} outside 1..${nBusiness}`);
    if (a === b) throw new DznError(`meeting ${m + 1}: a participant cannot meet itself`);
    if (![1, 2, 3].includes(session)) throw new DznError(`meeting ${m + 1}: session must be 1, 2 or 3, got ${session}`);
    const fixedSlot = fixed?.[m] ?? 0;
    if (fixedSlot !== 0) checkSlot(fixedSlot, `fixed slot of meeting ${m + 1}`);
    const after = (precedences?.[m] ?? []).filter((x) => x > 0);
    for (const x of after) if (x > nMeetings) throw new DznError(`precedences of meeting ${m + 1}: meeting ${x} outside 1..${nMeetings}`);
    requests.push({
      id: String(m + 1),
      participants: [String(a), String(b)],
      requestedBy: [String(a)],
      priority: {},
      synergyIds: [],
      ...(session === 1 ? { session: 'morning' } : session === 2 ? { session: 'afternoon' } : {}),
      ...(fixedSlot !== 0 ? { fixedSlot: slot(fixedSlot) } : {}),
      after: after.map(String),
    });
  }
  return {
    name,
    date: '2022-01-01',
    timeZone: 'Europe/Paris',
    sessions,
    tables: Array.from({ length: nTables }, (_, i) => ({ id: String(i + 1), name: `Table ${i + 1}` })),
    participants,
    requests,
    mustScheduleAll: true,
    // Bofill et al., Definition 2.3: slots are numbered across sessions, so idle time over lunch is a break.
    lunchCountsAsBreak: true,
  };
}
