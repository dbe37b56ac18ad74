/**
 * Speed of a full rematch: a generated zone of 300 firms × 10 declarations, then ten
 * such zones side by side (3,000 firms, 30,000 declarations) to check that time grows
 * about linearly. Wall time and CPU time (the machine may be shared).
 * Run: cd /work/main && npx tsx bench/matching/speed.ts
 */
import { readFileSync } from 'node:fs';
import { KnowledgeBase, matchZone, parseMaestriCsv, potentialTakers } from '../../server/src/core/matching/index';
import { generateZone, type GeneratedZone } from '../../server/src/core/matching/testing';

const kb = new KnowledgeBase(parseMaestriCsv(readFileSync(new URL('../../server/src/core/matching/knowledge/maestri-exchanges.csv', import.meta.url), 'utf8')));

function time(label: string, zone: GeneratedZone, runs: number): void {
  let wall = Infinity;
  let cpu = Infinity;
  let count = 0;
  for (let i = 0; i < runs; i++) {
    // Fresh objects each run, so no per-declaration cache from a previous run helps.
    const declarations = zone.declarations.map((d) => ({ ...d }));
    const start = performance.now();
    const usage = process.cpuUsage();
    // As the matching module runs it: every plausible taker ranked, the best five proposed.
    count = matchZone(declarations, zone.organisations, { kb, potentialTakers: { maxPerOffer: 5 } }).length;
    const used = process.cpuUsage(usage);
    wall = Math.min(wall, performance.now() - start);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  console.log(`${label}: ${zone.declarations.length} declarations → ${count} proposals; best of ${runs}: ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`);
}

time('300 firms, one zone', generateZone(42, 300, 10), 5);
const zones = Array.from({ length: 10 }, (_, z) => generateZone(100 + z, 300, 10, { zoneId: `zone-${z}`, centre: { lat: 43 + z * 0.8, lng: 1 + z * 0.6 } }));
time('3,000 firms, ten zones', { organisations: zones.flatMap((z) => z.organisations), declarations: zones.flatMap((z) => z.declarations) }, 2);

// Per declaration, as the module runs it after an offer changes: every firm of its 300-firm zone ranked.
{
  const zone = generateZone(7, 300, 10);
  const offers = zone.declarations.filter((d) => d.kind === 'offer').slice(0, 500);
  const cpu: number[] = [];
  for (const offer of offers) {
    const usage = process.cpuUsage();
    potentialTakers({ ...offer }, zone.organisations, kb, { maxPerOffer: 5 });
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  const at = (p: number) => cpu[Math.min(cpu.length - 1, Math.floor(p * cpu.length))]!.toFixed(2);
  console.log(`potential takers of one offer among 300 firms (${offers.length} offers): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms CPU`);
}
