import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type TestUser } from '../context';
import { activityFixture } from '../fixtures/activity';
import { eventually, launchBrowser, logIn, newSession, serve } from './browser';

/*
 * The dashboard of the hand-counted activity fixture (fixtures/activity.ts), year 2026:
 * each figure followed to its list, which shows its filter and exactly the counted rows.
 * The year is in the address, so nothing here depends on today's date.
 */

let t: TestContext;
let fixture: Awaited<ReturnType<typeof activityFixture>>;
let facilitator: TestUser;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  t = await createTestContext();
  // A real browser drops a session cookie whose expiry lies in its past: run on its clock.
  t.clock.current = new Date();
  fixture = await activityFixture(t);
  facilitator = await t.newUser('facilitator', { zoneId: fixture.zoneId });
  baseURL = await serve(t);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** BROWSER_SHOTS=dir keeps a screenshot of each list, to look at the screens while working on them. */
async function shot(page: Page, name: string) {
  if (process.env.BROWSER_SHOTS) await page.screenshot({ path: `${process.env.BROWSER_SHOTS}/dashboards-${name}.png`, fullPage: true });
}

async function openDashboard(page: Page) {
  await page.goto(`/animation/tableau-de-bord?zone=${fixture.zoneId}&annee=2026`);
  await page.locator('[data-test="key-figures"]').waitFor();
}

describe('dashboard figures in Chromium', () => {
  it('follows each figure to the list it counts, filtered to the year', async () => {
    const { context, page, errors } = await newSession(browser, baseURL, { width: 390, height: 844 });
    try {
      await logIn(page, facilitator.email, PASSWORD);

      // Firms mobilised: A, B and C took part in 2026; D did not.
      await openDashboard(page);
      await page.getByRole('link', { name: /3\s*entreprises mobilisées/ }).click();
      await page.waitForURL(/\/.*mobilisees=2026/);
      const filter = page.locator('[data-test="active-filter"]');
      await filter.getByText('Entreprises mobilisées en 2026', { exact: false }).waitFor();
      const firms = page.locator('tbody tr');
      await eventually(async () => expect(await firms.count()).toBe(3));
      for (const name of ['Scierie du Revermont', 'Fromagerie Château-Chalon', 'Cartonnages Jurassiens']) await firms.getByText(name).waitFor();
      expect(await page.getByText('Imprimerie de Chille').count()).toBe(0);
      await shot(page, 'firms');
      await filter.getByRole('button', { name: 'Retirer ce filtre' }).click();
      await page.getByText('Imprimerie de Chille').waitFor();
      expect(new URL(page.url()).searchParams.get('mobilisees')).toBeNull();

      // Declarations: the two of 2026, not the one of 2025.
      await openDashboard(page);
      await page.getByRole('link', { name: /Fiches déposées : 2/ }).click();
      await page.waitForURL(/place-de-marche.*annee=2026/);
      const declared = page.locator('[data-test="declared-in-year"]');
      await declared.getByText('Fiches déclarées en 2026', { exact: false }).waitFor();
      await declared.getByRole('link', { name: 'Palettes bois hors format' }).waitFor();
      await declared.getByRole('link', { name: 'Chaleur pour le séchage' }).waitFor();
      expect(await declared.getByRole('listitem').count()).toBe(2);
      expect(await page.getByText('Sciure de 2025').count()).toBe(0);
      await shot(page, 'declarations');

      // Meetings held: the October event, 2 requested and 1 held.
      await openDashboard(page);
      await page.getByRole('link', { name: /1\s*rendez-vous d'affaires tenus/ }).click();
      await page.waitForURL(/annee=2026/);
      await page.getByText('Événements de 2026', { exact: false }).waitFor();
      await page.getByRole('link', { name: "Rendez-vous d'affaires JURAPARC" }).waitFor();
      await page.locator('[data-test="event-meetings"]').getByText('2 rendez-vous demandés · 1 tenus').waitFor();
      await shot(page, 'events');

      // Impacts: the synergy implemented with impacts counted in 2026, not the one of 2025.
      await openDashboard(page);
      await page.locator('[data-test="impacts-link"]').click();
      await page.waitForURL(/impacts=2026/);
      await page.getByText('Pistes mises en œuvre dont les impacts comptent en 2026').waitFor();
      await page.getByText('Palettes réemployées').first().waitFor();
      expect(await page.getByText('Sciure 2025').count()).toBe(0);
      await shot(page, 'impacts');
      // The board's own impacts table leads to the same list for another year.
      await page.getByRole('button', { name: '2025', exact: true }).click();
      await page.waitForURL(/impacts=2025/);
      await page.getByText('Sciure 2025').first().waitFor();
      await eventually(async () => expect(await page.getByText('Palettes réemployées').count()).toBe(0));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
