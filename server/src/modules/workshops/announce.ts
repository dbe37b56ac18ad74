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
 * The live workshops holding a card among these declarations: the workshops a matching's new
 * proposals are announced to. Read alongside the matching's save, not after it.
 */
export const workshopsHolding = (tx: Parameters<typeof repo.liveWorkshopsOfDeclarations>[0], declarationIds: string[]) =>
  repo.liveWorkshopsOfDeclarations(tx, declarationIds);

/**
 * Matching saved new proposals: these workshops (see `workshopsHolding`) see their lead count
 * climb. Called in the matching worker's transaction.
 */
export async function announceProposals(tx: Parameters<typeof repo.counts>[0], workshopIds: string[], now: Date): Promise<void> {
  for (const workshopId of workshopIds) {
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
