import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './context';
import { activityFixture } from './fixtures/activity';

let t: TestContext;
let facilitator: TestUser;
let slug: string;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

beforeAll(async () => {
  t = await createTestContext();
  const fixture = await activityFixture(t);
  facilitator = await t.newUser('facilitator', { zoneId: fixture.zoneId });
  slug = (await t.ctx.db.$client<{ slug: string }[]>`select slug from zones where id = ${fixture.zoneId}`)[0]!.slug;
});
afterAll(() => t.close());

async function csv(what: string) {
  const res = await t.call(facilitator, 'GET', `/zones/${slug}/exports/${what}.csv`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  const bytes = res.rawPayload;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8'), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
}

async function xlsx(what: string) {
  const res = await t.call(facilitator, 'GET', `/zones/${slug}/exports/${what}.xlsx`);
  expect(res.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, (row.values as unknown[])[i + 1] ?? null])));
  });
  return rows;
}

describe('exports', () => {
  it('exports every list as CSV (UTF-8 with BOM, ";") and XLSX, with names and no ids', async () => {
    const expected = { firms: 4, declarations: 3, synergies: 6, meetings: 2, impacts: 2 };
    for (const [what, count] of Object.entries(expected)) {
      const fromCsv = await csv(what);
      const fromXlsx = await xlsx(what);
      expect(fromCsv, what).toHaveLength(count);
      expect(fromXlsx, what).toHaveLength(count);
      expect(JSON.stringify(fromCsv)).not.toMatch(UUID);
      expect(JSON.stringify(fromXlsx)).not.toMatch(UUID);
    }
  });

  it('writes what a facilitator reads', async () => {
    const firms = await csv('firms');
    expect(firms.map((f) => f['Raison sociale'])).toEqual([
      'Cartonnages Jurassiens',
      'Fromagerie Château-Chalon',
      'Imprimerie de Chille',
      'Scierie du Revermont',
    ]);
    expect(firms.find((f) => f['Raison sociale'] === 'Scierie du Revermont')).toMatchObject({ Effectif: '40', Commune: 'Perrigny' });
    const declarations = await xlsx('declarations');
    expect(declarations.find((d) => d.Titre === 'Chaleur pour le séchage')).toMatchObject({
      Entreprise: 'Fromagerie Château-Chalon',
      Type: 'Besoin',
      Quantité: 10,
      Fréquence: 'annuel',
    });
    const meetings = await csv('meetings');
    expect(meetings.map((m) => [m.Entreprises, m.Statut]).sort()).toEqual([
      ['Cartonnages Jurassiens, Scierie du Revermont', 'cancelled'],
      ['Fromagerie Château-Chalon, Scierie du Revermont', 'done'],
    ]);
    const impacts = await xlsx('impacts');
    expect(impacts.find((i) => i.Synergie === 'Palettes réemployées')).toMatchObject({
      'Tonnes détournées': 12.5,
      'Euros économisés': 1500,
      'kg CO2e évités': 800,
      'km évités': 120,
    });
  });

  it('answers 404 to an unknown list (an address that names nothing) and 403 to a firm member', async () => {
    expect((await t.call(facilitator, 'GET', `/zones/${slug}/exports/salaires.csv`)).statusCode).toBe(404);
    expect((await t.call(facilitator, 'GET', `/zones/${slug}/exports/firms.pdf`)).statusCode).toBe(404);
    const member = await t.newUser('member');
    expect((await t.call(member, 'GET', `/zones/${slug}/exports/firms.csv`)).statusCode).toBe(403);
  });
});
