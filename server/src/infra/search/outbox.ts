import { schema } from '@synergies/db';
import type { Database, Transaction } from '../db';

/** Records, inside the caller's transaction, that entities must be re-indexed. */
export async function markForReindex(tx: Database | Transaction, entity: 'declaration' | 'organisation', ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.insert(schema.searchOutbox).values(ids.map((entityId) => ({ entity, entityId })));
}
