import type { AppContext } from '../../context';
import type { RealtimeHub } from '../../infra/realtime/hub';
import { facilitates } from '@synergies/shared';
import { hashToken } from '../auth/secrets';
import * as repo from './repository';

/**
 * Who may join `workshop:<id>`: the zone's facilitators run it (control), members of its invited
 * firms take part (participant), a live display token of that workshop watches (display).
 */
export function registerWorkshopRooms(hub: RealtimeHub, ctx: AppContext): void {
  hub.authorizeRoom('workshop', async (identity, id) => {
    if (identity.kind === 'display') {
      return (await repo.workshopOfDisplayToken(ctx.db, hashToken(identity.token))) === id ? 'display' : null;
    }
    const workshop = await repo.findWorkshop(ctx.db, id);
    if (!workshop) return null;
    const { user } = identity;
    if (facilitates(user, workshop.zoneId)) return 'control';
    if (user.organisationId && (await repo.isInvited(ctx.db, id, user.organisationId))) return 'participant';
    return null;
  });
}
