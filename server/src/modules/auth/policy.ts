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
