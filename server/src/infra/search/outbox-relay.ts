import type postgres from 'postgres';
import { type SearchIndexes } from './indexes';
import { loadDeclarationDocuments, loadOrganisationDocuments } from './documents';

interface OutboxRow {
  id: number;
  entity: 'declaration' | 'organisation';
  entity_id: string;
}

const BATCH = 1000;
// How often a relay pass asks whether Meilisearch has applied its batch (60–120 ms at 1M
// declarations): at 10 ms, the requests took ~4.5 ms of CPU per batch from the matching
// that the same worker runs. A change is searchable at most 50 ms later for it.
const WAIT = { timeout: 120_000, interval: 50 };

/**
 * Pushes outbox rows to Meilisearch. A batch is locked (SKIP LOCKED, so several server
 * instances share the work), the current state of its entities is sent, and the rows are
 * deleted only once Meilisearch has applied it: a crash or an unreachable Meilisearch
 * leaves them for the next pass, so no change is lost.
 */
export class SearchOutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failures = 0;
  private unlisten: (() => Promise<void>) | undefined;
  private nudged = false;
  /** Only a started relay sends anything: an API-only process leaves the outbox to the workers. */
  private started = false;

  /**
   * `gatherMs`: changes are gathered that long after a write before being sent. Meilisearch
   * indexes a batch for about the price of one document (60–120 ms of CPU at 1M
   * declarations), and matching does not wait for it: it reads declarations not yet
   * indexed from PostgreSQL.
   */
  constructor(
    private readonly sql: postgres.Sql,
    private readonly search: SearchIndexes,
    private readonly log: { warn: (o: object, m: string) => void },
    private readonly pollMs = 1000,
    private readonly gatherMs = 200,
  ) {}

  async start(): Promise<void> {
    this.started = true;
    const listener = await this.sql.listen('search_outbox', () => this.nudge());
    this.unlisten = () => listener.unlisten();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.();
    await this.running;
  }

  /** Runs a pass soon (after a write in this process, or a NOTIFY from another). */
  nudge(): void {
    if (!this.started || this.running || this.stopped || this.nudged) return;
    this.nudged = true;
    this.schedule(this.gatherMs);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pass(), delayMs);
  }

  private async pass(): Promise<void> {
    if (this.running || this.stopped) return;
    this.nudged = false;
    this.running = (async () => {
      try {
        while (!this.stopped && (await this.relayBatch()) > 0);
        this.failures = 0;
      } catch (error) {
        this.failures++;
        this.log.warn({ err: error, failures: this.failures }, 'search outbox relay failed; will retry');
      }
    })();
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.failures ? Math.min(30_000, 1000 * 2 ** this.failures) : this.pollMs);
  }

  /**
   * Relays everything pending (tests, CLI); throws if Meilisearch fails. Rows that a pass holds
   * (this process's or another's) are waited for, not skipped: skipped, they would still be on
   * their way to Meilisearch when this returns.
   */
  async drain(): Promise<void> {
    // A batch can come back empty when every row it waited for was relayed meanwhile: look again.
    while ((await this.relayBatch({ waitForHeldRows: true })) > 0 || (await this.sql`select 1 from search_outbox limit 1`).length > 0);
  }

  /** Relays one batch; returns how many outbox rows it consumed. */
  async relayBatch(opts: { waitForHeldRows?: boolean } = {}): Promise<number> {
    return this.sql.begin(async (tx) => {
      const rows = await tx<OutboxRow[]>`
        select id, entity, entity_id from search_outbox order by id limit ${BATCH}
        for update ${opts.waitForHeldRows ? tx`` : tx`skip locked`}`;
      if (rows.length === 0) return 0;
      const ids = (entity: OutboxRow['entity']) => [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entity_id))];
      await this.sync(this.search.declarations, ids('declaration'), (i) => loadDeclarationDocuments(tx, i));
      await this.sync(this.search.organisations, ids('organisation'), (i) => loadOrganisationDocuments(tx, i));
      await tx`delete from search_outbox where id = any(${rows.map((r) => r.id)}::bigint[])`;
      return rows.length;
    });
  }

  private async sync(uid: string, ids: string[], load: (ids: string[]) => Promise<{ id: string }[]>): Promise<void> {
    if (ids.length === 0) return;
    const docs = await load(ids);
    const present = new Set(docs.map((d) => d.id));
    const gone = ids.filter((id) => !present.has(id));
    const index = this.search.client.index(uid);
    if (docs.length) await assertSucceeded(await index.addDocuments(docs, { primaryKey: 'id' }).waitTask(WAIT));
    if (gone.length) await assertSucceeded(await index.deleteDocuments(gone).waitTask(WAIT));
  }
}

export async function assertSucceeded(task: { status: string; error?: unknown }): Promise<void> {
  if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.status}: ${JSON.stringify(task.error)}`);
}
