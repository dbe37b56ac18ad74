import type { EnqueuedTaskPromise } from 'meilisearch';
import type postgres from 'postgres';
import { allDeclarationDocuments, allOrganisationDocuments } from './documents';
import { DECLARATION_SETTINGS, indexExists, ORGANISATION_SETTINGS, type SearchIndexes } from './indexes';
import { assertSucceeded } from './outbox-relay';

const TIMEOUT = { timeout: 600_000 };
const IN_FLIGHT = 8;

/**
 * Rebuilds both indexes from PostgreSQL into fresh indexes, then swaps them in, so
 * searches keep answering from the old index during the rebuild.
 */
export async function rebuildSearchIndexes(
  sql: postgres.Sql,
  search: SearchIndexes,
  onProgress: (entity: string, count: number) => void = () => undefined,
): Promise<{ declarations: number; organisations: number }> {
  const counts = { declarations: 0, organisations: 0 };
  const plan = [
    ['declarations', search.declarations, DECLARATION_SETTINGS, allDeclarationDocuments],
    ['organisations', search.organisations, ORGANISATION_SETTINGS, allOrganisationDocuments],
  ] as const;
  // Changes committed during the rebuild stay in the outbox and are replayed after the swap.
  for (const [name, uid, settings, stream] of plan) {
    const tmp = `${uid}_rebuild`;
    if (await indexExists(search.client, tmp)) await search.client.deleteIndex(tmp).waitTask(TIMEOUT);
    await assertSucceeded(await search.client.createIndex(tmp, { primaryKey: 'id' }).waitTask(TIMEOUT));
    await assertSucceeded(await search.client.index(tmp).updateSettings(settings).waitTask(TIMEOUT));
    if (!(await indexExists(search.client, uid))) await search.client.createIndex(uid, { primaryKey: 'id' }).waitTask(TIMEOUT);
    // A few batches in flight: Meilisearch merges queued additions into one indexing run,
    // which is much faster than one run per batch.
    const inFlight: { task: EnqueuedTaskPromise; size: number }[] = [];
    const settle = async () => {
      const { task, size } = inFlight.shift()!;
      await assertSucceeded(await task.waitTask(TIMEOUT));
      counts[name] += size;
      onProgress(name, counts[name]);
    };
    for await (const batch of stream(sql)) {
      inFlight.push({ task: search.client.index(tmp).addDocuments(batch), size: batch.length });
      if (inFlight.length >= IN_FLIGHT) await settle();
    }
    while (inFlight.length) await settle();
    await assertSucceeded(await search.client.swapIndexes([{ indexes: [uid, tmp], rename: false }]).waitTask(TIMEOUT));
    await search.client.deleteIndex(tmp).waitTask(TIMEOUT);
  }
  return counts;
}
