import type { CurrentUser } from '@synergies/shared';
import type { AppContext } from '../../context';
import * as repo from './repository';

/** The in-app notifications of the person signed in. */
export class NotificationService {
  constructor(private readonly ctx: AppContext) {}

  async latest(user: CurrentUser) {
    const rows = await repo.latestNotifications(this.ctx.db, user.id, 50);
    return rows.map((r) => ({ id: r.id, synergyId: r.synergyId, type: r.type, text: r.text, read: r.readAt !== null, createdAt: r.createdAt.toISOString() }));
  }

  async markRead(user: CurrentUser) {
    await repo.markAllRead(this.ctx.db, user.id, this.ctx.now());
  }
}
