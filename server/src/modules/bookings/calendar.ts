import type { AgendaEntry, Availability, BookingStats, CurrentUser } from '@synergies/shared';
import { suggestOptions, type Interval } from '../../core/availability';
import { zonedToUtc } from '../../core/scheduler/outputs/times';
import type { AppContext } from '../../context';
import { forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import { actsForFirm, belongsToZone, facilitates } from '@synergies/shared';
import { hashToken, newToken } from '../auth/secrets';
import { renderFeed, type CalendarEntry } from './ics';
import { BOOKING_TIME_ZONE, loadContext, PLACE_WORDS, type Locale } from './notices';
import * as repo from './repository';
import type { BookingService } from './service';

const DAY = 86400_000;
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Everything about time around bookings: each firm's availability, suggestions free for both
 * firms, the one agenda (booked and event meetings), its private feed, and the activity report.
 */
export class CalendarService {
  constructor(
    private readonly ctx: AppContext,
    private readonly bookings: BookingService,
  ) {}

  private get sql() {
    return this.ctx.db.$client;
  }

  private myFirm(user: CurrentUser): string {
    if (!user.organisationId) throw forbidden("Réservé aux membres d'une entreprise");
    return user.organisationId;
  }

  async availability(user: CurrentUser, organisationId?: string): Promise<Availability> {
    const id = organisationId ?? this.myFirm(user);
    const [org] = await repo.organisations(this.sql, [id]);
    if (!org || !belongsToZone(user, org.zone_id)) throw notFound('Entreprise');
    const a = (await this.bookings.availabilities(this.sql, [id])).get(id)!;
    return { organisationId: id, weekly: [...a.weekly], unavailableDays: [...a.unavailableDays], custom: a.custom, version: a.version };
  }

  async saveAvailability(user: CurrentUser, input: { weekly: Availability['weekly']; unavailableDays: string[]; version: number }): Promise<Availability> {
    const id = this.myFirm(user);
    if (!actsForFirm(user, id)) throw forbidden();
    const weekly = [...input.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    const overlap = weekly.findIndex((s, i) => i > 0 && weekly[i - 1]!.weekday === s.weekday && weekly[i - 1]!.end > s.start);
    if (overlap > 0)
      throw unprocessable('overlapping_hours', 'Deux plages horaires du même jour se chevauchent.', [
        { path: `body.weekly.${overlap}`, message: 'Chevauchement' },
      ]);
    const days = [...new Set(input.unavailableDays)].sort();
    if (!(await repo.saveAvailability(this.sql, id, input.version, weekly, days, this.ctx.now()))) throw versionConflict();
    return this.availability(user, id);
  }

  /** Busy time of these firms: accepted bookings and event meetings. */
  private async busy(firms: string[], from: Date, to: Date): Promise<Interval[]> {
    const booked = await repo.acceptedBookingsOf(this.sql, firms, from, to);
    const events = await repo.eventMeetingsOf(this.sql, firms, dateOf(new Date(from.getTime() - DAY)), dateOf(to));
    return [
      ...booked.map((b) => ({ start: new Date(b.starts_at!), end: new Date(b.ends_at!) })),
      ...events
        .filter((m) => m.status !== 'cancelled')
        .map((m) => {
          const start = zonedToUtc(m.date, m.slot_start, m.time_zone);
          return { start: new Date(start), end: new Date(start + m.duration_minutes * 60_000) };
        }),
    ];
  }

  async suggestions(user: CurrentUser, q: { organisationId: string; durationMinutes: number; days: number; limit: number }) {
    const mine = this.myFirm(user);
    const [other] = await repo.organisations(this.sql, [q.organisationId]);
    if (!other || !belongsToZone(user, other.zone_id) || other.id === mine) throw notFound('Entreprise');
    const availability = await this.bookings.availabilities(this.sql, [mine, other.id]);
    // From the next full hour: a suggestion for "in five minutes" helps no one.
    const now = this.ctx.now();
    const notBefore = new Date(Math.ceil((now.getTime() + 3600_000) / 3600_000) * 3600_000);
    const busy = await this.busy([mine, other.id], notBefore, new Date(notBefore.getTime() + (q.days + 1) * DAY));
    return suggestOptions({
      firms: [availability.get(mine)!, availability.get(other.id)!],
      busy,
      notBefore,
      days: q.days,
      durationMinutes: q.durationMinutes,
      limit: q.limit,
      timeZone: BOOKING_TIME_ZONE,
    }).map((o) => ({ startsAt: o.start.toISOString(), endsAt: o.end.toISOString() }));
  }

  /** A firm's booked and event meetings between two dates, in time order. */
  private async entries(organisationId: string, from: Date, to: Date, locale: Locale): Promise<{ agenda: AgendaEntry[]; calendar: CalendarEntry[] }> {
    const words = PLACE_WORDS[locale];
    const booked = await repo.calendarBookingsOf(this.sql, organisationId, from, to);
    const events = await repo.eventMeetingsOf(this.sql, [organisationId], dateOf(new Date(from.getTime() - DAY)), dateOf(to));
    const others = [...new Set([...booked.flatMap((b) => [b.proposer_id, b.recipient_id]), ...events.flatMap((e) => e.organisation_ids)])];
    const names = new Map((await repo.organisations(this.sql, others)).map((o) => [o.id, o.name]));
    const agenda: AgendaEntry[] = [];
    const calendar: CalendarEntry[] = [];
    for (const b of booked) {
      const ctx = await loadContext(this.sql, b);
      const other = b.proposer_id === organisationId ? b.recipient_id : b.proposer_id;
      const entry = { start: new Date(b.starts_at!), end: new Date(b.ends_at!) };
      agenda.push({
        kind: 'booking',
        id: b.id,
        bookingId: b.id,
        eventId: null,
        title: b.subject,
        with: [{ id: other, name: names.get(other) ?? '' }],
        startsAt: entry.start.toISOString(),
        endsAt: entry.end.toISOString(),
        location: ctx.location(locale),
        status: b.status,
      });
      calendar.push({
        uid: `booking-${b.id}@synergies`,
        sequence: b.ics_sequence,
        cancelled: b.status === 'cancelled',
        ...entry,
        title: words.meetingWith(names.get(other) ?? ''),
        description: `${b.subject}\n${this.ctx.config.publicUrl}/rdv/${b.id}`,
        location: ctx.location(locale),
        url: `${this.ctx.config.publicUrl}/rdv/${b.id}`,
      });
    }
    for (const m of events) {
      const start = new Date(zonedToUtc(m.date, m.slot_start, m.time_zone));
      const end = new Date(start.getTime() + m.duration_minutes * 60_000);
      if (end <= from || start >= to) continue;
      const withOrgs = m.organisation_ids.filter((id) => id !== organisationId).map((id) => ({ id, name: names.get(id) ?? '' }));
      const location = `${m.event_name}, ${m.table_name}`;
      agenda.push({
        kind: 'event',
        id: m.meeting_id,
        bookingId: null,
        eventId: m.event_id,
        title: m.event_name,
        with: withOrgs,
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        location,
        status: m.status,
      });
      calendar.push({
        // The same UID as the event's own agenda download, so that calendars do not show it twice.
        uid: `${m.request_id}-${organisationId}@synergies`,
        sequence: m.version,
        cancelled: m.status === 'cancelled',
        start,
        end,
        title: words.meetingWith(withOrgs.map((o) => o.name).join(', ')),
        description: `${m.event_name}\n${this.ctx.config.publicUrl}/rendez-vous/${m.event_id}`,
        location,
      });
    }
    agenda.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { agenda, calendar };
  }

  async agenda(user: CurrentUser, q: { from?: string | undefined; to?: string | undefined }): Promise<AgendaEntry[]> {
    const firm = this.myFirm(user);
    const now = this.ctx.now();
    const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(now.getTime() - 30 * DAY);
    const to = q.to ? new Date(`${q.to}T23:59:59Z`) : new Date(now.getTime() + 365 * DAY);
    if (to <= from) throw unprocessable('invalid_range', 'La fin de la période précède son début.', [{ path: 'query.to', message: 'Avant le début' }]);
    if (to.getTime() - from.getTime() > 800 * DAY)
      throw unprocessable('invalid_range', 'Une période de deux ans au plus.', [{ path: 'query.to', message: 'Trop long' }]);
    return (await this.entries(firm, from, to, user.locale)).agenda;
  }

  // The private feed ---------------------------------------------------------------------------------

  async feed(user: CurrentUser) {
    this.myFirm(user);
    const row = await repo.feedOf(this.sql, user.id);
    return { active: !!row, createdAt: row ? new Date(row.created_at).toISOString() : null, url: null };
  }

  /** A new secret URL (the previous one, if any, stops working). */
  async regenerateFeed(user: CurrentUser) {
    this.myFirm(user);
    const { token, hash } = newToken();
    const now = this.ctx.now();
    await repo.replaceFeed(this.sql, user.id, hash, now);
    return { active: true, createdAt: now.toISOString(), url: `${this.ctx.config.publicUrl}/api/v1/calendar/feed/${token}.ics` };
  }

  async revokeFeed(user: CurrentUser): Promise<void> {
    await repo.deleteFeed(this.sql, user.id);
  }

  /** The ICS behind a secret URL: calendar programs fetch it without a session. */
  async feedIcs(token: string): Promise<string> {
    const owner = await repo.feedUser(this.sql, hashToken(token.replace(/\.ics$/, '')));
    if (!owner || !owner.organisation_id) throw notFound('Calendrier');
    const now = this.ctx.now();
    const { calendar } = await this.entries(owner.organisation_id, new Date(now.getTime() - 90 * DAY), new Date(now.getTime() + 365 * DAY), owner.locale);
    return renderFeed(calendar, `Synergies — ${owner.display_name}`, now);
  }

  // Activity -------------------------------------------------------------------------------------------

  async stats(user: CurrentUser, q: { zoneId?: string | undefined; associationId?: string | undefined }): Promise<BookingStats> {
    if (q.associationId) {
      const a = await repo.association(this.sql, q.associationId);
      if (!a || !(facilitates(user, a.zone_id) || (await repo.organises(this.sql, user.id, a.id))))
        throw forbidden("Réservé aux organisateurs de l'association et aux animateurs");
    } else if (!q.zoneId || !facilitates(user, q.zoneId)) throw forbidden('Réservé aux animateurs de la zone');
    const rows = await repo.activity(this.sql, { zoneId: q.associationId ? undefined : q.zoneId, associationId: q.associationId });
    const months = rows.map((r) => ({ month: r.month, proposed: r.proposed, held: r.held, declined: r.declined, fromSuggestion: r.from_suggestion }));
    const sum = (k: 'proposed' | 'held' | 'declined' | 'fromSuggestion') => months.reduce((n, m) => n + m[k], 0);
    const proposed = sum('proposed');
    return {
      months,
      totals: {
        proposed,
        held: sum('held'),
        declined: sum('declined'),
        fromSuggestion: sum('fromSuggestion'),
        suggestionShare: proposed ? sum('fromSuggestion') / proposed : null,
      },
    };
  }
}
