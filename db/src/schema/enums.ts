import { pgEnum } from 'drizzle-orm/pg-core';
import { CONDITIONS, DECLARATION_KINDS, DECLARATION_STATUSES, FREQUENCIES, LOCALES, PRICE_MODES, ROLES, UNITS, VISIBILITIES } from '@synergies/shared';

export const roleEnum = pgEnum('role', ROLES);
export const localeEnum = pgEnum('locale', LOCALES);
export const declarationKindEnum = pgEnum('declaration_kind', DECLARATION_KINDS);
export const declarationStatusEnum = pgEnum('declaration_status', DECLARATION_STATUSES);
export const unitEnum = pgEnum('unit', UNITS);
export const frequencyEnum = pgEnum('frequency', FREQUENCIES);
export const conditionEnum = pgEnum('item_condition', CONDITIONS);
export const priceModeEnum = pgEnum('price_mode', PRICE_MODES);
export const visibilityEnum = pgEnum('visibility', VISIBILITIES);
export const tokenPurposeEnum = pgEnum('token_purpose', ['invitation', 'password_reset']);
export const emailStatusEnum = pgEnum('email_status', ['pending', 'sent', 'logged', 'failed']);
