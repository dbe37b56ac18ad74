import { schema } from '@synergies/db';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db';

/** Records, inside the caller's transaction, that entities must be re-indexed. */
export async function markForReindex(tx: Database | Transaction, entity: 'declaration' | 'organisation', ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.insert(schema.searchOutbox).values(ids.map((entityId) => ({ entity, entityId })));
}

/** Queues every declaration or organisation for re-indexing (after an upgrade changed their documents). */
export async function markAllForReindex(tx: Database | Transaction, entity: 'declaration' | 'organisation'): Promise<void> {
  const table = entity === 'declaration' ? schema.declarations : schema.organisations;
  await tx.execute(sql`insert into ${schema.searchOutbox} (entity, entity_id) select ${entity}, id from ${table}`);
}
