import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting, UnscheduledRequest } from '../types';
import { slotTimes } from './times';

export interface AgendaChangeText {
  fr: string[];
  en: string[];
}

const REASONS: Record<string, { fr: string; en: string }> = {
  cancelled: { fr: 'annulé', en: 'cancelled' },
  participant_absent: { fr: 'une entreprise est absente', en: 'a firm is absent' },
  participant_unavailable: { fr: 'plus de créneau commun', en: 'no common slot left' },
  max_meetings_reached: { fr: 'nombre maximal de rendez-vous atteint', en: 'maximum number of meetings reached' },
  capacity_exhausted: { fr: 'plus de place', en: 'no room left' },
  table_capacity_exceeded: { fr: 'plus de table libre', en: 'no table left' },
};

/**
 * What changed in each firm's agenda between two schedules, in sentences the agenda page and the
 * email can show as they are (French first, English too): meetings added, moved (time or table) and
 * dropped with why. Only firms whose agenda changed appear.
 */
export function describeAgendaChanges(
  event: SchedulingEvent,
  before: readonly ScheduledMeeting[],
  after: { meetings: readonly ScheduledMeeting[]; unscheduled: readonly UnscheduledRequest[] },
): Record<string, AgendaChangeText> {
  const times = slotTimes(event);
  const names = new Map(event.participants.map((p) => [p.id, p.name ?? p.id]));
  const tables = new Map(event.tables.map((t) => [t.id, t.name ?? t.id]));
  const previous = new Map(before.map((m) => [m.requestId, m]));
  const next = new Map(after.meetings.map((m) => [m.requestId, m]));
  const why = new Map(after.unscheduled.map((u) => [u.requestId, u.reason]));
  const out: Record<string, AgendaChangeText> = {};
  const say = (participants: readonly string[], text: (self: string) => AgendaChangeText) => {
    for (const p of participants) {
      const entry = (out[p] ??= { fr: [], en: [] });
      const t = text(p);
      entry.fr.push(...t.fr);
      entry.en.push(...t.en);
    }
  };
  const others = (m: ScheduledMeeting, self: string) =>
    m.participants
      .filter((p) => p !== self)
      .map((p) => names.get(p) ?? p)
      .join(', ');
  const at = (m: ScheduledMeeting) => times.get(m.slotId)!.localStart;
  const table = (m: ScheduledMeeting) => tables.get(m.tableId) ?? m.tableId;
  for (const [id, m] of next) {
    const old = previous.get(id);
    if (!old) {
      say(m.participants, (self) => ({
        fr: [`Nouveau rendez-vous avec ${others(m, self)} à ${at(m)}, ${table(m)}.`],
        en: [`New meeting with ${others(m, self)} at ${at(m)}, ${table(m)}.`],
      }));
    } else if (old.slotId !== m.slotId) {
      say(m.participants, (self) => ({
        fr: [`Le rendez-vous avec ${others(m, self)} passe de ${at(old)} à ${at(m)}, ${table(m)}.`],
        en: [`The meeting with ${others(m, self)} moves from ${at(old)} to ${at(m)}, ${table(m)}.`],
      }));
    } else if (old.tableId !== m.tableId) {
      say(m.participants, (self) => ({
        fr: [`Le rendez-vous de ${at(m)} avec ${others(m, self)} change de table : ${table(old)} → ${table(m)}.`],
        en: [`The ${at(m)} meeting with ${others(m, self)} changes table: ${table(old)} → ${table(m)}.`],
      }));
    }
  }
  for (const [id, old] of previous) {
    if (next.has(id)) continue;
    const reason = REASONS[why.get(id) ?? 'capacity_exhausted'] ?? REASONS.capacity_exhausted!;
    say(old.participants, (self) => ({
      fr: [`Le rendez-vous de ${at(old)} avec ${others(old, self)} est retiré (${reason.fr}).`],
      en: [`The ${at(old)} meeting with ${others(old, self)} is removed (${reason.en}).`],
    }));
  }
  return out;
}
