/**
 * pnpm match <zone-export.json> [--json]
 * Loads a zone document into a temporary database and index, runs the engine the server
 * runs (a full rematch of the zone), and prints every proposal.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ZoneExchange } from '@synergies/shared';
import { ZoneExchangeService } from '../modules/zone-exchange/service';
import { MatchingService } from '../modules/matching/service';
import { openScratchPlatform } from './scratch';

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
const scratch = await openScratchPlatform(say);
try {
  const { ctx } = scratch;
  const started = Date.now();
  const summary = await new ZoneExchangeService(ctx).importZone('system', parsed.data);
  await ctx.searchRelay.drain();
  const [run] = await ctx.db.$client<{ id: string }[]>`select id from match_runs order by created_at desc limit 1`;
  await new MatchingService(ctx).rematchZone(summary.zoneId, run!.id);

  const proposals = await ctx.db.$client<
    { kind: string; title: string; score: number; explanation_fr: string; reasons: unknown; declarations: string[]; organisations: string[] }[]
  >`
    select s.kind, s.title, s.score, s.explanation_fr, s.reasons,
           array(select d.title from synergy_declarations sd join declarations d on d.id = sd.declaration_id where sd.synergy_id = s.id order by d.title) as declarations,
           array(select o.name from synergy_parties p join organisations o on o.id = p.organisation_id where p.synergy_id = s.id order by o.name) as organisations
    from synergies s where s.status = 'proposed' order by s.kind, s.score desc`;
  const seconds = (Date.now() - started) / 1000;
  if (asJson) {
    console.log(
      JSON.stringify({ zone: parsed.data.zone.slug, seconds, proposals: proposals.map((p) => ({ ...p, score: Math.round(p.score * 1000) / 1000 })) }, null, 2),
    );
  } else {
    for (const p of proposals) {
      console.log(`[${p.kind}] ${p.score.toFixed(3)}  ${p.title}`);
      console.log(`    ${p.organisations.join(' · ')}`);
      console.log(`    ${p.explanation_fr}`);
    }
    const byKind = proposals.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.kind]: (acc[p.kind] ?? 0) + 1 }), {});
    console.log(
      `\n${proposals.length} proposals (${Object.entries(byKind)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}) in ${seconds.toFixed(1)} s`,
    );
  }
} finally {
  await scratch.dispose();
}
