import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext, eventually, type Scenario } from './context';

vi.setConfig({ testTimeout: 120_000 });

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

interface SynergyView {
  kind: string;
  explanationFr: string;
  explanationEn: string;
  parties: { organisationId: string; declarationId: string | null; role: string }[];
}

/** A firm of the zone with its NAF code, `km` east of the offering firm's site. */
async function firm(name: string, naf: string, km: number) {
  const org = await t.newOrganisation(s.zoneId, { name, latitude: 46.6702, longitude: 5.5871 + km / 76.5 });
  await t.ctx.db.$client`update organisations set naf_code = ${naf} where id = ${org.id}`;
  return org;
}

describe('potential takers of an offer nobody asked for', () => {
  it('sends a French steam offer to the nearby sectors that consume steam, says why, and shows the best five', async () => {
    await t.ctx.db.$client`update organisations set naf_code = '35.11Z' where id = ${s.firmA.id}`;
    const refinery = await firm('Raffinerie du Jura', '19.20Z', 1);
    const chemicals = await Promise.all(Array.from({ length: 6 }, (_, i) => firm(`Chimie ${i}`, `20.${14 + (i % 3)}Z`, 2 + i)));
    const software = await firm('Logiciels Lédoniens', '62.01Z', 1);
    const offer = await t.declare(s.memberA, {
      title: 'Vapeur basse pression disponible',
      categoryCode: 'energy.steam',
      quantity: 2,
      unit: 't',
      frequency: 'monthly',
      siteId: s.firmA.siteId,
    });
    const leads = await eventually(async () => {
      const res = await t.call(s.facilitator, 'GET', `/synergies?limit=100&kind=potential_taker&zoneId=${s.zoneId}`);
      const items = (res.json().items as SynergyView[]).filter((x) => x.parties.some((p) => p.declarationId === offer.id));
      return items.length > 0 ? items : undefined;
    }, 'potential takers');
    const takers = leads.map((l) => l.parties.find((p) => p.role === 'taker')!.organisationId);
    expect(takers).toContain(refinery.id);
    expect(takers).not.toContain(software.id);
    // Seven firms are plausible; the interface is shown the best five.
    expect(leads).toHaveLength(5);
    expect(takers.every((id) => id === refinery.id || chemicals.some((c) => c.id === id))).toBe(true);
    const toRefinery = leads.find((l) => l.parties.some((p) => p.organisationId === refinery.id))!;
    expect(toRefinery.explanationFr).toContain('Les raffineries consomment de la vapeur basse pression (source : Eurostat');
    expect(toRefinery.explanationEn).toContain('Refineries consume low-pressure steam (source: Eurostat');
  });
});
