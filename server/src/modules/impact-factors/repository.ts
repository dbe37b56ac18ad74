import { schema } from '@synergies/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db';
import type { ImpactFactorValues } from '../synergies/impact';

const f = schema.impactFactors;

export function impactFactors(db: Db) {
  return db
    .select({
      categoryCode: f.categoryCode,
      co2eKgPerTonne: f.co2eKgPerTonne,
      eurosPerTonne: f.eurosPerTonne,
      kgPerUnit: f.kgPerUnit,
      referenceTripKm: f.referenceTripKm,
      tonnesPerTrip: f.tonnesPerTrip,
      source: f.source,
      version: f.version,
    })
    .from(f)
    .orderBy(asc(f.categoryCode));
}

/** Changes the given values of a factor if its version is still `version`; false when it is not. */
export async function updateImpactFactor(db: Db, categoryCode: string, version: number, values: Partial<Omit<ImpactFactorValues, 'categoryCode'> & { source: string }>, at: Date) {
  const rows = await db
    .update(f)
    .set({ ...values, updatedAt: at, version: sql`${f.version} + 1` })
    .where(and(eq(f.categoryCode, categoryCode), eq(f.version, version)))
    .returning({ version: f.version });
  return rows.length > 0;
}

export async function impactFactorExists(db: Db, categoryCode: string): Promise<boolean> {
  const [row] = await db.select({ version: f.version }).from(f).where(eq(f.categoryCode, categoryCode));
  return row !== undefined;
}
