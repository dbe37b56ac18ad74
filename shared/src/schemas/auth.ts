import { z } from 'zod';
import { Id } from './common';

export const ROLES = ['admin', 'facilitator', 'member'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LOCALES = ['fr', 'en'] as const;
export const Locale = z.enum(LOCALES);

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const Password = z.string().min(10, 'Au moins 10 caractères').max(200);

export const CurrentUser = z
  .object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    role: Role,
    locale: Locale,
    organisationId: Id.nullable(),
    zoneIds: z.array(Id).describe('Zones the user facilitates (facilitator) or belongs to (member)'),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof CurrentUser>;

/** Who is logged in, if anyone: a logged-out visitor is an ordinary answer, not an error. */
export const SessionState = z.object({ user: CurrentUser.nullable() }).meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;
/** What a person sets for their own account. */
export const AccountPreferences = z.object({ locale: Locale });
export type AccountPreferences = z.infer<typeof AccountPreferences>;

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(200) });
export const PasswordResetRequestBody = z.object({ email: Email });
export const TokenBody = z.object({ token: z.string().min(20).max(200) });
export const PasswordResetConfirmBody = TokenBody.extend({ password: Password });
export const InvitationAcceptBody = TokenBody.extend({
  password: Password,
  displayName: z.string().trim().min(1).max(120).optional(),
});
export const PasswordChangeBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export const InvitationInfo = z.object({
  email: z.string(),
  displayName: z.string(),
  role: Role,
  organisationName: z.string().nullable(),
  zoneName: z.string().nullable(),
});

export const InviteBody = z.object({
  email: Email,
  displayName: z.string().trim().min(1).max(120),
  locale: Locale.default('fr'),
});

export const UserSummary = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  activated: z.boolean().describe('False while the invitation has not been accepted'),
});
export type UserSummary = z.infer<typeof UserSummary>;
