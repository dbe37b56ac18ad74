import { slotTimes, validateSchedule, type ScheduledMeeting, type SchedulingEvent, type UnscheduledRequest } from '../../core/scheduler';
import { unprocessable } from '../../http/problem';
import type { EventRow } from './repository';

/**
 * Consistency of an event's setup across its parts, checked whenever one part changes: the
 * schema already checked each part alone (slot overlaps, duplicates, table count).
 */
export interface SetupIssue {
  path: string;
  code: 'unknown_slot' | 'unknown_session' | 'unknown_participant' | 'fixed_slot_outside_session' | 'participant_has_requests';
  message: string;
}

export interface Setup {
  sessions: EventRow['sessions'];
  tables: EventRow['tables'];
  participants: readonly { organisationId: string; unavailableSlots: readonly string[] }[];
}

export interface RequestPlacement {
  id?: string;
  organisationA: string;
  organisationB: string;
  session: string | null;
  fixedSlot: string | null;
}

export function setupIssues(setup: Setup, requests: readonly RequestPlacement[]): SetupIssue[] {
  const issues: SetupIssue[] = [];
  const slots = new Set(setup.sessions.flatMap((s) => s.slots.map((slot) => slot.id)));
  const present = new Set(setup.participants.map((p) => p.organisationId));
  setup.participants.forEach((p, i) =>
    p.unavailableSlots.forEach((slot, j) => {
      if (!slots.has(slot)) issues.push({ path: `body.participants.${i}.unavailableSlots.${j}`, code: 'unknown_slot', message: `Créneau « ${slot} » inconnu` });
    }),
  );
  setup.tables.forEach((t, i) => {
    if (t.reservedFor && !present.has(t.reservedFor)) {
      issues.push({ path: `body.tables.${i}.reservedFor`, code: 'unknown_participant', message: "Une table n'est réservée qu'à une entreprise participante" });
    }
  });
  for (const r of requests) {
    if (!present.has(r.organisationA) || !present.has(r.organisationB)) {
      issues.push({ path: `requests.${r.id}`, code: 'participant_has_requests', message: 'Une entreprise retirée a encore des demandes de rendez-vous' });
    }
    issues.push(...placementIssues(setup.sessions, r));
  }
  return issues;
}

/** A request's session and fixed slot must exist, and the fixed slot lie in that session. */
export function placementIssues(sessions: Setup['sessions'], r: RequestPlacement, where = `requests.${r.id}`): SetupIssue[] {
  const issues: SetupIssue[] = [];
  const session = r.session === null ? undefined : sessions.find((s) => s.id === r.session);
  if (r.session !== null && !session) issues.push({ path: `${where}.session`, code: 'unknown_session', message: `Session « ${r.session} » inconnue` });
  if (r.fixedSlot !== null) {
    const home = sessions.find((s) => s.slots.some((slot) => slot.id === r.fixedSlot));
    if (!home) issues.push({ path: `${where}.fixedSlot`, code: 'unknown_slot', message: `Le créneau « ${r.fixedSlot} » n'existe pas dans cet événement` });
    else if (session && home.id !== session.id) {
      issues.push({
        path: `${where}.fixedSlot`,
        code: 'fixed_slot_outside_session',
        message: `Le créneau « ${r.fixedSlot} » n'est pas dans la session « ${session.id} »`,
      });
    }
  }
  return issues;
}

/** Throws one 422 listing every issue, with the first issue's code as the problem's code. */
export function assertNoIssues(issues: readonly SetupIssue[]): void {
  if (issues.length === 0) return;
  throw unprocessable(
    issues[0]!.code,
    issues.map((i) => i.message).join(' ; '),
    issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
  );
}

/**
 * Whether a set-up edit keeps a published schedule valid: every meeting keeps its slot (same time),
 * its table, and both firms (available, within their representatives and maximum). Returns the
 * meetings the edit would break, in French, for a 409 that tells the facilitator what to undo.
 */
export function publishedScheduleBreaks(
  before: SchedulingEvent,
  after: SchedulingEvent,
  meetings: readonly ScheduledMeeting[],
  unscheduled: readonly UnscheduledRequest[],
): { path: string; message: string; code: string }[] {
  const out: { path: string; message: string; code: string }[] = [];
  const oldTimes = slotTimes(before);
  const newTimes = slotTimes(after);
  const names = new Map(after.participants.map((p) => [p.id, p.name ?? p.id]));
  const pair = (m: ScheduledMeeting) => m.participants.map((p) => names.get(p) ?? p).join(' / ');
  for (const m of meetings) {
    const was = oldTimes.get(m.slotId);
    const now = newTimes.get(m.slotId);
    if (!now)
      out.push({ path: 'body.sessions', code: 'slot_in_use', message: `Le créneau ${m.slotId} porte le rendez-vous ${pair(m)} : il ne peut pas être retiré.` });
    else if (was && (was.start !== now.start || was.end !== now.end)) {
      out.push({
        path: 'body.sessions',
        code: 'slot_in_use',
        message: `Le créneau ${m.slotId} porte le rendez-vous ${pair(m)} : son heure ne peut plus changer.`,
      });
    }
  }
  if (out.length > 0) return out;
  // The rest is the scheduler's own rules, on the event as it would be after the edit.
  const known = new Set(after.requests.map((r) => r.id));
  const violations = validateSchedule(after, { meetings, unscheduled: unscheduled.filter((u) => known.has(u.requestId)) });
  for (const v of violations) {
    const code =
      v.code === 'unknown_table'
        ? 'table_in_use'
        : v.code === 'unknown_request' || v.code === 'request_accounting'
          ? 'participant_in_use'
          : 'limit_breaks_schedule';
    const message = frenchViolation(v.code, v.message);
    if (!out.some((o) => o.message === message)) out.push({ path: code === 'table_in_use' ? 'body.tables' : 'body.participants', code, message });
  }
  return out;
}

function frenchViolation(code: string, english: string): string {
  switch (code) {
    case 'unknown_table':
      return `Une table retirée porte un rendez-vous publié (${english}).`;
    case 'participant_unavailable':
      return `Une indisponibilité tombe sur un rendez-vous publié (${english}).`;
    case 'participant_double_booked':
      return `Moins de représentants que de rendez-vous simultanés publiés (${english}).`;
    case 'max_meetings':
      return `Le maximum de rendez-vous est sous le nombre déjà publié (${english}).`;
    case 'reserved_table':
      return `Une table réservée porte le rendez-vous d'autres entreprises (${english}).`;
    default:
      return `Le planning publié ne tiendrait plus (${english}).`;
  }
}
