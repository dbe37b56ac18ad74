/**
 * National-scale matching benchmark, on real PostgreSQL and Meilisearch.
 *   cd /work/main && npx tsx bench/matching/national.ts [--orgs 100000] [--per-org 10] [--samples 200] [--warmup 20] [--pace-ms 300] [--latency-only] [--matched-zones 2] [--no-idle-gc]
 * Generates organisations in zones of 300 firms spread over France, `per-org` declarations
 * each (100k × 10 = 1M at full size), then prints: time to load and to index; p50/p95 of
 * matching one new declaration end to end (insert → candidates → scoring → saved
 * proposals), paced and back to back into any zone, then paced into the zones matched first
 * (a platform in service); a full rematch of one 300-firm zone; the whole
 * dataset's throughput and memory peak; and the blocked engine against a naive all-pairs
 * scorer on two zones.
 */
import crypto from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { withSiretCheckDigit } from '@synergies/shared';
import { KnowledgeBase, matchAllPairs, matchZone, parseMaestriCsv } from '../../server/src/core/matching/index';
import { generateZone, seededRandom, type GeneratedZone } from '../../server/src/core/matching/testing';
import { openScratchPlatform } from '../../server/src/cli/scratch';
import { rawSql } from '../../server/src/infra/db';
import { rebuildSearchIndexes } from '../../server/src/infra/search/rebuild';
import { collectYoungGarbageIfHalfFull } from '../../server/src/infra/idle-gc';
import { markForReindex } from '../../server/src/infra/search/outbox';
import { MatchingService, type StageTimings } from '../../server/src/modules/matching/service';
import * as matchRepo from '../../server/src/modules/matching/repository';

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORGS = flag('orgs', 10_000);
const PER_ORG = flag('per-org', 10);
const SAMPLES = flag('samples', 200);
const WARMUP = flag('warmup', 20);
const PACE_MS = flag('pace-ms', 300);
const ZONE_SIZE = 300;
/** Latency only: skips the zone rematch, the whole-dataset pass and the all-pairs comparison. */
const LATENCY_ONLY = process.argv.includes('--latency-only');
/**
 * A platform in service has proposals: this many zones are matched in full first, before
 * PostgreSQL's statistics are taken. With none, the proposal tables are analysed empty and
 * the foreign-key checks of the samples' writes keep the sequential-scan plans they made on
 * the first, near-empty pages, which cost up to 15 ms per save as the table grew during the
 * run (measured at 30,000 declarations): not the state of a platform in service.
 */
const MATCHED_ZONES = flag('matched-zones', 2);
/** Leaves the young generation's collection to V8 alone, as before the worker collected it between jobs. */
const NO_IDLE_GC = process.argv.includes('--no-idle-gc');

const kb = new KnowledgeBase(parseMaestriCsv(readFileSync(new URL('../../server/src/core/matching/knowledge/maestri-exchanges.csv', import.meta.url), 'utf8')));
const random = seededRandom(7);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** CPU seconds used so far by the running processes of this name (from Linux's /proc). */
function cpuSecondsOf(name: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== name) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime and stime, in 1/100 s
    } catch {
      // ended meanwhile
    }
  }
  return ticks / 100;
}

let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const memoryTimer = setInterval(sampleMemory, 200);

/** Gives a generated zone database ids (uuids) and valid SIRETs. */
function withUuids(zone: GeneratedZone, counter: { n: number }) {
  const ids = new Map<string, string>();
  const uuid = (id: string) => ids.get(id) ?? (ids.set(id, crypto.randomUUID()), ids.get(id)!);
  return {
    organisations: zone.organisations.map((o) => ({ ...o, id: uuid(o.id), siret: withSiretCheckDigit(String(1_000_000_000_000 + counter.n++)) })),
    declarations: zone.declarations.map((d) => ({ ...d, id: uuid(d.id), organisationId: uuid(d.organisationId) })),
  };
}

const scratch = await openScratchPlatform((m) => console.error(m));
const { ctx } = scratch;
const sql = ctx.db.$client;
try {
  console.log(`Synergies matching benchmark — ${ORGS.toLocaleString('en')} organisations × ${PER_ORG} declarations`);
  let started = performance.now();
  const zoneIds: string[] = [];
  const counter = { n: 0 };
  const twoZones: GeneratedZone[] = [];
  for (let z = 0; z * ZONE_SIZE < ORGS; z++) {
    const firms = Math.min(ZONE_SIZE, ORGS - z * ZONE_SIZE);
    const centre = { lat: 43.5 + random() * 6, lng: -1 + random() * 8 };
    const generated = generateZone(1000 + z, firms, PER_ORG, { zoneId: `z${z}`, centre });
    if (twoZones.length < 2) twoZones.push(generated);
    const zone = withUuids(generated, counter);
    const [row] = await sql<{ id: string }[]>`insert into zones (slug, name) values (${`bench-${z}`}, ${`Zone ${z}`}) returning id`;
    const zoneId = row!.id;
    zoneIds.push(zoneId);
    await sql`insert into organisations ${sql(zone.organisations.map((o) => ({ id: o.id, zone_id: zoneId, name: o.name, siret: o.siret, naf_code: o.nafCode })))}`;
    await sql`insert into sites ${sql(zone.organisations.map((o) => ({ organisation_id: o.id, name: 'Site', latitude: o.location?.lat ?? null, longitude: o.location?.lng ?? null })))}`;
    for (let i = 0; i < zone.declarations.length; i += 5000) {
      const rows = zone.declarations.slice(i, i + 5000).map((d) => ({
        id: d.id,
        organisation_id: d.organisationId,
        zone_id: zoneId,
        kind: d.kind,
        title: d.title,
        description: d.description,
        category_code: d.categoryCode,
        waste_code: d.wasteCode,
        quantity: d.quantity,
        unit: d.unit,
        frequency: d.frequency,
        available_from: d.availableFrom,
        available_until: d.availableUntil,
        hazardous: d.hazardous,
        status: d.status,
      }));
      await sql`insert into declarations ${sql(rows)}`;
    }
    sampleMemory();
  }
  const [countRow] = await sql<{ n: number }[]>`select count(*)::int as n from declarations`;
  const total = countRow!.n;
  console.log(`loaded ${total.toLocaleString('en')} declarations in ${zoneIds.length} zones: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const counts = await rebuildSearchIndexes(sql, ctx.search, (entity, n) => process.stderr.write(`\r  indexing ${entity}: ${n}   `));
  process.stderr.write('\n');
  const indexSeconds = (performance.now() - started) / 1000;
  console.log(`time to index: ${indexSeconds.toFixed(1)} s (${Math.round(counts.declarations / indexSeconds).toLocaleString('en')} declarations/s)`);

  // A platform in service is not a minute away from a bulk load of a million rows: settle
  // PostgreSQL (statistics, visibility map, dirty pages) so autovacuum and the checkpoint
  // do not land in the samples.
  if (MATCHED_ZONES > 0) {
    started = performance.now();
    const service = new MatchingService(ctx);
    let proposals = 0;
    for (const zoneId of zoneIds.slice(0, MATCHED_ZONES))
      proposals += (await service.rematchZone(zoneId, await matchRepo.insertMatchRun(ctx.db, zoneId, null))).created;
    console.log(
      `${MATCHED_ZONES} zones matched in full first: ${proposals.toLocaleString('en')} proposals in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  await sql`vacuum analyze`;
  await sql`checkpoint`;

  // New declarations end to end (insert and outbox row, candidates, scoring, saved
  // proposals), with the search relay running as in production. The job queue's pick-up
  // (its polling interval) is left out: it is a setting, not matching work.
  await ctx.searchRelay.start();
  const matching = new MatchingService(ctx);
  const templatesIn = (zones: string[], count: number) => sql<
    {
      organisation_id: string;
      zone_id: string;
      kind: string;
      title: string;
      category_code: string;
      waste_code: string | null;
      quantity: number | null;
      unit: string;
      frequency: string;
    }[]
  >`
    select organisation_id, zone_id, kind, title, category_code, waste_code, quantity, unit, frequency from declarations
    where status = 'active' and zone_id = any(${zones}::uuid[]) order by random() limit ${count}`;
  const measure = async (label: string, batch: readonly Awaited<ReturnType<typeof templatesIn>>[number][], paceMs: number) => {
    const cpuBefore = { meili: cpuSecondsOf('meilisearch'), pg: cpuSecondsOf('postgres'), self: process.cpuUsage(), at: performance.now() };
    type Sample = { total: number; stages: StageTimings };
    const samples: Sample[] = [];
    for (const [i, t] of batch.entries()) {
      // The first ones warm connections, caches and the JIT up, and are not counted.
      if (i === WARMUP) samples.length = 0;
      if (paceMs) await new Promise((resolve) => setTimeout(resolve, paceMs));
      const t0 = performance.now();
      const id = await ctx.db.transaction(async (tx) => {
        const [row] = await rawSql(tx)<{ id: string }[]>`
          insert into declarations (organisation_id, zone_id, kind, title, category_code, waste_code, quantity, unit, frequency)
          values (${t.organisation_id}, ${t.zone_id}, ${t.kind === 'offer' ? 'need' : 'offer'}, ${`${t.title} (nouveau)`}, ${t.category_code}, ${t.waste_code}, ${t.quantity}, ${t.unit}, ${t.frequency})
          returning id`;
        await markForReindex(tx, 'declaration', [row!.id]);
        return row!.id;
      });
      const stages: StageTimings = { candidates: 0, score: 0, save: 0 };
      await matching.rematchDeclaration(id, stages);
      samples.push({ total: performance.now() - t0, stages });
      // As the matching worker does after each job (startMatchingWorkers).
      if (!NO_IDLE_GC) collectYoungGarbageIfHalfFull();
    }
    samples.sort((a, b) => a.total - b.total);
    const latencies = samples.map((x) => x.total);
    console.log(
      `match one new declaration end to end, ${label} (${SAMPLES} samples at ${total.toLocaleString('en')}): p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies[latencies.length - 1]!)}`,
    );
    // Where the tail's time goes: the same stages, over every sample and over the slowest 5 %.
    const withInsert = ({ total, stages }: Sample) => ({ ...stages, insert: total - stages.candidates - stages.score - stages.save });
    const meanStages = (of: Sample[]) =>
      (['candidates', 'score', 'save', 'insert'] as const)
        .map((stage) => `${stage} ${ms(of.reduce((sum, x) => sum + withInsert(x)[stage], 0) / of.length)}`)
        .join(', ');
    console.log(`  mean per stage: ${meanStages(samples)} (insert: the declaration's own, committed)`);
    console.log(`  mean per stage in the slowest 5 %: ${meanStages(samples.slice(Math.floor(samples.length * 0.95)))}`);
    // Two cores are shared: what Meilisearch's indexing of the new declarations costs is time the matching waits for.
    const self = process.cpuUsage(cpuBefore.self);
    console.log(
      `  CPU used meanwhile: Meilisearch ${(cpuSecondsOf('meilisearch') - cpuBefore.meili).toFixed(1)} s, PostgreSQL ${(cpuSecondsOf('postgres') - cpuBefore.pg).toFixed(1)} s, this process ${((self.user + self.system) / 1e6).toFixed(1)} s, over ${((performance.now() - cpuBefore.at) / 1000).toFixed(1)} s`,
    );
  };
  // Anywhere: each sample most likely its zone's first matching (every proposal new).
  const anywhere = await templatesIn(zoneIds, 2 * (SAMPLES + WARMUP));
  await measure(`one every ${PACE_MS} ms`, anywhere.slice(0, SAMPLES + WARMUP), PACE_MS);
  await measure('back to back, a stress of ~25 writes/s', anywhere.slice(SAMPLES + WARMUP), 0);
  // Into the zones matched first, as on a platform in service: their pools exist and grow.
  if (MATCHED_ZONES > 0) {
    const matched = await templatesIn(zoneIds.slice(0, MATCHED_ZONES), SAMPLES + WARMUP);
    await measure(`one every ${PACE_MS} ms, into the ${MATCHED_ZONES} zones matched first`, matched, PACE_MS);
  }

  if (!LATENCY_ONLY) {
    // A facilitator's full rematch of one zone, through the same service as the API.
    const [run] = await sql<{ id: string }[]>`insert into match_runs (zone_id) values (${zoneIds[0]!}) returning id`;
    started = performance.now();
    const { created } = await matching.rematchZone(zoneIds[0]!, run!.id);
    console.log(
      `full rematch of a ${ZONE_SIZE}-firm zone (${PER_ORG * ZONE_SIZE} declarations, saved): ${((performance.now() - started) / 1000).toFixed(2)} s, ${created} proposals`,
    );

    // The whole dataset, zone by zone, in the engine (loaded from PostgreSQL).
    started = performance.now();
    let matched = 0;
    let proposals = 0;
    for (const zoneId of zoneIds) {
      const declarations = await matchRepo.activeDeclarations(sql, zoneId);
      const organisations = await matchRepo.organisationsOf(sql, zoneId);
      proposals += matchZone(declarations, organisations, { kb }).length;
      matched += declarations.length;
      sampleMemory();
    }
    const wholeSeconds = (performance.now() - started) / 1000;
    console.log(
      `whole dataset rematch: ${matched.toLocaleString('en')} active declarations in ${wholeSeconds.toFixed(1)} s = ${Math.round(matched / wholeSeconds).toLocaleString('en')} declarations/s, ${proposals.toLocaleString('en')} proposals`,
    );

    // Blocked engine against the naive all-pairs scorer on two zones.
    const both = { declarations: twoZones.flatMap((z) => z.declarations), organisations: twoZones.flatMap((z) => z.organisations) };
    let t0 = performance.now();
    const blocked = matchZone(both.declarations, both.organisations, { kb });
    const blockedMs = performance.now() - t0;
    t0 = performance.now();
    const naive = matchAllPairs(both.declarations, both.organisations, { kb });
    const naiveMs = performance.now() - t0;
    const keys = (list: { key: string }[]) => new Set(list.map((p) => p.key));
    const sameProposals = [...keys(naive)].every((k) => keys(blocked).has(k));
    console.log(
      `blocked vs naive all pairs (${both.declarations.length} declarations): ${ms(blockedMs)} vs ${ms(naiveMs)} — ${(naiveMs / blockedMs).toFixed(1)}× faster; same proposals: ${sameProposals ? 'yes' : 'no'}`,
    );
  }
  sampleMemory();
  console.log(`memory peak (RSS of this process): ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
} finally {
  clearInterval(memoryTimer);
  await scratch.dispose();
}
