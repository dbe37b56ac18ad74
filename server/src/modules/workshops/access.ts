import type { CurrentUser, WorkshopRole } from '@synergies/shared';
import { forbidden, notFound } from '../../http/problem';
import type { Database, Transaction } from '../../infra/db';
import { hashToken } from '../auth/secrets';
import { facilitates } from '@synergies/shared';
import * as repo from './repository';

export interface WorkshopAccess {
  workshop: repo.WorkshopRow;
  role: Exclude<WorkshopRole, 'display'>;
  /** The firm a participant acts for. */
  organisationId: string | null;
}

/**
 * Facilitators of the zone (and admins) run a workshop; members of its invited firms take part.
 * Anyone else gets a 404, so that workshops of other zones stay unknown.
 */
export async function accessWorkshop(db: Database | Transaction, user: CurrentUser, id: string, lock = false): Promise<WorkshopAccess> {
  const workshop = await repo.findWorkshop(db, id, lock);
  if (!workshop) throw notFound('Atelier');
  if (facilitates(user, workshop.zoneId)) return { workshop, role: 'control', organisationId: null };
  if (user.organisationId && (await repo.isInvited(db, id, user.organisationId))) return { workshop, role: 'participant', organisationId: user.organisationId };
  throw notFound('Atelier');
}

export function requireControl(access: WorkshopAccess): void {
  if (access.role !== 'control') throw forbidden("Seuls les animateurs de la zone pilotent l'atelier");
}

/** The workshop a room screen's token opens, if the token is live and for that workshop. */
export async function displayAccess(db: Database, id: string, token: string | undefined): Promise<repo.WorkshopRow | null> {
  if (!token) return null;
  const workshopId = await repo.workshopOfDisplayToken(db, hashToken(token));
  if (workshopId !== id) return null;
  return (await repo.findWorkshop(db, id)) ?? null;
}
