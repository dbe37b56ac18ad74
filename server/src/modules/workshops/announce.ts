import type { WorkshopEvent } from '@synergies/shared';
import type { Transaction } from '../../infra/db';
import { publishEvent, roomName } from '../../infra/realtime/event-store';

/**
 * Tells the workshop's room (facilitators, participants' phones, the room screen) what changed,
 * in the transaction of the change: a rolled-back change announces nothing.
 */
export function announce(tx: Transaction, workshopId: string, event: WorkshopEvent): Promise<number> {
  return publishEvent(tx, roomName.workshop(workshopId), event);
}
