import { MAX_PHOTO_BYTES } from '@synergies/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, type Scenario } from './context';

let t: TestContext;
let s: Scenario;

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
});
afterAll(() => t.close());

// A valid 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5c2d60000000049454e44ae426082',
  'hex',
);

function multipart(file: Buffer, filename: string, contentType: string) {
  const boundary = '----synergies-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(user: TestUser, declarationId: string, file: Buffer, filename = 'photo.png', contentType = 'image/png') {
  const body = multipart(file, filename, contentType);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/declarations/${declarationId}/photos`,
    headers: { ...body.headers, cookie: user.cookie },
    payload: body.payload,
  });
}

const photoCount = async (id: string) =>
  (await t.ctx.db.$client<{ n: number }[]>`select count(*)::int as n from declaration_photos where declaration_id = ${id}`)[0]!.n;

describe('photos', () => {
  it('uploads a photo, serves it, lists it, then deletes it', async () => {
    const d = await t.declare(s.memberA, { title: 'Bobines de carton' });
    const res = await upload(s.memberA, d.id, PNG);
    expect(res.statusCode).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({ contentType: 'image/png' });

    const bytes = await t.app.inject({ method: 'GET', url: photo.url, headers: { cookie: s.memberB.cookie } });
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.headers['x-content-type-options']).toBe('nosniff');
    expect(bytes.rawPayload.length).toBe(photo.size);
    expect(await sharp(bytes.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });

    expect((await t.call(s.memberA, 'GET', `/declarations/${d.id}`)).json().photos).toHaveLength(1);
    expect((await t.call(s.memberA, 'DELETE', `/declarations/${d.id}/photos/${photo.id}`)).statusCode).toBe(204);
    expect(await photoCount(d.id)).toBe(0);
  });

  it('refuses an oversized photo with 413 and stores nothing', async () => {
    const d = await t.declare(s.memberA, { title: 'Grande photo' });
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]);
    const res = await upload(s.memberA, d.id, big);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await photoCount(d.id)).toBe(0);
  });

  it('judges the type by the bytes, not by the declared name or type', async () => {
    const d = await t.declare(s.memberA, { title: 'Faux PNG' });
    const res = await upload(s.memberA, d.id, Buffer.from('#!/bin/sh\necho pas une image\n'), 'photo.png', 'image/png');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
    expect(await photoCount(d.id)).toBe(0);
  });

  it("refuses a photo on another firm's declaration", async () => {
    const d = await t.declare(s.memberA, { title: 'Pas à toi' });
    expect((await upload(s.memberB, d.id, PNG)).statusCode).toBe(403);
    expect(await photoCount(d.id)).toBe(0);
  });

  it('refuses a request that is not multipart', async () => {
    const d = await t.declare(s.memberA, { title: 'Sans fichier' });
    const res = await t.call(s.memberA, 'POST', `/declarations/${d.id}/photos`, { file: 'x' });
    expect(res.statusCode).toBe(415);
    expect(await photoCount(d.id)).toBe(0);
  });

  it('re-encodes a JPEG: EXIF (GPS) and a payload appended after the image are gone', async () => {
    const d = await t.declare(s.memberA, { title: 'Photo de chantier' });
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Appareil-Secret', Copyright: 'Serial-0042' }, IFD3: { GPSLatitude: '46/1 40/1 12/1', GPSLatitudeRef: 'N' } })
      .toBuffer();
    expect(jpeg.includes('Appareil-Secret')).toBe(true);
    // The polyglot: a valid JPEG, then an HTML page with a script (and a ZIP's magic).
    const payload = Buffer.from('<html><script>alert(document.cookie)</script></html>PK\u0003\u0004');
    const polyglot = Buffer.concat([jpeg, payload]);
    const res = await upload(s.memberA, d.id, polyglot, 'chantier.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const served = (await t.app.inject({ method: 'GET', url: res.json().url, headers: { cookie: s.memberA.cookie } })).rawPayload;
    expect(served.includes('<script>')).toBe(false);
    expect(served.includes('Appareil-Secret')).toBe(false);
    expect(served.includes('Serial-0042')).toBe(false);
    const meta = await sharp(served).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(meta.exif).toBeUndefined();
    // Ends with the JPEG end-of-image marker: nothing after the image.
    expect(served.subarray(-2).toString('hex')).toBe('ffd9');
  });

  it('refuses images beyond the dimension limit and scales large ones down', async () => {
    const d = await t.declare(s.memberA, { title: 'Panorama' });
    const huge = await sharp({ create: { width: 12_000, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const refused = await upload(s.memberA, d.id, huge);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('image_too_large');
    expect(await photoCount(d.id)).toBe(0);
    const large = await sharp({ create: { width: 4000, height: 1000, channels: 3, background: '#888' } })
      .webp()
      .toBuffer();
    const res = await upload(s.memberA, d.id, large, 'large.webp', 'image/webp');
    expect(res.statusCode).toBe(201);
    const served = (await t.app.inject({ method: 'GET', url: res.json().url, headers: { cookie: s.memberA.cookie } })).rawPayload;
    expect(await sharp(served).metadata()).toMatchObject({ format: 'webp', width: 2048, height: 512 });
  });
});
