import { isAdmin, type CurrentUser, type PersonalData } from '@synergies/shared';
import type { AppContext } from '../../context';
import { conflict, notFound } from '../../http/problem';
import type { AuditService } from '../audit/service';
import type { AuthService } from '../auth/service';
import * as repo from './repository';

const iso = (d: Date) => d.toISOString();

/** A person's own account: what the platform holds about them, and leaving it. */
export class AccountService {
  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async exportPersonalData(user: CurrentUser): Promise<PersonalData> {
    const db = this.ctx.db;
    const [profile, sessions, notifications, synergyMessages, bookingMessages, representations, changes] = await Promise.all([
      repo.profile(db, user.id),
      repo.sessionsOf(db, user.id),
      repo.notificationsOf(db, user.id),
      repo.synergyMessagesOf(db, user.id),
      repo.bookingMessagesOf(db, user.id),
      repo.bookingRepresentationsOf(db, user.id),
      this.audit.changesBy(user.id),
    ]);
    if (!profile) throw notFound('Compte');
    return {
      exportedAt: iso(this.ctx.now()),
      account: {
        id: profile.id,
        email: profile.email,
        displayName: profile.displayName,
        role: profile.role,
        locale: profile.locale,
        notificationMode: profile.notificationMode,
        organisation: profile.organisationId ? { id: profile.organisationId, name: profile.organisationName! } : null,
        createdAt: iso(profile.createdAt),
      },
      sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) })),
      notifications: notifications.map((n) => ({ ...n, createdAt: iso(n.createdAt), readAt: n.readAt ? iso(n.readAt) : null })),
      synergyMessages: synergyMessages.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
      bookingMessages: bookingMessages.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
      bookingsAttended: representations.attended.map((b) => ({ ...b, startsAt: iso(b.startsAt), endsAt: iso(b.endsAt) })),
      namedRepresentative: representations.named.map((b) => ({ ...b, createdAt: iso(b.createdAt) })),
      changes: changes.map((c) => ({ ...c, at: iso(c.at), method: c.method as PersonalData['changes'][number]['method'] })),
    };
  }

  /**
   * Deletes the account after the password confirms it: the person is anonymised in one
   * transaction (see the repository), their sessions end, and the zone keeps its figures.
   */
  async deleteAccount(user: CurrentUser, password: string): Promise<void> {
    await this.auth.confirmPassword(user, password);
    await this.ctx.db.transaction(async (tx) => {
      if (isAdmin(user) && (await repo.activeAdminCount(tx)) <= 1) {
        throw conflict('last_admin', 'Vous êtes le dernier administrateur : nommez-en un autre avant de supprimer votre compte.');
      }
      if (!(await repo.anonymise(tx, user.id, this.ctx.now()))) throw notFound('Compte');
    });
  }
}
