import { CATEGORIES, WASTE_CODES } from '@synergies/shared';
import { schema } from '@synergies/db';
import { sql } from 'drizzle-orm';
import { DEFAULT_IMPACT_FACTORS } from '../modules/impact-factors/defaults';
import type { Database } from './db';

/** Brings the taxonomy and the List of Waste in line with the code's reference data, and seeds impact factors. */
export async function syncReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(schema.categories)
      .values([...CATEGORIES])
      .onConflictDoUpdate({
        target: schema.categories.code,
        set: { parent: sql`excluded.parent`, labelFr: sql`excluded.label_fr`, labelEn: sql`excluded.label_en` },
      });
    for (let i = 0; i < WASTE_CODES.length; i += 500) {
      await tx
        .insert(schema.wasteCodes)
        .values(WASTE_CODES.slice(i, i + 500).map((w) => ({ ...w })))
        .onConflictDoUpdate({
          target: schema.wasteCodes.code,
          set: { labelFr: sql`excluded.label_fr`, hazardous: sql`excluded.hazardous`, chapter: sql`excluded.chapter` },
        });
    }
    // Admins edit factors: seed the missing ones, never overwrite.
    await tx.insert(schema.impactFactors).values(DEFAULT_IMPACT_FACTORS).onConflictDoNothing();
  });
}
