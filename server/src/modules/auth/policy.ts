import type { CurrentUser } from '@synergies/shared';

/** Authorisation rules, as pure predicates over the caller. */
export const isAdmin = (u: CurrentUser) => u.role === 'admin';

export const facilitates = (u: CurrentUser, zoneId: string) =>
  isAdmin(u) || (u.role === 'facilitator' && u.zoneIds.includes(zoneId));

export const belongsToZone = (u: CurrentUser, zoneId: string) => isAdmin(u) || u.zoneIds.includes(zoneId);

export const canManageOrganisation = (u: CurrentUser, org: { zoneId: string }) => facilitates(u, org.zoneId);

export const canEditDeclarationsOf = (u: CurrentUser, org: { id: string; zoneId: string }) =>
  facilitates(u, org.zoneId) || (u.role === 'member' && u.organisationId === org.id);

export const canSeeDeclaration = (u: CurrentUser, d: { zoneId: string; organisationId: string; visibility: string; status: string }) =>
  canEditDeclarationsOf(u, { id: d.organisationId, zoneId: d.zoneId }) ||
  (d.status !== 'closed' && (d.visibility === 'all' || belongsToZone(u, d.zoneId)));

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
