import { z } from 'zod';

export const Category = z.object({ code: z.string(), parent: z.string().nullable(), labelFr: z.string(), labelEn: z.string() });
export const WasteCodeEntry = z.object({ code: z.string(), labelFr: z.string(), hazardous: z.boolean(), chapter: z.string() });
export type WasteCodeEntry = z.infer<typeof WasteCodeEntry>;
