import { belongsToZone, canRunMeetingEvent, facilitates } from '@synergies/shared';
import type { CurrentUser } from '@synergies/shared';
import { conflict, forbidden, notFound } from '../../http/problem';
import { rawSql, type Database, type Transaction } from '../../infra/db';
import { organisesEvent } from '../associations/events';
import * as repo from './repository';

export interface EventAccess {
  event: repo.EventRow;
  /** Facilitators of the zone (and admins) manage everything. */
  facilitator: boolean;
}

/**
 * The event as `user` may see it: facilitators always, members of the zone once it leaves the
 * draft. Others get a 404, so that events of other zones stay unknown.
 */
export async function accessEvent(db: Database | Transaction, user: CurrentUser, id: string, lock = false): Promise<EventAccess> {
  const event = await repo.findEvent(db, id, lock);
  if (!event) throw notFound('Événement');
  // Organisers of the association that runs the event manage it like facilitators.
  // (The database is asked only when the zone's facilitation does not already settle it.)
  const organises = !facilitates(user, event.zoneId) && (await organisesEvent(rawSql(db as Database), user.id, id));
  const facilitator = canRunMeetingEvent(user, event, organises);
  if (!facilitator && !(belongsToZone(user, event.zoneId) && event.status !== 'draft')) throw notFound('Événement');
  return { event, facilitator };
}

export function requireFacilitator(access: EventAccess): void {
  if (!access.facilitator) throw forbidden("Seuls les animateurs de la zone et les organisateurs de l'association organisent ces rendez-vous d'affaires");
}

/** Before publication the setup, requests and schedule are editable; after, only day-of changes. */
export function requireNotPublished(event: repo.EventRow): void {
  if (event.status === 'published') throw conflict('event_published', 'Le planning est publié : passez par les changements du jour.');
}

export function requirePublished(event: repo.EventRow): void {
  if (event.status !== 'published') throw conflict('not_published', "Le planning n'est pas encore publié.");
}
