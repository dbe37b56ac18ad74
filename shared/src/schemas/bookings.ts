import { z } from 'zod';
import { DECLARATION_KINDS } from './declarations';
import { Id } from './common';
import { SYNERGY_STATUSES } from './synergies';

// Business meetings booked between two firms, outside events ---------------------------------------

export const BOOKING_PLACES = ['proposer_site', 'recipient_site', 'video', 'association'] as const;
export type BookingPlace = (typeof BOOKING_PLACES)[number];
/** proposed: awaiting an answer; accepted: in both calendars; the others are closed. */
export const BOOKING_STATUSES = ['proposed', 'accepted', 'declined', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_MESSAGE_KINDS = ['proposed', 'countered', 'accepted', 'declined', 'rescheduled', 'cancelled', 'expired', 'outcome', 'note'] as const;
export const BOOKING_OUTCOMES = ['held', 'no_show'] as const;

/** How long an unanswered proposal stays open. */
export const BOOKING_ANSWER_DAYS = 7;
export const BOOKING_MIN_MINUTES = 15;
export const BOOKING_MAX_MINUTES = 240;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure au format HH:MM');
const Instant = z.iso.datetime({ offset: true });
const OrgRef = z.object({ id: Id, name: z.string() });

export const TimeOption = z
  .object({ startsAt: Instant, endsAt: Instant })
  .refine((o) => Date.parse(o.endsAt) > Date.parse(o.startsAt), { message: 'La fin doit suivre le début', path: ['endsAt'] });
export type TimeOption = z.infer<typeof TimeOption>;

/** Only web addresses: a "javascript:" or "file:" link must never reach a calendar or a page. */
/** Who attends for the acting firm: one of its active members (default: the acting person). */
const Representative = Id.optional().describe("The acting firm's representative at the meeting: an active member of it (default: the caller)");

export const VideoUrl = z.url({ protocol: /^https?$/, message: 'Lien http ou https attendu' }).max(500);

export const BookingCreate = z
  .object({
    recipientId: Id,
    subject: z.string().trim().min(3).max(200),
    synergyIds: z.array(Id).max(10).default([]),
    declarationIds: z.array(Id).max(10).default([]),
    place: z.enum(BOOKING_PLACES),
    videoUrl: VideoUrl.optional(),
    associationId: Id.optional(),
    options: z.array(TimeOption).min(2, 'Proposez deux ou trois créneaux').max(3, 'Proposez deux ou trois créneaux'),
    message: z.string().trim().max(2000).optional(),
    representativeId: Representative,
  })
  .refine((b) => b.place !== 'video' || b.videoUrl, { message: 'Lien de visioconférence requis', path: ['videoUrl'] })
  .refine((b) => b.place !== 'association' || b.associationId, { message: "Choisissez l'association", path: ['associationId'] });
export type BookingCreate = z.infer<typeof BookingCreate>;

export const BookingAnswer = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), optionId: Id, representativeId: Representative, version: z.number().int() }),
  z.object({
    action: z.literal('counter'),
    options: z.array(TimeOption).min(1).max(3),
    message: z.string().trim().max(2000).optional(),
    representativeId: Representative,
    version: z.number().int(),
  }),
  z.object({ action: z.literal('decline'), reason: z.string().trim().max(1000).optional(), version: z.number().int() }),
]);
export type BookingAnswer = z.infer<typeof BookingAnswer>;

export const BookingReschedule = z.object({ option: TimeOption, message: z.string().trim().max(2000).optional(), version: z.number().int() });
export const BookingCancel = z.object({ reason: z.string().trim().max(1000).optional(), version: z.number().int() });
export const BookingOutcomeInput = z.object({
  outcome: z.enum(BOOKING_OUTCOMES),
  notes: z.string().trim().max(4000).default(''),
  advance: z.boolean().describe('The firm wants the linked synergies to move forward'),
  version: z.number().int().describe('Version of the firm’s attendance'),
});
export const BookingNote = z.object({ body: z.string().trim().min(1).max(2000) });

export const BookingListQuery = z.object({
  zoneId: Id.optional().describe('Facilitators and organisers: the zone’s (or association’s) bookings'),
  associationId: Id.optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
});

export const BookingOptionView = z.object({ id: Id, round: z.number().int(), proposedBy: Id, startsAt: z.string(), endsAt: z.string() });
export const BookingMessage = z.object({
  id: Id,
  kind: z.enum(BOOKING_MESSAGE_KINDS),
  authorName: z.string().nullable(),
  organisationId: Id.nullable(),
  body: z.string(),
  round: z.number().int().nullable(),
  createdAt: z.string(),
});
export const BookingAttendee = z.object({
  organisationId: Id,
  userName: z.string(),
  outcome: z.enum(BOOKING_OUTCOMES).nullable(),
  notes: z.string(),
  advance: z.boolean(),
  version: z.number().int(),
});

/** The person a firm sends: named with its last proposal or acceptance, then the attendee. */
export const BookingRepresentative = z.object({ organisationId: Id, userId: Id, name: z.string() });

export const Booking = z
  .object({
    id: Id,
    zoneId: Id,
    status: z.enum(BOOKING_STATUSES),
    subject: z.string(),
    synergies: z.array(z.object({ id: Id, title: z.string(), status: z.enum(SYNERGY_STATUSES) })),
    declarations: z.array(z.object({ id: Id, title: z.string(), kind: z.enum(DECLARATION_KINDS) })),
    fromSuggestion: z.boolean(),
    proposer: OrgRef,
    recipient: OrgRef,
    awaitingId: Id.nullable(),
    place: z.enum(BOOKING_PLACES),
    videoUrl: z.string().nullable(),
    association: z.object({ id: Id, name: z.string(), premises: z.string() }).nullable(),
    location: z.string().describe('The place in words, as in the calendar entry'),
    expiresAt: z.string().nullable(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    icsSequence: z.number().int(),
    declineReason: z.string().nullable(),
    round: z.number().int(),
    options: z.array(BookingOptionView).describe('The options of the current round'),
    messages: z.array(BookingMessage),
    attendees: z.array(BookingAttendee),
    representatives: z.array(BookingRepresentative).describe("Each firm's representative, as named so far"),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof Booking>;

export const BookingSummary = Booking.pick({
  id: true,
  status: true,
  subject: true,
  proposer: true,
  recipient: true,
  awaitingId: true,
  place: true,
  startsAt: true,
  endsAt: true,
  expiresAt: true,
  fromSuggestion: true,
  version: true,
  createdAt: true,
});

// Availability ------------------------------------------------------------------------------------

export const WeeklySlot = z
  .object({ weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday'), start: Clock, end: Clock })
  .refine((s) => s.end > s.start, { message: 'La fin doit suivre le début', path: ['end'] });
export const Availability = z.object({
  organisationId: Id,
  weekly: z.array(WeeklySlot).max(28),
  unavailableDays: z.array(z.iso.date()).max(366),
  /** False while the firm keeps the default (weekdays 08:30–12:00 and 13:30–18:00). */
  custom: z.boolean(),
  version: z.number().int(),
});
export type Availability = z.infer<typeof Availability>;
export const AvailabilityUpdate = z.object({ weekly: z.array(WeeklySlot).max(28), unavailableDays: z.array(z.iso.date()).max(366), version: z.number().int() });

export const SuggestionQuery = z.object({
  organisationId: Id.describe('The other firm'),
  durationMinutes: z.coerce.number().int().min(BOOKING_MIN_MINUTES).max(BOOKING_MAX_MINUTES).default(60),
  days: z.coerce.number().int().min(1).max(60).default(14),
  limit: z.coerce.number().int().min(1).max(20).default(6),
});

// One agenda, the private feed, activity ----------------------------------------------------------

export const AgendaEntry = z.object({
  kind: z.enum(['booking', 'event']),
  id: z.string(),
  bookingId: Id.nullable(),
  eventId: Id.nullable(),
  title: z.string(),
  with: z.array(OrgRef),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  status: z.string(),
});
export type AgendaEntry = z.infer<typeof AgendaEntry>;
export const AgendaQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

export const CalendarFeed = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Only right after creation: the secret is not kept, only its hash. */
  url: z.string().nullable(),
});
export const FeedTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });

export const BookingStatsQuery = z
  .object({ zoneId: Id.optional(), associationId: Id.optional() })
  .refine((q) => q.zoneId || q.associationId, { message: 'zoneId ou associationId requis' });
export const BookingStats = z.object({
  months: z.array(
    z.object({ month: z.string(), proposed: z.number().int(), held: z.number().int(), declined: z.number().int(), fromSuggestion: z.number().int() }),
  ),
  totals: z.object({
    proposed: z.number().int(),
    held: z.number().int(),
    declined: z.number().int(),
    fromSuggestion: z.number().int(),
    suggestionShare: z.number().nullable(),
  }),
});
export type BookingStats = z.infer<typeof BookingStats>;
