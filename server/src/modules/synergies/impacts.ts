import { belongsToZone, type CurrentUser } from '@synergies/shared';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/problem';
import * as repo from './repository';

/** Impact totals of a zone's implemented synergies per year. */
export class ImpactService {
  constructor(private readonly ctx: AppContext) {}

  async totals(user: CurrentUser, zoneId: string) {
    if (!belongsToZone(user, zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    return { zoneId, years: await repo.impactTotals(this.ctx.db, zoneId) };
  }
}
