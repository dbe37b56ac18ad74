/**
 * pnpm match <zone-export.json> [--json]
 * Loads a zone document into a temporary database and index, runs the engine the server
 * runs (a full rematch of the zone), and prints every proposal.
 */
import crypto from 'node:crypto';
import { readFile, mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ZoneExchange } from '@synergies/shared';
import postgres from 'postgres';
import { loadConfig } from '../infra/config';
import { startEmbeddedMeilisearch } from '../infra/embedded/meilisearch';
import { startEmbeddedPostgres } from '../infra/embedded/postgres';
import { ExchangeService } from '../modules/exchange/service';
import { MatchingService } from '../modules/matching/service';
import { openPlatform } from '../platform';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const asJson = args.includes('--json');
if (!file) {
  console.error('Usage: pnpm match <zone-export.json> [--json]');
  process.exit(2);
}

const parsed = ZoneExchange.safeParse(JSON.parse(await readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8')));
if (!parsed.success) {
  console.error(`Invalid zone document ${file}:`);
  for (const issue of parsed.error.issues.slice(0, 30)) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}

const say = (m: string) => (asJson ? undefined : console.error(m));
const quiet = { info: () => undefined, warn: () => undefined, error: (o: object, m: string) => console.error(m, o) };
const tmp = await mkdtemp(path.join(os.tmpdir(), 'synergies-match-'));
await chmod(tmp, 0o755);
const stops: (() => Promise<void>)[] = [];
const name = `match_${crypto.randomBytes(4).toString('hex')}`;

try {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    say('starting a temporary PostgreSQL…');
    const pg = await startEmbeddedPostgres(path.join(tmp, 'postgres'), say);
    stops.push(pg.stop);
    serverUrl = pg.url;
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  stops.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  let meiliUrl = process.env.MEILI_URL;
  let meiliKey = process.env.MEILI_KEY ?? '';
  if (!meiliUrl) {
    say('starting a temporary Meilisearch…');
    meiliKey = crypto.randomBytes(16).toString('hex');
    const meili = await startEmbeddedMeilisearch(path.join(tmp, 'meilisearch'), meiliKey, say);
    stops.push(meili.stop);
    meiliUrl = meili.url;
  }

  const started = Date.now();
  const platform = await openPlatform(loadConfig(), { databaseUrl: url.toString(), meiliUrl, meiliKey, indexPrefix: `${name}_`, workers: false, log: quiet });
  stops.push(async () => {
    await platform.ctx.search.client.deleteIndex(platform.ctx.search.declarations).waitTask();
    await platform.ctx.search.client.deleteIndex(platform.ctx.search.organisations).waitTask();
    await platform.close();
  });
  const { ctx } = platform;
  const summary = await new ExchangeService(ctx).importZone('system', parsed.data);
  await ctx.searchRelay.drain();
  const [run] = await ctx.db.$client<{ id: string }[]>`select id from match_runs order by created_at desc limit 1`;
  await new MatchingService(ctx).rematchZone(summary.zoneId, run!.id);

  const proposals = await ctx.db.$client<{ kind: string; title: string; score: number; explanation_fr: string; reasons: unknown; declarations: string[]; organisations: string[] }[]>`
    select s.kind, s.title, s.score, s.explanation_fr, s.reasons,
           array(select d.title from synergy_declarations sd join declarations d on d.id = sd.declaration_id where sd.synergy_id = s.id order by d.title) as declarations,
           array(select o.name from synergy_parties p join organisations o on o.id = p.organisation_id where p.synergy_id = s.id order by o.name) as organisations
    from synergies s where s.status = 'proposed' order by s.kind, s.score desc`;
  const seconds = (Date.now() - started) / 1000;
  if (asJson) {
    console.log(JSON.stringify({ zone: parsed.data.zone.slug, seconds, proposals: proposals.map((p) => ({ ...p, score: Math.round(p.score * 1000) / 1000 })) }, null, 2));
  } else {
    for (const p of proposals) {
      console.log(`[${p.kind}] ${p.score.toFixed(3)}  ${p.title}`);
      console.log(`    ${p.organisations.join(' · ')}`);
      console.log(`    ${p.explanation_fr}`);
    }
    const byKind = proposals.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.kind]: (acc[p.kind] ?? 0) + 1 }), {});
    console.log(`\n${proposals.length} proposals (${Object.entries(byKind).map(([k, n]) => `${n} ${k}`).join(', ')}) in ${seconds.toFixed(1)} s`);
  }
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
}
