import type { WorkshopEvent } from '@synergies/shared';
import type { Transaction } from '../../infra/db';
import { publishEvent, roomName } from '../../infra/realtime/event-store';
import * as repo from './repository';

/**
 * Tells the workshop's room (facilitators, participants' phones, the room screen) what changed,
 * in the transaction of the change: a rolled-back change announces nothing.
 */
export function announce(tx: Transaction, workshopId: string, event: WorkshopEvent): Promise<number> {
  return publishEvent(tx, roomName.workshop(workshopId), event);
}

/**
 * Matching saved new proposals: the workshops holding a card among these declarations see their
 * lead count climb. Called in the matching worker's transaction.
 */
export async function announceProposals(tx: Parameters<typeof repo.liveWorkshopsOfDeclarations>[0], declarationIds: string[], now: Date): Promise<void> {
  for (const workshopId of await repo.liveWorkshopsOfDeclarations(tx, declarationIds)) {
    await publishEvent(tx, roomName.workshop(workshopId), {
      type: 'workshop.lead_changed',
      workshopId,
      leadId: null,
      action: 'proposed',
      intoId: null,
      counts: await repo.counts(tx, workshopId),
      at: now.toISOString(),
    });
  }
}
