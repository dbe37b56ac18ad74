import { belongsToZone, isAdmin } from '@synergies/shared';
import type { CurrentUser } from '@synergies/shared';
import type { z } from 'zod';
import type { ImpactFactorUpdate } from '@synergies/shared';
import type { AppContext } from '../../context';
import { forbidden, notFound, versionConflict } from '../../http/problem';
import { latestNotifications, markAllRead } from '../notifications/repository';
import * as repo from './repository';

/** Impact totals per zone and year, and the admin-editable factor table. */
export class ImpactService {
  constructor(private readonly ctx: AppContext) {}

  async totals(user: CurrentUser, zoneId: string) {
    if (!belongsToZone(user, zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    return { zoneId, years: await repo.impactTotals(this.ctx.db, zoneId) };
  }

  async factors() {
    return repo.impactFactors(this.ctx.db);
  }

  async updateFactor(user: CurrentUser, categoryCode: string, input: z.infer<typeof ImpactFactorUpdate>) {
    if (!isAdmin(user)) throw forbidden("Seul un administrateur modifie les facteurs d'impact");
    if (!(await repo.impactFactorExists(this.ctx.db, categoryCode))) throw notFound("Facteur d'impact");
    const { version, ...values } = input;
    if (!(await repo.updateImpactFactor(this.ctx.db, categoryCode, version, values, this.ctx.now()))) throw versionConflict();
    return (await this.factors()).find((f) => f.categoryCode === categoryCode)!;
  }

  async notifications(user: CurrentUser) {
    const rows = await latestNotifications(this.ctx.db, user.id, 50);
    return rows.map((r) => ({ id: r.id, synergyId: r.synergyId, type: r.type, text: r.text, read: r.readAt !== null, createdAt: r.createdAt.toISOString() }));
  }

  async markRead(user: CurrentUser) {
    await markAllRead(this.ctx.db, user.id, this.ctx.now());
  }
}
