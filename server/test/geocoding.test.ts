import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImportPreview, ImportRun, ImportUpload } from '@synergies/shared';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, randomSiret, type TestContext, type TestUser } from './context';

/*
 * Imports geocode through the national address API (BAN) when GEOCODER_URL is set. The API
 * is outside the platform: it is played here by a small HTTP server answering its CSV batch
 * endpoint the way it does (the input columns, then latitude, longitude and result_score).
 */
const KNOWN: Record<string, { latitude: number; longitude: number; score: number }> = {
  '3 route de Chille|39570': { latitude: 46.6741, longitude: 5.5354, score: 0.93 },
  'Lieu-dit inconnu|39570': { latitude: 46.68, longitude: 5.55, score: 0.21 },
};
let geocoderDown = false;
const received: string[][] = [];
const geocoder = http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/search/csv/' || geocoderDown) {
    res.writeHead(geocoderDown ? 503 : 404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = await new Request('http://geocoder/', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type']! },
    body: Buffer.concat(chunks),
  }).formData();
  const rows = parse(await (form.get('data') as Blob).text(), { columns: true }) as Record<string, string>[];
  received.push(form.getAll('columns') as string[]);
  const answer = rows.map((r) => {
    const hit = KNOWN[`${r.adresse}|${r.postcode}`];
    return { ...r, latitude: hit?.latitude ?? '', longitude: hit?.longitude ?? '', result_score: hit?.score ?? '' };
  });
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(stringify(answer, { header: true }));
});

let t: TestContext;
let facilitator: TestUser;
const slug = `geo-${Date.now().toString(36)}`;

beforeAll(async () => {
  await new Promise<void>((resolve) => geocoder.listen(0, '127.0.0.1', resolve));
  t = await createTestContext({ GEOCODER_URL: `http://127.0.0.1:${(geocoder.address() as AddressInfo).port}` });
  const zoneId = await t.newZone({ slug, name: 'ZI de Lons-Perrigny' });
  facilitator = await t.newUser('facilitator', { zoneId });
});
afterAll(async () => {
  await t.close();
  geocoder.close();
});

const sheet = (rows: string[][]) =>
  Buffer.from([['SIRET', 'Raison sociale', 'Adresse', 'Code postal', 'Commune', 'Latitude', 'Longitude'], ...rows].map((r) => r.join(';')).join('\n'));

async function previewOf(bytes: Buffer) {
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/zones/${slug}/imports?fileName=firms.csv`,
    headers: { cookie: facilitator.cookie, 'content-type': 'text/csv' },
    payload: bytes,
  });
  expect(up.statusCode, up.body).toBe(201);
  const upload = up.json() as ImportUpload;
  const res = await t.call(facilitator, 'POST', `/zones/${slug}/imports/${upload.run.id}/preview`, { kind: upload.run.kind, mapping: upload.mapping });
  expect(res.statusCode, res.body).toBe(200);
  return { upload, preview: res.json() as ImportPreview };
}

describe('geocoding imported addresses', () => {
  it('places firms without coordinates from their address, lists the unsure ones, and keeps given coordinates', async () => {
    const [found, unsure, given] = [randomSiret(), randomSiret(), randomSiret()];
    const { upload, preview } = await previewOf(
      sheet([
        [found, 'Cartonnages Jurassiens', '3 route de Chille', '39570', 'Montmorot', '', ''],
        [unsure, 'Atelier du lieu-dit', 'Lieu-dit inconnu', '39570', 'Perrigny', '', ''],
        [given, 'Scierie du Revermont', '12 rue des Écoles', '39570', 'Perrigny', '46.6702', '5.5871'],
      ]),
    );
    expect(preview.geocoded).toBe(1);
    expect(preview.missingCoordinates.map((m) => m.label)).toEqual(['Atelier du lieu-dit']);
    // Only what lacked coordinates was sent, with the address, city and postcode columns named.
    expect(received.at(-1)).toEqual(['adresse', 'city']);

    const start = await t.call(facilitator, 'POST', `/zones/${slug}/imports/${upload.run.id}/start`, { kind: upload.run.kind, mapping: upload.mapping });
    expect(start.statusCode, start.body).toBe(202);
    let run: ImportRun | undefined;
    for (let i = 0; i < 300 && run?.status !== 'done' && run?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await t.call(facilitator, 'GET', `/zones/${slug}/imports/${upload.run.id}`)).json() as ImportRun;
    }
    expect(run?.status).toBe('done');
    const sites = await t.ctx.db.$client<{ siret: string; latitude: number | null; longitude: number | null }[]>`
      select o.siret, s.latitude, s.longitude from organisations o join sites s on s.organisation_id = o.id where o.siret in ${t.ctx.db.$client([found, unsure, given])}`;
    const at = Object.fromEntries(sites.map((s) => [s.siret, s.latitude === null ? null : [Number(s.latitude), Number(s.longitude)]]));
    expect(at).toEqual({ [found]: [46.6741, 5.5354], [unsure]: null, [given]: [46.6702, 5.5871] });
  });

  it('still previews when the address service is down: every row without coordinates is listed for completion', async () => {
    geocoderDown = true;
    try {
      const { preview } = await previewOf(sheet([[randomSiret(), 'Menuiserie Bressane', '3 route de Chille', '39570', 'Montmorot', '', '']]));
      expect(preview.geocoded).toBe(0);
      expect(preview.missingCoordinates.map((m) => m.label)).toEqual(['Menuiserie Bressane']);
    } finally {
      geocoderDown = false;
    }
  });
});
