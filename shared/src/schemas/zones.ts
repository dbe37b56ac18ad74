import { z } from 'zod';
import { Id, Timestamps } from './common';

export const Slug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lettres minuscules, chiffres et tirets');

export const ZoneFields = {
  slug: Slug,
  name: z.string().trim().min(2).max(120),
  description: z.string().max(4000).default(''),
  region: z.string().max(120).default(''),
};

export const Zone = z.object({ id: Id, ...ZoneFields, version: z.number().int(), ...Timestamps }).meta({ id: 'Zone' });
export type Zone = z.infer<typeof Zone>;

export const ZoneCreate = z.object(ZoneFields);
export const ZoneUpdate = z.object(ZoneFields).partial().extend({ version: z.number().int() });
