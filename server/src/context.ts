import type { Config } from './infra/config';
import type { Database } from './infra/db';
import type { Jobs } from './infra/jobs';
import type { SearchIndexes } from './infra/search/indexes';
import type { SearchOutboxRelay } from './infra/search/outbox-relay';

/** What the modules need from the outside world; built once in main.ts or a test. */
export interface AppContext {
  config: Config;
  db: Database;
  search: SearchIndexes;
  jobs: Jobs;
  searchRelay: SearchOutboxRelay;
  /** Injected so that tests control time. */
  now: () => Date;
}
