import { schema } from '@synergies/db';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../infra/db';

const e = schema.exchanges;
const giver = alias(schema.organisations, 'giver');
const taker = alias(schema.organisations, 'taker');

export async function insertExchange(db: Db, values: typeof e.$inferInsert): Promise<string> {
  const [row] = await db.insert(e).values(values).returning({ id: e.id });
  return row!.id;
}

/** A hand-over record with both firms' names and the giver's zone. */
export async function findExchange(db: Db, id: string) {
  const [row] = await db
    .select({
      id: e.id,
      synergyId: e.synergyId,
      giverId: e.giverId,
      takerId: e.takerId,
      giverName: giver.name,
      takerName: taker.name,
      zoneId: giver.zoneId,
      description: e.description,
      quantity: e.quantity,
      unit: e.unit,
      handedOverAt: e.handedOverAt,
    })
    .from(e)
    .innerJoin(giver, eq(giver.id, e.giverId))
    .innerJoin(taker, eq(taker.id, e.takerId))
    .where(eq(e.id, id));
  return row;
}
