import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type TestUser } from '../context';
import { activityFixture } from '../fixtures/activity';
import { CHROMIUM_PATH, launchBrowser, logIn, newSession, serve } from './browser';

let t: TestContext;
let browser: Browser;
let baseURL: string;
let facilitator: TestUser;
let zoneId: string;

beforeAll(async () => {
  t = await createTestContext();
  // The browser keeps the session cookie only if it has not expired by the real clock.
  t.clock.current = new Date();
  zoneId = (await activityFixture(t)).zoneId;
  // The demo zone's slug: the server then ships its communes' outlines and names.
  await t.ctx.db.$client`update zones set slug = 'lons-perrigny' where id = ${zoneId}`;
  facilitator = await t.newUser('facilitator', { zoneId });
  baseURL = await serve(t);
  // MapLibre draws with WebGL: headless Chromium gets it from SwiftShader, on the CPU.
  await launchBrowser().then((b) => b.close());
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t.close();
});

async function openMap() {
  const { context, page, errors } = await newSession(browser, baseURL);
  await logIn(page, facilitator.email, PASSWORD);
  await page.goto(`/animation/carte?zone=${zoneId}`);
  const map = page.locator('[data-test="flow-map"]');
  await map.locator('canvas').waitFor({ state: 'attached' });
  // 4 located firms and 5 open synergies between A and B (see the fixture).
  await expect.poll(() => map.getAttribute('data-firms')).toBe('4');
  await expect.poll(() => map.getAttribute('data-flows')).toBe('5');
  return { context, page, errors, map };
}

describe('map of flows in Chromium', () => {
  it('works without a tile source: plain background, outline, commune names, markers and flows', async () => {
    const outside: string[] = [];
    const { context, page, errors } = await openMap();
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL)) outside.push(r.url());
    });
    await expect.poll(() => page.locator('.commune-label').count()).toBe(7);
    await expect(page.locator('.commune-label', { hasText: 'Perrigny' }).count()).resolves.toBe(1);
    // The filter by kind keeps only the substitution flows (s1, s3, s4 and the 2025 one).
    await page.getByLabel('Type').selectOption('substitution');
    await expect.poll(() => page.locator('[data-test="flow-map"]').getAttribute('data-flows')).toBe('4');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('uses the configured tile source', async () => {
    const styleUrl = 'http://tiles.example.test/style.json';
    t.ctx.config.MAP_TILES_URL = styleUrl;
    let styleServed = 0;
    const { context, page, errors } = await newSession(browser, baseURL);
    await context.route(`${styleUrl}*`, async (route) => {
      styleServed++;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#cfe3f5' } }] }),
      });
    });
    try {
      await logIn(page, facilitator.email, PASSWORD);
      await page.goto(`/animation/carte?zone=${zoneId}`);
      const map = page.locator('[data-test="flow-map"]');
      await map.locator('canvas').waitFor({ state: 'attached' });
      await expect.poll(() => map.getAttribute('data-firms')).toBe('4');
      await expect.poll(() => map.getAttribute('data-flows')).toBe('5');
      expect(styleServed).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      t.ctx.config.MAP_TILES_URL = undefined;
    }
  }, 60_000);
});
