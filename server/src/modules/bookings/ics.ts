import { createEvents, type EventAttributes } from 'ics';

/** One entry of a calendar: a booked meeting or an event meeting. */
export interface CalendarEntry {
  uid: string;
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  url?: string;
  attendees?: { name: string; email: string }[];
}

const PRODUCT_ID = '-//Synergies//Business meetings//FR';

function attributes(entry: CalendarEntry, organizer: { name: string; email: string } | null, now: Date): EventAttributes {
  return {
    uid: entry.uid,
    sequence: entry.sequence,
    start: entry.start.getTime(),
    end: entry.end.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: entry.title,
    description: entry.description,
    location: entry.location,
    ...(entry.url ? { url: entry.url } : {}),
    status: entry.cancelled ? 'CANCELLED' : 'CONFIRMED',
    ...(organizer ? { organizer } : {}),
    ...(entry.attendees?.length
      ? { attendees: entry.attendees.map((a) => ({ ...a, role: 'REQ-PARTICIPANT' as const, partstat: 'ACCEPTED' as const, rsvp: false })) }
      : {}),
    // DTSTAMP from the injected clock (the library reads the real one otherwise).
    ...({ timestamp: now.getTime() } as object),
  };
}

function render(events: EventAttributes[], header: { method?: string; calName?: string }): string {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, ...header });
  if (error || !value) throw error ?? new Error('ICS rendering failed');
  return value;
}

/**
 * The invitation sent by email (iTIP): REQUEST for a new or moved meeting, CANCEL once
 * cancelled. The UID stays the booking's, the SEQUENCE grows, so calendars update the entry.
 */
export function renderInvitation(entry: CalendarEntry, organizer: { name: string; email: string }, now: Date): string {
  return render([attributes(entry, organizer, now)], { method: entry.cancelled ? 'CANCEL' : 'REQUEST' });
}

/** The private subscribable feed: every entry of a person's agenda. */
export function renderFeed(entries: CalendarEntry[], calName: string, now: Date): string {
  if (entries.length === 0) {
    // The library refuses an empty list; an empty calendar is still a valid subscription.
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      `PRODID:${PRODUCT_ID}`,
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${calName}`,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  return render(
    entries.map((e) => attributes(e, null, now)),
    { method: 'PUBLISH', calName },
  );
}

/** "Mail Name <a@b>" → name and address, for ORGANIZER. */
export function mailbox(from: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1] || m[2]!, email: m[2]! } : { name: from, email: from };
}
