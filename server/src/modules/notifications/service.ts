import type { CurrentUser, NotificationPreferences } from '@synergies/shared';
import type { AppContext } from '../../context';
import { notFound } from '../../http/problem';
import { rawSql } from '../../infra/db';
import { QUEUES } from '../../infra/jobs';
import { enqueueEmail } from '../../infra/mail';
import { digestEmail } from './digest';
import * as repo from './repository';

/** The digests go out at 7:00 in the zone's time; the weekly one on Mondays. */
const DIGEST_CRON = '0 7 * * *';
const DIGEST_TIME_ZONE = 'Europe/Paris';

/** The in-app notifications of the person signed in, their preferences, and the email digests. */
export class NotificationService {
  constructor(private readonly ctx: AppContext) {}

  async latest(user: CurrentUser) {
    const rows = await repo.latestNotifications(this.ctx.db, user.id, 50);
    return rows.map((r) => ({
      id: r.id,
      synergyId: r.synergyId,
      type: r.type,
      text: r.text,
      count: r.count,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async markRead(user: CurrentUser) {
    await repo.markAllRead(this.ctx.db, user.id, this.ctx.now());
  }

  /** Opening a notification reads it. */
  async markOneRead(user: CurrentUser, id: string) {
    if (!(await repo.markRead(this.ctx.db, user.id, id, this.ctx.now()))) throw notFound('Notification');
  }

  async preferences(user: CurrentUser): Promise<NotificationPreferences> {
    return { mode: await repo.notificationMode(this.ctx.db, user.id) };
  }

  async savePreferences(user: CurrentUser, preferences: NotificationPreferences): Promise<NotificationPreferences> {
    await repo.setNotificationMode(this.ctx.db, user.id, preferences.mode);
    return preferences;
  }

  /**
   * Emails each person who asked for a digest what they have not read since the last one:
   * daily ones every day, weekly ones on Mondays. Nobody is written to about nothing.
   * Returns how many emails were queued.
   */
  async sendDigests(now: Date): Promise<number> {
    const monday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: DIGEST_TIME_ZONE }).format(now) === 'Monday';
    const modes: repo.NotificationMode[] = monday ? ['daily', 'weekly'] : ['daily'];
    let sent = 0;
    for (const person of await repo.digestRecipients(this.ctx.db, modes)) {
      const items = await repo.unreadSince(this.ctx.db, person.id, person.since);
      await this.ctx.db.transaction(async (tx) => {
        if (!(await repo.claimDigest(tx, person.id, person.since, now))) return;
        if (items.length === 0) return;
        await enqueueEmail(rawSql(tx), this.ctx.jobs, digestEmail(person, items, this.ctx.config.publicUrl));
        sent++;
      });
    }
    return sent;
  }
}

export async function startNotificationWorkers(ctx: AppContext): Promise<void> {
  const notifications = new NotificationService(ctx);
  await ctx.jobs.schedule(QUEUES.notificationDigest, DIGEST_CRON, {}, { tz: DIGEST_TIME_ZONE });
  await ctx.jobs.work(QUEUES.notificationDigest, async () => {
    await notifications.sendDigests(ctx.now());
  });
}
