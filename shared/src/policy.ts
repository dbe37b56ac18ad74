import type { CurrentUser } from './schemas/auth';

/*
 * Who may do what, as pure predicates over the caller. The server enforces them; the web
 * app uses the same ones to show only what the person may do.
 */

export const isAdmin = (u: CurrentUser) => u.role === 'admin';

/** Runs the zone: its facilitators, and admins everywhere. */
export const facilitates = (u: CurrentUser, zoneId: string) => isAdmin(u) || (u.role === 'facilitator' && u.zoneIds.includes(zoneId));

/** Reads the zone's shared data: anyone of the zone, and admins. */
export const belongsToZone = (u: CurrentUser, zoneId: string) => isAdmin(u) || u.zoneIds.includes(zoneId);

/** The zone's journal of changes: its facilitators and the admins. */
export const canReadZoneAudit = (u: CurrentUser, zoneId: string) => facilitates(u, zoneId);

export const canManageOrganisation = (u: CurrentUser, org: { zoneId: string }) => facilitates(u, org.zoneId);

export const canEditDeclarationsOf = (u: CurrentUser, org: { id: string; zoneId: string }) =>
  facilitates(u, org.zoneId) || (u.role === 'member' && u.organisationId === org.id);

export const canSeeDeclaration = (u: CurrentUser, d: { zoneId: string; organisationId: string; visibility: string; status: string }) =>
  canEditDeclarationsOf(u, { id: d.organisationId, zoneId: d.zoneId }) || (d.status !== 'closed' && (d.visibility === 'all' || belongsToZone(u, d.zoneId)));

/** A firm's member asks for an offer or answers a need for the firm. */
export const canRequestOnMarketplace = (u: CurrentUser): u is CurrentUser & { organisationId: string } => u.role === 'member' && !!u.organisationId;

/** A full rematch, and its progress: the zone's facilitators; every zone at once, admins only. */
export const canRunMatching = (u: CurrentUser, zoneId: string | null) => (zoneId === null ? isAdmin(u) : facilitates(u, zoneId));

/** A hand-over record: both firms' members and the zone's facilitators. */
export const canSeeExchange = (u: CurrentUser, e: { giverId: string; takerId: string; zoneId: string }) =>
  u.organisationId === e.giverId || u.organisationId === e.takerId || facilitates(u, e.zoneId);

// --- Associations and bookings between member firms --------------------------------------------
// Organiser status is read from the database by the caller and passed in.

export const isBookingParty = (u: CurrentUser, b: { proposerId: string; recipientId: string }) =>
  u.organisationId !== null && (u.organisationId === b.proposerId || u.organisationId === b.recipientId);

/** The two firms, the zone's facilitators, and organisers of an association either firm belongs to. */
export const canSeeBooking = (u: CurrentUser, b: { zoneId: string; proposerId: string; recipientId: string }, organisesEitherFirm: boolean) =>
  isBookingParty(u, b) || facilitates(u, b.zoneId) || organisesEitherFirm;

/** Members act for their own firm only. */
export const actsForFirm = (u: CurrentUser, organisationId: string) => u.role === 'member' && u.organisationId === organisationId;

export const canManageAssociation = (u: CurrentUser, a: { zoneId: string }, isOrganiser: boolean) => facilitates(u, a.zoneId) || isOrganiser;

/** A business-meeting event is run by the zone's facilitators and, for an association's event, by its organisers. */
export const canRunMeetingEvent = (u: CurrentUser, e: { zoneId: string }, organisesIt: boolean) => facilitates(u, e.zoneId) || organisesIt;
