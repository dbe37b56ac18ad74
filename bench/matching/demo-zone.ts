/**
 * The engine on the demo zone (db/seed/lons-perrigny.json): counts per kind and the best
 * proposals with their French explanations, to read what facilitators would see.
 * Run: cd /work/main && npx tsx bench/matching/demo-zone.ts [count]
 */
import { readFileSync } from 'node:fs';
import { KnowledgeBase, matchZone, parseMaestriCsv, type MatchDeclaration, type MatchOrganisation } from '../../server/src/core/matching/index';

interface SeedSite {
  id: string;
  latitude: number;
  longitude: number;
}
interface SeedDeclaration extends Omit<MatchDeclaration, 'organisationId' | 'zoneId' | 'location' | 'organisationNaf'> {
  siteId: string | null;
}
interface SeedOrganisation {
  id: string;
  name: string;
  nafCode: string;
  sites: SeedSite[];
  declarations: SeedDeclaration[];
}

const seed = JSON.parse(readFileSync(new URL('../../db/seed/lons-perrigny.json', import.meta.url), 'utf8')) as {
  zone: { id: string };
  organisations: SeedOrganisation[];
};
const kb = new KnowledgeBase(parseMaestriCsv(readFileSync(new URL('../../server/src/core/matching/knowledge/maestri-exchanges.csv', import.meta.url), 'utf8')));
const zoneId = seed.zone.id;
const point = (s: SeedSite | undefined) => (s ? { lat: s.latitude, lng: s.longitude } : null);
const organisations: MatchOrganisation[] = seed.organisations.map((o) => ({ id: o.id, zoneId, nafCode: o.nafCode, location: point(o.sites[0]), name: o.name }));
const declarations: MatchDeclaration[] = seed.organisations.flatMap((o) =>
  o.declarations.map((d) => ({
    ...d,
    organisationId: o.id,
    zoneId,
    organisationNaf: o.nafCode,
    location: point(o.sites.find((s) => s.id === d.siteId) ?? o.sites[0]),
  })),
);
const titles = new Map(declarations.map((d) => [d.id, `${d.kind === 'offer' ? '+' : '-'} ${d.title}`]));
const names = new Map(organisations.map((o) => [o.id, o.name]));

const start = performance.now();
const proposals = matchZone(declarations, organisations, { kb, today: '2026-11-26', potentialTakers: { maxPerOffer: 5 } });
console.log(
  `${declarations.length} declarations, ${organisations.length} firms → ${proposals.length} proposals in ${(performance.now() - start).toFixed(0)} ms`,
);
for (const kind of ['substitution', 'sharing', 'mutualisation', 'potential_taker'] as const) {
  const ofKind = proposals.filter((p) => p.kind === kind);
  console.log(`\n## ${kind}: ${ofKind.length}`);
  for (const p of ofKind.slice(0, Number(process.argv[2] ?? 6))) {
    console.log(`${p.score.toFixed(2)}  ${p.declarationIds.map((id) => titles.get(id)).join('  |  ')}`);
    if (kind === 'potential_taker') console.log(`      → ${p.organisationIds.map((id) => names.get(id)).join(' / ')}`);
    console.log(`      ${p.explanationFr}`);
  }
}
