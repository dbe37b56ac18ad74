import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type Scenario } from '../context';
import { eventually, launchBrowser, logIn, newSession, serve } from './browser';

let t: TestContext;
let s: Scenario;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  t = await createTestContext();
  // A real browser drops a session cookie whose expiry lies in its past: run on its clock.
  t.clock.current = new Date();
  s = await t.scenario();
  baseURL = await serve(t);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the web app in Chromium', () => {
  it('lets a member declare an offer, find it with a misspelt search, open it and edit it', async () => {
    const { context, page, errors } = await newSession(browser, baseURL);
    try {
      await logIn(page, s.memberA.email, PASSWORD);
      await page.waitForURL('**/mon-entreprise');
      await page.getByRole('heading', { name: 'Plasturgie du Revermont' }).waitFor();

      // Declare through the form; the shared schema refuses a too-short title inline first.
      await page.getByRole('link', { name: 'Nouvelle offre' }).click();
      await page.waitForURL('**/fiches/nouvelle?kind=offer');
      await page.getByLabel('Titre').fill('Pa');
      await page.getByLabel('Catégorie').selectOption('materials.wood');
      await page.getByRole('button', { name: 'Publier la fiche' }).click();
      await page.locator('#decl-title-error').waitFor();
      expect(await page.getByLabel('Titre').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Titre').fill('Palettes bois 100x120 consignées');
      await page.getByLabel('Description').fill('Une trentaine par mois, en bon état.');
      await page.getByLabel('Quantité').fill('30');
      await page.getByLabel('Unité').selectOption('pallet');
      await page.getByLabel('Fréquence').selectOption('monthly');
      await page.getByRole('button', { name: 'Publier la fiche' }).click();
      await page.waitForURL(/\/fiches\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Palettes bois 100x120 consignées' }).waitFor();
      const id = page.url().split('/').pop()!;

      // The marketplace finds it despite the typo, once the index has caught up.
      await page.getByRole('link', { name: 'Place de marché' }).first().click();
      const search = page.getByRole('searchbox');
      await search.fill('palete');
      const hit = page.locator('.hit__link', { hasText: 'Palettes bois 100x120 consignées' });
      await eventually(async () => {
        await search.press('Enter');
        expect(await hit.count()).toBeGreaterThan(0);
      }, 15_000);
      expect(await page.locator('.hit__title mark').first().textContent()).toMatch(/palet/i);

      await hit.click();
      await page.waitForURL(`**/fiches/${id}`);
      await page.getByRole('link', { name: 'Modifier' }).click();
      await page.waitForURL(`**/fiches/${id}/modifier`);
      await page.getByLabel('Titre').fill('Palettes bois 100x120 consignées — lot de mars');
      await page.getByLabel('Quantité').fill('45');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForURL(`**/fiches/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Palettes bois 100x120 consignées — lot de mars' }).waitFor();
      await page.getByText('45 palettes /mois').waitFor();

      const stored = (await t.call(s.memberA, 'GET', `/declarations/${id}`)).json();
      expect(stored).toMatchObject({ title: 'Palettes bois 100x120 consignées — lot de mars', quantity: 45, unit: 'pallet', frequency: 'monthly', version: 2 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows another firm's member the fiche without edit, refuses the edit page and leaves the fiche unchanged", async () => {
    const d = await t.declare(s.memberA, { title: 'Cartons double cannelure', quantity: 200, unit: 'kg', frequency: 'weekly' });
    const { context, page, errors } = await newSession(browser, baseURL, { width: 390, height: 844 });
    try {
      await logIn(page, s.memberB.email, PASSWORD);
      await page.goto(`/fiches/${d.id}`);
      await page.getByRole('heading', { level: 1, name: 'Cartons double cannelure' }).waitFor();
      await page.getByRole('link', { name: 'Plasturgie du Revermont' }).waitFor();
      expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Clôturer' }).count()).toBe(0);

      await page.goto(`/fiches/${d.id}/modifier`);
      const refusal = page.getByRole('alert').filter({ hasText: 'Modification impossible' });
      await refusal.waitFor();
      expect(await page.locator('form.declaration-form').count()).toBe(0);

      // Even a hand-made request from this session is refused by the API.
      const status = await page.evaluate(
        async ({ id, version }) => {
          const res = await fetch(`/api/v1/declarations/${id}`, {
            method: 'PATCH',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ version, title: 'Pris !' }),
          });
          return res.status;
        },
        { id: d.id, version: d.version },
      );
      expect(status).toBe(403);

      expect((await t.call(s.memberA, 'GET', `/declarations/${d.id}`)).json()).toMatchObject({ title: 'Cartons double cannelure', version: 1 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
