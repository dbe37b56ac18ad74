import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { emailStatusEnum, localeEnum, roleEnum, tokenPurposeEnum } from './enums';
import { organisations } from './zones';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: roleEnum('role').notNull(),
    locale: localeEnum('locale').notNull().default('fr'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** How the person hears of what happens: in the app only, a daily or weekly email digest, or not at all. */
    notificationMode: text('notification_mode', { enum: ['in_app', 'daily', 'weekly', 'none'] })
      .notNull()
      .default('daily'),
    /** When the last digest email went out: the next one covers what came after. */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true, mode: 'date' }),
    /** Set when the person deleted their account: the row stays, anonymised, so the zone's history holds. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  // A firm's members, for every notification about the firm (matching notifies them per new proposal).
  (t) => [index('users_organisation_idx').on(t.organisationId)],
);

/** Server-side sessions; the cookie holds the token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time links (invitations, password resets); stored hashed, used once. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  purpose: tokenPurposeEnum('purpose').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
});

/** The email outbox: written in the same transaction as the action that sends it. */
export const emails = pgTable(
  'emails',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** Files sent with the email (an agenda's calendar file), content as text. */
    attachments: jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>().notNull().default([]),
    status: emailStatusEnum('status').notNull().default('pending'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('emails_to_idx').on(t.to, t.createdAt)],
);
