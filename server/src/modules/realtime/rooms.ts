import type { AppContext } from '../../context';
import { HttpProblem } from '../../http/problem';
import type { RealtimeHub } from '../../infra/realtime/hub';
import { belongsToZone, facilitates } from '../auth/policy';
import { accessEvent } from '../meetings/access';

/** Who may join the rooms outside workshops (the workshop kind is registered by its module). */
export function registerRealtimeRooms(hub: RealtimeHub, ctx: AppContext): void {
  hub.authorizeRoom('user', async (identity, id) => (identity.kind === 'user' && identity.user.id === id ? 'participant' : null));

  hub.authorizeRoom('zone', async (identity, zoneId) => {
    if (identity.kind !== 'user') return null;
    if (facilitates(identity.user, zoneId)) return 'control';
    return belongsToZone(identity.user, zoneId) ? 'participant' : null;
  });

  hub.authorizeRoom('event', async (identity, eventId) => {
    if (identity.kind !== 'user') return null;
    try {
      const access = await accessEvent(ctx.db, identity.user, eventId);
      return access.facilitator ? 'control' : 'participant';
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 404) return null;
      throw error;
    }
  });
}
