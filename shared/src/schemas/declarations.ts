import { z } from 'zod';
import { CATEGORY_CODES } from '../reference/categories';
import { FREQUENCIES, UNITS } from '../units';
import { FigureYear, Id, QueryBoolean, Timestamps } from './common';

export const DECLARATION_KINDS = ['offer', 'need'] as const;
export const DeclarationKind = z.enum(DECLARATION_KINDS);
export type DeclarationKind = z.infer<typeof DeclarationKind>;

export const DECLARATION_STATUSES = ['active', 'reserved', 'closed'] as const;
export const DeclarationStatus = z.enum(DECLARATION_STATUSES);

export const CONDITIONS = ['new', 'good', 'used', 'to-repair', 'scrap'] as const;
export const PRICE_MODES = ['free', 'sale', 'exchange'] as const;
export const VISIBILITIES = ['zone', 'all'] as const;

export const CategoryCode = z.enum(CATEGORY_CODES as [string, ...string[]]);

/** European List of Waste code, "15 01 03", with "*" for hazardous entries. */
export const WasteCode = z.codec(z.string().max(12), z.string().regex(/^\d{2} \d{2} \d{2}\*?$/, 'Code déchet attendu, par exemple 15 01 03'), {
  decode: (s) => s.replace(/\s+/g, '').replace(/^(\d{2})(\d{2})(\d{2})(\*?)$/, '$1 $2 $3$4'),
  encode: (s) => s,
});

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_DECLARATION = 6;

export const Photo = z.object({ id: Id, contentType: z.enum(PHOTO_TYPES), size: z.number().int(), url: z.string() });

const isoDate = z.iso.date();

/** Declaration fields as stored; create fills defaults, update takes any subset. */
const DeclarationFieldsShape = {
  kind: DeclarationKind,
  title: z.string().trim().min(3).max(160),
  description: z.string().max(4000),
  categoryCode: CategoryCode,
  wasteCode: WasteCode.nullable(),
  quantity: z.number().positive().max(1e12).nullable(),
  unit: z.enum(UNITS),
  frequency: z.enum(FREQUENCIES),
  availableFrom: isoDate.nullable(),
  availableUntil: isoDate.nullable(),
  condition: z.enum(CONDITIONS).nullable(),
  priceMode: z.enum(PRICE_MODES),
  priceAmount: z.number().min(0).max(1e9).nullable().describe('Euros, excl. VAT, per unit'),
  siteId: Id.nullable(),
  hazardous: z.boolean(),
  status: DeclarationStatus,
  visibility: z.enum(VISIBILITIES),
};
const F = DeclarationFieldsShape;

export type WindowLike = { availableFrom?: string | null; availableUntil?: string | null };
export const windowIsOrdered = (d: WindowLike) => !d.availableFrom || !d.availableUntil || d.availableFrom <= d.availableUntil;
export const windowIssue = { message: 'La fin de disponibilité précède le début', path: ['availableUntil'] };

export const DeclarationCreateFields = z.object({
  organisationId: Id.optional().describe("Defaults to the member's own organisation"),
  kind: F.kind,
  title: F.title,
  categoryCode: F.categoryCode,
  description: F.description.default(''),
  wasteCode: F.wasteCode.default(null),
  quantity: F.quantity.default(null),
  unit: F.unit.default('unit'),
  frequency: F.frequency.default('one-off'),
  availableFrom: F.availableFrom.default(null),
  availableUntil: F.availableUntil.default(null),
  condition: F.condition.default(null),
  priceMode: F.priceMode.default('free'),
  priceAmount: F.priceAmount.default(null),
  siteId: F.siteId.default(null),
  hazardous: F.hazardous.default(false),
  status: F.status.default('active'),
  visibility: F.visibility.default('zone'),
});
export const DeclarationCreate = DeclarationCreateFields.refine(windowIsOrdered, windowIssue);
export type DeclarationCreate = z.infer<typeof DeclarationCreate>;

export const DeclarationUpdate = z
  .object(DeclarationFieldsShape)
  .partial()
  .extend({ version: z.number().int().describe('The version read; a stale one gets 409') })
  .refine(windowIsOrdered, windowIssue);
export type DeclarationUpdate = z.infer<typeof DeclarationUpdate>;

export const Declaration = z
  .object({
    id: Id,
    organisationId: Id,
    organisationName: z.string(),
    zoneId: Id,
    ...DeclarationFieldsShape,
    photos: z.array(Photo),
    version: z.number().int(),
    ...Timestamps,
  })
  .meta({ id: 'Declaration' });
export type Declaration = z.infer<typeof Declaration>;

export const DeclarationListQuery = z.object({
  zoneId: Id.optional(),
  organisationId: Id.optional(),
  kind: DeclarationKind.optional(),
  status: DeclarationStatus.optional(),
  categoryCode: z.string().max(80).optional(),
  hazardous: QueryBoolean.optional(),
  year: FigureYear.optional().describe('Declared in this calendar year (Europe/Paris), as the dashboards count'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
