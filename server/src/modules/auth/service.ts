import type { AccountPreferences, CurrentUser, Role } from '@synergies/shared';
import type { AppContext } from '../../context';
import { rawSql } from '../../infra/db';
import { enqueueEmail } from '../../infra/mail';
import { conflict, gone, HttpProblem, unauthorized } from '../../http/problem';
import { QUEUES } from '../../infra/jobs';
import * as repo from './repository';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets';
import { invitationEmail, passwordResetEmail } from './emails';

const HOUR = 3600_000;
// Short-lived links: a week to accept an invitation, an hour to use a reset link.
export const INVITATION_TTL = 7 * 24 * HOUR;
export const RESET_TTL = HOUR;
const LINK_EXPIRED = "Ce lien n'est plus valide : demandez-en un nouveau.";

export class AuthService {
  constructor(private readonly ctx: AppContext) {}

  private get sql() {
    return this.ctx.db.$client;
  }

  async userForSession(token: string | undefined): Promise<CurrentUser | null> {
    if (!token) return null;
    return repo.findUserBySession(this.sql, hashToken(token), this.ctx.now());
  }

  /** Returns the user and a new session token, or throws 401 with one message for every failure. */
  async login(email: string, password: string): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
    const found = await repo.findUserByEmail(this.sql, email);
    const ok = await verifyPassword(found?.passwordHash ?? null, password);
    if (!found || !ok) throw unauthorized('Adresse e-mail ou mot de passe incorrect');
    const { passwordHash: _omit, ...user } = found;
    return { user, ...(await this.openSession(user.id)) };
  }

  /** A session for a user another module has just identified (a participant joining a workshop by its code). */
  async sessionFor(userId: string) {
    return this.openSession(userId);
  }

  private async openSession(userId: string) {
    const { token, hash } = newToken();
    const expiresAt = new Date(this.ctx.now().getTime() + this.ctx.config.SESSION_DAYS * 24 * HOUR);
    await repo.createSession(this.sql, userId, hash, expiresAt);
    return { token, expiresAt };
  }

  async savePreferences(user: CurrentUser, preferences: AccountPreferences): Promise<CurrentUser> {
    await repo.setLocale(this.sql, user.id, preferences.locale);
    return { ...user, locale: preferences.locale };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await repo.deleteSession(this.sql, hashToken(token));
  }

  /**
   * Always the same answer, in the same time: the request only queues a job, which looks
   * the address up, caps the links sent per account and writes the email.
   */
  async requestPasswordReset(email: string): Promise<void> {
    await this.ctx.jobs.send(QUEUES.passwordReset, { email }, { retryLimit: 3 });
  }

  /** The job's work: a reset link for an active account, at most RESET_MAX_PER_ACCOUNT an hour. */
  async issuePasswordReset(email: string): Promise<void> {
    const user = await repo.findUserByEmail(this.sql, email);
    if (!user?.passwordHash) return;
    await this.ctx.db.transaction(async (tx) => {
      const sql = rawSql(tx);
      await repo.lockPasswordResetsOf(sql, user.id);
      const recent = await repo.countTokensSince(sql, user.id, 'password_reset', new Date(this.ctx.now().getTime() - HOUR));
      if (recent >= this.ctx.config.RESET_MAX_PER_ACCOUNT) return;
      const { token, hash } = newToken();
      await repo.createOneTimeToken(sql, {
        userId: user.id,
        tokenHash: hash,
        purpose: 'password_reset',
        createdAt: this.ctx.now(),
        expiresAt: new Date(this.ctx.now().getTime() + RESET_TTL),
      });
      await enqueueEmail(sql, this.ctx.jobs, passwordResetEmail(user, `${this.ctx.config.publicUrl}/reinitialisation/${token}`));
    });
  }

  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.ctx.db.transaction(async (tx) => {
      const sql = rawSql(tx);
      const found = await repo.consumeToken(sql, hashToken(token), 'password_reset', this.ctx.now());
      if (!found) throw gone('link_expired', LINK_EXPIRED);
      await repo.setPassword(sql, found.userId, passwordHash);
      await repo.deleteSessionsOf(sql, found.userId);
    });
  }

  /** Changes the password after checking the current one; every other session of the account ends. */
  async changePassword(user: CurrentUser, sessionToken: string, currentPassword: string, newPassword: string): Promise<void> {
    await this.confirmPassword(user, currentPassword);
    const passwordHash = await hashPassword(newPassword);
    await this.ctx.db.transaction(async (tx) => {
      const sql = rawSql(tx);
      await repo.setPassword(sql, user.id, passwordHash);
      await repo.deleteSessionsOf(sql, user.id, hashToken(sessionToken));
      // A reset link mailed earlier must not undo the change.
      await repo.revokeTokensOf(sql, user.id, this.ctx.now());
    });
  }

  /** A sensitive step (new password, deleting the account) is confirmed with the current password. */
  async confirmPassword(user: CurrentUser, password: string): Promise<void> {
    const found = await repo.findUserByEmail(this.sql, user.email);
    if (!found || !(await verifyPassword(found.passwordHash, password))) {
      throw new HttpProblem(400, 'wrong_password', 'Le mot de passe actuel est incorrect.');
    }
  }

  async invitationInfo(token: string) {
    const found = await repo.findUsableToken(this.sql, hashToken(token), 'invitation', this.ctx.now(), { onlyInactive: true });
    if (!found) throw gone('link_expired', "Cette invitation n'est plus valide : demandez-en une nouvelle.");
    const row = await repo.invitationDetails(this.sql, found.userId);
    return {
      email: row!.email,
      displayName: row!.display_name,
      role: row!.role,
      organisationName: row!.organisation_name,
      zoneName: row!.zone_name,
    };
  }

  async acceptInvitation(token: string, password: string, displayName?: string) {
    const passwordHash = await hashPassword(password);
    const userId = await this.ctx.db.transaction(async (tx) => {
      const sql = rawSql(tx);
      // Only an account not yet activated: once it is, every invitation link is dead.
      const found = await repo.consumeToken(sql, hashToken(token), 'invitation', this.ctx.now(), { onlyInactive: true });
      if (!found) throw gone('link_expired', "Cette invitation n'est plus valide : demandez-en une nouvelle.");
      await repo.setPassword(sql, found.userId, passwordHash, displayName);
      await repo.deleteSessionsOf(sql, found.userId);
      return found.userId;
    });
    const user = (await repo.findUserById(this.sql, userId))!;
    return { user, ...(await this.openSession(userId)) };
  }

  /**
   * Creates the account (not yet activated) and emails a one-time link, in one
   * transaction. Re-inviting someone who has not activated yet sends a fresh link.
   */
  async invite(
    inviter: CurrentUser,
    invitee: { email: string; displayName: string; locale: 'fr' | 'en'; role: Exclude<Role, 'admin'>; organisationId: string | null; zoneId: string | null },
    placeName: string,
  ): Promise<string> {
    return this.ctx.db.transaction(async (tx) => {
      const sql = rawSql(tx);
      const existing = await repo.findUserByEmail(sql, invitee.email);
      if (existing?.passwordHash) throw conflict('already_registered', 'Cette personne a déjà un compte actif.');
      if (existing && (existing.role !== invitee.role || existing.organisationId !== invitee.organisationId)) {
        throw conflict('already_invited_elsewhere', 'Cette adresse est déjà invitée pour un autre rôle ou une autre entreprise.');
      }
      const userId = existing?.id ?? (await repo.insertUser(sql, { ...invitee, passwordHash: null }));
      if (invitee.zoneId && invitee.role === 'facilitator') await repo.addZoneFacilitator(sql, invitee.zoneId, userId);
      const { token, hash } = newToken();
      await repo.createOneTimeToken(sql, {
        userId,
        tokenHash: hash,
        purpose: 'invitation',
        createdAt: this.ctx.now(),
        expiresAt: new Date(this.ctx.now().getTime() + INVITATION_TTL),
      });
      await enqueueEmail(sql, this.ctx.jobs, invitationEmail(inviter, invitee, placeName, `${this.ctx.config.publicUrl}/invitation/${token}`));
      return userId;
    });
  }
}

export async function startAuthWorkers(ctx: AppContext, auth: AuthService): Promise<void> {
  await ctx.jobs.work<{ email: string }>(QUEUES.passwordReset, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    if (job) await auth.issuePasswordReset(job.data.email);
  });
}
