import { readFileSync } from 'node:fs';
import { boundingBox, canRunMatching, type CurrentUser } from '@synergies/shared';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  blockingKeys,
  KnowledgeBase,
  matchDeclaration,
  matchZone,
  parseMaestriCsv,
  potentialTakers,
  resolveWeights,
  type MatchOrganisation,
  type Proposal,
} from '../../core/matching';
import { announceProposals, workshopsHolding } from '../workshops/announce';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../http/problem';
import { rawSql, type RawTransaction } from '../../infra/db';
import { collectYoungGarbageIfHalfFull } from '../../infra/idle-gc';
import { QUEUES, jobsExecutor } from '../../infra/jobs';
import { publishEvent, roomName } from '../../infra/realtime/event-store';
import { addOutcomes, saveProposals, type SaveOutcome } from '../synergies/proposals';
import * as repo from './repository';

const KNOWLEDGE_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../core/matching/knowledge/maestri-exchanges.csv');

/** The documented cases, read once: MAESTRI's published exchanges. */
let documented: KnowledgeBase | undefined;
function documentedCases(): KnowledgeBase {
  documented ??= new KnowledgeBase(parseMaestriCsv(readFileSync(KNOWLEDGE_CSV, 'utf8')));
  return documented;
}

/** Milliseconds spent per stage of an incremental match, summed over calls (benchmarks). */
export type StageTimings = Record<'candidates' | 'score' | 'save', number>;

function stopwatch(timings: StageTimings | undefined): (stage: keyof StageTimings) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    if (timings) timings[stage] += now - last;
    last = now;
  };
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The engine ranks every plausible taker of an offer; firms are shown (and notified of) the best few. */
const SHOWN_TAKERS = { maxPerOffer: 5 };

export class MatchingService {
  constructor(private readonly ctx: AppContext) {}

  private cachedKb: { at: number; kb: KnowledgeBase } | undefined;

  /** MAESTRI's cases plus the synergies facilitators validated on the platform (refreshed every minute). */
  async knowledgeBase(): Promise<KnowledgeBase> {
    if (this.cachedKb && Date.now() - this.cachedKb.at < 60_000) return this.cachedKb.kb;
    const kb = documentedCases().withValidatedCases(await repo.validatedCases(this.ctx.db.$client));
    this.cachedKb = { at: Date.now(), kb };
    return kb;
  }

  /** Asks the background workers to re-match a declaration (inside the caller's transaction). */
  static async enqueue(ctx: AppContext, tx: Parameters<typeof jobsExecutor>[0], declarationId: string): Promise<void> {
    await ctx.jobs.send(QUEUES.matchDeclaration, { declarationId }, { db: jobsExecutor(tx), singletonKey: declarationId });
  }

  /**
   * Incremental matching of one declaration: candidates from PostgreSQL by the engine's
   * blocking keys and the distance limit, scored by the pure core, saved as proposals.
   */
  async rematchDeclaration(declarationId: string, timings?: StageTimings): Promise<number> {
    const lap = stopwatch(timings);
    // One transaction from the first read to the commit, so one connection: the pages of the
    // candidates' rows that the reads bring in are those the writes' foreign-key checks touch
    // again (each connection's first touch of a shared buffer costs), and one snapshot.
    return this.ctx.db.$client.begin(async (tx) => {
      const [subject] = await repo.matchDeclarationsById(tx, [declarationId]);
      if (!subject) return 0;
      let proposals: Proposal[] = [];
      const declarations = new Map<string, repo.NamedMatchDeclaration>([[subject.id, subject]]);
      let organisations: MatchOrganisation[] = [];
      if (subject.status === 'active') {
        const kb = await this.knowledgeBase();
        const reach = subject.location ? boundingBox(subject.location, resolveWeights(undefined).maxDistanceKm) : null;
        const candidates = await repo.keyedCandidates(tx, subject, blockingKeys(subject, kb), reach);
        for (const c of candidates) declarations.set(c.id, c);
        lap('candidates');
        proposals = matchDeclaration(subject, candidates, { kb, today: today(this.ctx.now()) });
        // The zone's firms only when an offer found no taker: most do, and reading 300 firms costs more than the round trip.
        if (subject.kind === 'offer' && !proposals.some((p) => p.kind === 'substitution')) {
          lap('score');
          organisations = (await repo.organisationsOf(tx, subject.zoneId)).filter((o) => o.id !== subject.organisationId);
          lap('candidates');
          proposals.push(...potentialTakers(subject, organisations, kb, SHOWN_TAKERS));
        }
      }
      lap('score');
      const { created } = await this.save(tx, proposals, declarations, organisations, { declarationIds: [subject.id] });
      lap('save');
      return created;
    });
  }

  /** Full rematch of a zone (or every zone), reporting progress into `match_runs`. */
  async rematchZone(zoneId: string | null, runId: string): Promise<SaveOutcome> {
    const sql = this.ctx.db.$client;
    // The board follows the run live; the row stays the truth (a missed tick is repaired by the next).
    const progress = async () => {
      if (!zoneId) return;
      const run = await repo.findMatchRun(this.ctx.db, runId);
      if (run)
        await publishEvent(sql, roomName.zone(zoneId), {
          type: 'match_run.progress',
          zoneId,
          runId,
          status: run.status,
          done: run.done,
          total: run.total,
          proposals: run.proposals,
        });
    };
    await repo.updateMatchRun(this.ctx.db, runId, { status: 'running' });
    try {
      const declarations = await repo.activeDeclarations(sql, zoneId);
      const organisations = await repo.organisationsOf(sql, zoneId);
      await repo.updateMatchRun(this.ctx.db, runId, { total: declarations.length });
      await progress();
      const proposals = matchZone(declarations, organisations, { kb: await this.knowledgeBase(), today: today(this.ctx.now()), potentialTakers: SHOWN_TAKERS });
      const byId = new Map<string, repo.NamedMatchDeclaration>(declarations.map((d) => [d.id, d]));
      let outcome: SaveOutcome = { created: 0, updated: 0, retired: 0 };
      // Saved in batches, with progress after each; stale proposals retired once at the end.
      const BATCH = 2000;
      for (let i = 0; i < proposals.length; i += BATCH) {
        const batch = proposals.slice(i, i + BATCH);
        outcome = addOutcomes(outcome, await sql.begin((tx) => this.save(tx, batch, byId, organisations)));
        const done = Math.round((declarations.length * Math.min(proposals.length, i + BATCH)) / proposals.length);
        await repo.updateMatchRun(this.ctx.db, runId, { done, proposals: outcome.created, updated: outcome.updated, retired: outcome.retired });
        await progress();
      }
      const retire = { zoneId, keys: proposals.map((p) => p.key) };
      outcome = addOutcomes(outcome, await sql.begin((tx) => this.save(tx, [], byId, organisations, retire)));
      await repo.finishMatchRun(this.ctx.db, runId, outcome);
      await progress();
      return outcome;
    } catch (error) {
      await repo.finishMatchRun(this.ctx.db, runId, { error: String(error) });
      await progress().catch(() => undefined);
      throw error;
    }
  }

  /** Saves proposals in the caller's transaction. */
  private async save(
    tx: RawTransaction,
    proposals: Proposal[],
    declarations: Map<string, repo.NamedMatchDeclaration>,
    organisations: readonly MatchOrganisation[],
    retire?: Parameters<typeof saveProposals>[1]['retire'],
  ): Promise<SaveOutcome> {
    const orgNames = new Map<string, string>(organisations.map((o) => [o.id, o.name]));
    for (const d of declarations.values()) orgNames.set(d.organisationId, d.organisationName);
    const unnamed = [...new Set(proposals.flatMap((p) => p.organisationIds))].filter((id) => !orgNames.has(id));
    for (const row of await repo.organisationNames(this.ctx.db, unnamed)) orgNames.set(row.id, row.name);
    // Pipelined: the setting and the workshops to tell travel with the first statement of the save.
    const [, workshops, outcome] = await Promise.all([
      repo.skipDurableCommit(tx),
      workshopsHolding(tx, [...declarations.keys()]),
      saveProposals(tx, { proposals, declarations, orgNames, retire, now: this.ctx.now() }),
    ]);
    if (outcome.created > 0) await announceProposals(tx, workshops, this.ctx.now());
    return outcome;
  }
}

export async function startMatchingWorkers(ctx: AppContext, log: { error: (o: object, m: string) => void }): Promise<void> {
  const matching = new MatchingService(ctx);
  await ctx.jobs.work<{ declarationId: string }>(QUEUES.matchDeclaration, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    await matching.rematchDeclaration(job.data.declarationId);
    collectYoungGarbageIfHalfFull();
  });
  await ctx.jobs.work<{ zoneId: string | null; runId: string }>(QUEUES.matchZone, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    await matching.rematchZone(job.data.zoneId, job.data.runId).catch((error: unknown) => {
      log.error({ err: error }, 'zone rematch failed');
      throw error;
    });
  });
}

/** Full rematch requests: a facilitator for a zone, an admin for a zone or for everything. */
export class MatchRunService {
  constructor(private readonly ctx: AppContext) {}

  async request(user: CurrentUser, zoneId: string | null) {
    if (!canRunMatching(user, zoneId)) throw forbidden('Seuls les animateurs de la zone relancent la mise en relation');
    const id = await this.ctx.db.transaction((tx) => MatchRunService.enqueue(this.ctx, tx, zoneId, user.id));
    return this.get(user, id);
  }

  /** Queues a full rematch inside the caller's transaction (after an import, for instance). */
  static async enqueue(ctx: AppContext, tx: Parameters<typeof repo.insertMatchRun>[0], zoneId: string | null, requestedBy: string | null): Promise<string> {
    const id = await repo.insertMatchRun(tx, zoneId, requestedBy);
    await ctx.jobs.send(QUEUES.matchZone, { zoneId, runId: id }, { db: jobsExecutor(typeof tx === 'function' ? tx : rawSql(tx)) });
    return id;
  }

  async get(user: CurrentUser, id: string) {
    const run = await repo.findMatchRun(this.ctx.db, id);
    // Who may start a run may follow it; anyone else is not told it exists.
    if (!run || !canRunMatching(user, run.zoneId)) throw notFound('Calcul');
    return {
      id: run.id,
      zoneId: run.zoneId,
      status: run.status,
      total: run.total,
      done: run.done,
      proposals: run.proposals,
      updated: run.updated,
      retired: run.retired,
      error: run.error,
    };
  }
}
