import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ImportPreview, ImportRun, ImportUpload } from '@synergies/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { REPO_ROOT } from '../src/infra/config';
import { importSheetFile } from '../src/modules/imports/cli';
import { createTestContext, randomSiret, type TestContext, type TestUser } from './context';
import { withDatabase } from '../src/infra/db';

let t: TestContext;
let facilitator: TestUser;
let zoneId: string;
const slug = `jura-${Date.now().toString(36)}`;
const sirets = Array.from({ length: 4 }, () => randomSiret());

beforeAll(async () => {
  t = await createTestContext();
  zoneId = await t.newZone({ slug, name: 'ZI de Lons-Perrigny' });
  facilitator = await t.newUser('facilitator', { zoneId });
});
afterAll(() => t.close());

/** The sheet a facilitator saves from Excel for Windows: `;`, Windows-1252, French headers. */
const firmsCsv = (rows: string[][]) =>
  iconv.encode(
    [['N° SIRET', 'Raison sociale', 'Effectif', 'Adresse', 'Code postal', 'Commune', 'Latitude', 'Longitude'], ...rows].map((r) => r.join(';')).join('\r\n'),
    'win1252',
  );

const goodFirms = () =>
  firmsCsv([
    [sirets[0]!, 'Scierie du Revermont', '42', '12 rue des Écoles', '39570', 'Perrigny', '46,6702', '5,5871'],
    [sirets[1]!, 'Fromagerie Château-Chalon', '118', 'ZI Nord', '39000', 'Lons-le-Saunier', '46.6901', '5.5503'],
    [sirets[2]!, 'Cartonnages Jurassiens', '1 250', '3 route de Chille', '39570', 'Montmorot', '', ''],
  ]);

async function upload(bytes: Buffer, fileName: string, kind?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/zones/${slug}/imports?fileName=${encodeURIComponent(fileName)}${kind ? `&kind=${kind}` : ''}`,
    headers: { cookie: facilitator.cookie, 'content-type': fileName.endsWith('.csv') ? 'text/csv' : 'application/octet-stream' },
    payload: bytes,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ImportUpload;
}

async function preview(up: ImportUpload) {
  const res = await t.call(facilitator, 'POST', `/zones/${slug}/imports/${up.run.id}/preview`, { kind: up.run.kind, mapping: up.mapping });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportPreview;
}

async function runToEnd(up: ImportUpload): Promise<ImportRun> {
  const res = await t.call(facilitator, 'POST', `/zones/${slug}/imports/${up.run.id}/start`, { kind: up.run.kind, mapping: up.mapping });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 1200; i++) {
    const run = (await t.call(facilitator, 'GET', `/zones/${slug}/imports/${up.run.id}`)).json() as ImportRun;
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const count = async (table: 'organisations' | 'declarations' | 'sites') =>
  (
    await t.ctx.db.$client<
      { n: number }[]
    >`select count(*)::int as n from ${t.ctx.db.$client(table)} where ${table === 'sites' ? t.ctx.db.$client`organisation_id in (select id from organisations where zone_id = ${zoneId})` : t.ctx.db.$client`zone_id = ${zoneId}`}`
  )[0]!.n;

async function declarationsXlsx(rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Fiches atelier');
  sheet.addRow(['Référence', 'Entreprise', 'Type', 'Titre', 'Catégorie', 'Quantité', 'Unité', 'Fréquence', 'Code déchet']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const goodDeclarations = () =>
  declarationsXlsx([
    ['A-01', 'Scierie du Revermont', 'Offre', 'Palettes bois 120x80 hors format', 'Bois et palettes', 30, 'palettes', 'mensuel', '15 01 03'],
    ['A-02', 'Fromagerie Château-Chalon', 'Besoin', 'Palettes bois pour expédition', 'materials.wood', '2,5', 'tonnes', 'annuel', ''],
    ['A-03', 'Cartonnages Jurassiens', 'Offre', 'Chutes de carton ondulé', 'Papiers et cartons', 4, 't', 'mensuel', ''],
  ]);

describe('spreadsheet imports', () => {
  it('imports a Windows-1252 CSV of firms with French headers, listing the firm without coordinates', async () => {
    const up = await upload(goodFirms(), 'entreprises.csv');
    expect(up.run.kind).toBe('organisations');
    expect(up.headers).toContain('Raison sociale');
    expect(up.mapping).toMatchObject({
      siret: 'N° SIRET',
      name: 'Raison sociale',
      headcount: 'Effectif',
      postalCode: 'Code postal',
      city: 'Commune',
      latitude: 'Latitude',
    });
    expect(up.sample[0]).toContain('12 rue des Écoles');

    const p = await preview(up);
    expect(p).toMatchObject({ total: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(p.rows.map((r) => r.fate)).toEqual(['new', 'new', 'new']);
    expect(p.missingCoordinates).toEqual([{ row: 4, label: 'Cartonnages Jurassiens', address: '3 route de Chille 39570 Montmorot' }]);
    expect(await count('organisations')).toBe(0);

    const run = await runToEnd(up);
    expect(run).toMatchObject({ status: 'done', total: 3, done: 3, result: { created: 3, updated: 0, unchanged: 0, errors: [] } });
    const [firm] = await t.ctx.db.$client<{ headcount: number; address: string; latitude: number; longitude: number }[]>`
      select o.headcount, s.address, s.latitude, s.longitude from organisations o join sites s on s.organisation_id = o.id where o.siret = ${sirets[0]!}`;
    expect(firm).toEqual({ headcount: 42, address: '12 rue des Écoles', latitude: 46.6702, longitude: 5.5871 });
    expect(await count('sites')).toBe(3);
  });

  it('refuses to start the same upload twice', async () => {
    const up = await upload(goodFirms(), 'entreprises.csv');
    await runToEnd(up);
    const again = await t.call(facilitator, 'POST', `/zones/${slug}/imports/${up.run.id}/start`, { kind: up.run.kind, mapping: up.mapping });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'import_already_started' });
  });

  it('imports an XLSX of workshop cards by firm name, queues their matching, and remembers the mapping', async () => {
    const up = await upload(await goodDeclarations(), 'fiches.xlsx');
    expect(up.run.kind).toBe('declarations');
    expect(up.mappingFrom).toBe('headers');
    expect(up.mapping).toMatchObject({
      reference: 'Référence',
      firmName: 'Entreprise',
      kind: 'Type',
      title: 'Titre',
      categoryCode: 'Catégorie',
      quantity: 'Quantité',
      unit: 'Unité',
      frequency: 'Fréquence',
      wasteCode: 'Code déchet',
    });
    const run = await runToEnd(up);
    expect(run.result, run.error ?? '').toMatchObject({ created: 3, updated: 0, unchanged: 0, errors: [] });

    const rows = await t.ctx.db.$client<
      { id: string; title: string; kind: string; quantity: number; unit: string; frequency: string; waste_code: string | null; category_code: string }[]
    >`
      select id, title, kind, quantity, unit, frequency, waste_code, category_code from declarations where zone_id = ${zoneId} order by title`;
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      { title: 'Chutes de carton ondulé', kind: 'offer', quantity: 4, unit: 't', frequency: 'monthly', waste_code: null, category_code: 'materials.paper' },
      {
        title: 'Palettes bois 120x80 hors format',
        kind: 'offer',
        quantity: 30,
        unit: 'pallet',
        frequency: 'monthly',
        waste_code: '15 01 03',
        category_code: 'materials.wood',
      },
      {
        title: 'Palettes bois pour expédition',
        kind: 'need',
        quantity: 2.5,
        unit: 't',
        frequency: 'yearly',
        waste_code: null,
        category_code: 'materials.wood',
      },
    ]);
    const [jobs] = await t.ctx.db.$client<{ n: number }[]>`
      select count(distinct data->>'declarationId')::int as n from pgboss.job where name = 'match-declaration' and data->>'declarationId' = any(${rows.map((r) => r.id)}::text[])`;
    expect(jobs!.n).toBe(3);

    // The next sheet of this zone starts from the mapping used.
    const next = await upload(await goodDeclarations(), 'fiches-bis.xlsx');
    expect(next.mappingFrom).toBe('template');
  });

  it('re-imports both sheets without duplicates, and updates only what changed', async () => {
    const firms = await runToEnd(await upload(goodFirms(), 'entreprises.csv'));
    expect(firms.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const cards = await runToEnd(await upload(await goodDeclarations(), 'fiches.xlsx'));
    expect(cards.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await count('organisations')).toBe(3);
    expect(await count('declarations')).toBe(3);

    const changed = await declarationsXlsx([
      ['A-01', 'Scierie du Revermont', 'Offre', 'Palettes bois 120x80 (titre corrigé)', 'Bois et palettes', 45, 'palettes', 'mensuel', '15 01 03'],
      ['', 'Cartonnages Jurassiens', 'Offre', 'Chutes de carton ondulé', 'Papiers et cartons', 4, 't', 'mensuel', ''],
    ]);
    const up = await upload(changed, 'fiches-corrigees.xlsx');
    const p = await preview(up);
    expect(p.rows.map((r) => [r.row, r.fate])).toEqual([
      [2, 'updated'],
      [3, 'unchanged'],
    ]);
    await runToEnd(up);
    expect(await count('declarations')).toBe(3);
    const [d] = await t.ctx.db.$client<{ title: string; quantity: number; version: number }[]>`
      select d.title, d.quantity, d.version from declarations d join declaration_references r on r.declaration_id = d.id where r.reference = 'A-01'`;
    expect(d).toEqual({ title: 'Palettes bois 120x80 (titre corrigé)', quantity: 45, version: 2 });
  });

  it('rejects a sheet with broken rows: nothing written, every error with its row and column', async () => {
    const before = { o: await count('organisations'), d: await count('declarations') };
    const broken = await declarationsXlsx([
      ['B-01', 'Scierie du Revermont', 'Offre', 'Sciure de hêtre', 'Bois et palettes', 3, 't', 'mensuel', ''],
      ['B-02', 'Entreprise inconnue', 'Besoin', 'Solvants usagés', 'materials.chemicals', 1, 't', 'annuel', ''],
      ['B-03', 'Scierie du Revermont', 'Peut-être', 'Copeaux', 'Catégorie inventée', 'beaucoup', 'brouettes', 'parfois', '99 99 99'],
    ]);
    const up = await upload(broken, 'fiches-fausses.xlsx');
    const p = await preview(up);
    expect(p.rows.find((r) => r.row === 2)?.fate).toBe('new');
    expect(p.errors).toEqual([
      { row: 3, column: 'Entreprise', message: 'Entreprise « Entreprise inconnue » introuvable dans la zone' },
      expect.objectContaining({ row: 4, column: 'Type' }),
      expect.objectContaining({ row: 4, column: 'Catégorie' }),
      expect.objectContaining({ row: 4, column: 'Code déchet' }),
      expect.objectContaining({ row: 4, column: 'Quantité' }),
      expect.objectContaining({ row: 4, column: 'Unité' }),
      expect.objectContaining({ row: 4, column: 'Fréquence' }),
    ]);
    const run = await runToEnd(up);
    expect(run.status).toBe('failed');
    expect(run.result?.errors).toHaveLength(7);
    expect({ o: await count('organisations'), d: await count('declarations') }).toEqual(before);

    const badFirms = firmsCsv([
      [sirets[3]!, 'Nouvelle entreprise', '10', '', '39000', 'Lons-le-Saunier', '', ''],
      ['12345678901234', 'SIRET faux', 'dix', '', '39000', 'Lons-le-Saunier', '95', '5'],
      ['', 'Sans SIRET ni code postal', '', '', '', '', '', ''],
    ]);
    const firmsRun = await runToEnd(await upload(badFirms, 'entreprises-fausses.csv'));
    expect(firmsRun.status).toBe('failed');
    expect(firmsRun.result?.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'N° SIRET'],
      [3, 'Latitude'],
      [3, 'Effectif'],
      [4, 'Code postal'],
    ]);
    expect(await count('organisations')).toBe(before.o);
  });

  it('answers clear 4xx to a bad upload', async () => {
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/zones/${slug}/imports?fileName=vide.csv`,
      headers: { cookie: facilitator.cookie, 'content-type': 'text/csv' },
      payload: Buffer.alloc(0),
    });
    expect(empty.statusCode).toBe(400);
    const notXlsx = await t.app.inject({
      method: 'POST',
      url: `/api/v1/zones/${slug}/imports?fileName=x.xlsx`,
      headers: { cookie: facilitator.cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('PK nonsense'),
    });
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.headers['content-type']).toContain('application/problem+json');
    const other = await t.newUser('facilitator', { zoneId: await t.newZone() });
    const forbidden = await t.app.inject({
      method: 'POST',
      url: `/api/v1/zones/${slug}/imports?fileName=e.csv`,
      headers: { cookie: other.cookie, 'content-type': 'text/csv' },
      payload: goodFirms(),
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('imports a 10,000-row file with progress', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      randomSiret(),
      `Entreprise ${i}`,
      String(i % 500),
      `${i} rue de la Gare`,
      '39000',
      'Lons-le-Saunier',
      '46.67',
      '5.55',
    ]);
    const up = await upload(firmsCsv(rows), 'grand-fichier.csv');
    expect(up.rowCount).toBe(10_000);
    const run = await runToEnd(up);
    expect(run, run.error ?? '').toMatchObject({ status: 'done', total: 10_000, done: 10_000, result: { created: expect.any(Number), errors: [] } });
    expect(run.result!.created).toBeGreaterThan(9_990); // a random SIRET may repeat one of the earlier files' firms
  }, 240_000);

  it('has a CLI whose --json last line counts the rows, and which writes nothing on errors', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'import-sheet-'));
    const good = path.join(dir, 'fiches.xlsx');
    await writeFile(good, await declarationsXlsx([['C-01', 'Scierie du Revermont', 'Offre', 'Écorces de résineux', 'Bois et palettes', 8, 't', 'annuel', '']]));
    const bad = path.join(dir, 'fiches.csv');
    await writeFile(bad, 'Entreprise,Type,Titre,Catégorie\nScierie du Revermont,Offre,Sciure,Bois et palettes\nPersonne,Besoin,Chaleur,Inconnue\n');
    const mapping = path.join(dir, 'mapping.json');
    await writeFile(
      mapping,
      JSON.stringify({ kind: 'declarations', mapping: { firmName: 'Entreprise', kind: 'Type', title: 'Titre', categoryCode: 'Catégorie' } }),
    );
    const env = {
      ...process.env,
      DATABASE_URL: withDatabase(inject('serverUrl'), t.ctx.db.$client.options.database as string),
      MEILI_URL: inject('meiliUrl'),
      MEILI_KEY: inject('meiliKey'),
      MEILI_INDEX_PREFIX: t.ctx.search.declarations.replace(/declarations$/, ''),
      LOG_LEVEL: 'silent',
    };
    const cli = (args: string[]) =>
      promisify(execFile)('npx', ['tsx', 'server/src/cli/index.ts', 'zone', 'import-sheet', slug, ...args], { cwd: REPO_ROOT, env }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const lastJson = (stdout: string) =>
      JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        created: number;
        updated: number;
        unchanged: number;
        errors: { row: number; column: string; message: string }[];
      };
    const before = await count('declarations');

    // The command's core in process (spawning costs ~20 s on a busy machine): a dry run writes nothing.
    const dry = await importSheetFile(t.ctx, slug, good, { dryRun: true });
    expect(dry).toMatchObject({ created: 1, updated: 0, errors: [], written: false });
    expect(await count('declarations')).toBe(before);

    const rejected = await cli([bad, '--mapping', mapping, '--json']);
    expect(rejected.code, rejected.stderr).toBe(1);
    expect(lastJson(rejected.stdout).errors).toEqual([{ row: 3, column: 'Catégorie', message: expect.stringContaining('« Inconnue » non reconnu') }]);
    expect(await count('declarations')).toBe(before);

    const done = await cli([good, '--json']);
    expect(done.code).toBe(0);
    expect(lastJson(done.stdout)).toMatchObject({ created: 1, updated: 0, unchanged: 0, errors: [] });
    expect(await count('declarations')).toBe(before + 1);
  }, 300_000);
});
