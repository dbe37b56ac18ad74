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
      issues.push({ path: `${where}.fixedSlot`, code: 'fixed_slot_outside_session', message: `Le créneau « ${r.fixedSlot} » n'est pas dans la session « ${session.id} »` });
    }
  }
  return issues;
}

/** Throws one 422 listing every issue, with the first issue's code as the problem's code. */
export function assertNoIssues(issues: readonly SetupIssue[]): void {
  if (issues.length === 0) return;
  throw unprocessable(issues[0]!.code, issues.map((i) => i.message).join(' ; '), issues.map((i) => ({ path: i.path, message: i.message, code: i.code })));
}
