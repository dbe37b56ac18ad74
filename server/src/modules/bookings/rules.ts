import { type ErrorCode, BOOKING_ANSWER_DAYS, BOOKING_MAX_MINUTES, BOOKING_MIN_MINUTES, type TimeOption } from '@synergies/shared';
import { withinAvailability, type FirmAvailability, type Interval } from '../../core/availability';
import { unprocessable } from '../../http/problem';

/** The server's rules on time options, each with its own code and the option's path. */
export function checkOptions(
  options: TimeOption[],
  path: string,
  now: Date,
  firms: { name: string; availability: FirmAvailability }[],
  timeZone: string,
): Interval[] {
  const parsed = options.map((o) => ({ start: new Date(o.startsAt), end: new Date(o.endsAt) }));
  const fail = (code: ErrorCode, message: string, i: number) => unprocessable(code, message, [{ path: `${path}.${i}`, message, code }]);
  parsed.forEach((o, i) => {
    if (o.start.getTime() <= now.getTime()) throw fail('option_in_past', 'Un créneau proposé est déjà passé.', i);
    const minutes = (o.end.getTime() - o.start.getTime()) / 60_000;
    if (minutes < BOOKING_MIN_MINUTES || minutes > BOOKING_MAX_MINUTES) {
      throw fail('invalid_duration', `Un rendez-vous dure de ${BOOKING_MIN_MINUTES} minutes à ${BOOKING_MAX_MINUTES / 60} heures.`, i);
    }
    for (const firm of firms) {
      if (!withinAvailability(o, firm.availability, timeZone))
        throw fail('outside_availability', `Un créneau tombe en dehors des disponibilités de ${firm.name}.`, i);
    }
  });
  const keys = parsed.map((o) => o.start.getTime());
  if (new Set(keys).size !== keys.length)
    throw fail(
      'duplicate_option',
      'Deux créneaux proposés sont identiques.',
      keys.findIndex((k, i) => keys.indexOf(k) !== i),
    );
  return parsed;
}

/** An unanswered proposal expires after a week, or once its last option has begun if sooner. */
export function expiryOf(options: Interval[], now: Date): Date {
  const limit = now.getTime() + BOOKING_ANSWER_DAYS * 24 * 3600_000;
  return new Date(Math.min(limit, Math.max(...options.map((o) => o.start.getTime()))));
}

/** What "the same subject" means for the one-open-proposal rule. */
export function subjectKey(synergyIds: string[], declarationIds: string[], subject: string): string {
  const ids = [...synergyIds.map((id) => `s:${id}`), ...declarationIds.map((id) => `d:${id}`)].sort();
  return ids.length ? ids.join(',') : `t:${subject.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/** The next step of a synergy once both firms say a meeting moved it forward. */
export function nextSynergyStatus(status: string): 'under_discussion' | 'in_study' | null {
  if (status === 'proposed') return 'under_discussion';
  if (status === 'under_discussion') return 'in_study';
  return null;
}
