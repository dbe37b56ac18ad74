import { z } from 'zod';

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });

/** RFC 9457 problem details, the one error shape of the API. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().describe('Stable machine-readable error code, e.g. version_conflict'),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional()
      .describe('Field errors of a 400'),
    existingId: z.string().optional().describe('A 409 about a duplicate: the id of what is already there (already_requested: the open synergy)'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const PageQuery = z.object({
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Timestamps = {
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** Problem responses a route may answer, keyed by status, for route schemas. */
export function problems<S extends number>(...statuses: S[]): Record<S, typeof Problem> {
  return Object.fromEntries(statuses.map((s) => [s, Problem])) as Record<S, typeof Problem>;
}

export const Coordinates = {
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
};

/** Query booleans arrive as strings. */
/** A calendar year of the dashboards, in a query; the same bounds for a figure and the list it links to. */
export const FigureYear = z.coerce.number().int().min(2000).max(2100);

export const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
