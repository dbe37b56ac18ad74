import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type TestUser, type Scenario } from '../context';
import { eventually, launchBrowser, logIn, newSession, serve } from './browser';

/*
 * An association's organiser (a member account) creates a business-meeting event for the
 * association's members from the associations page and runs it on the facilitators' event page;
 * a member who organises nothing neither sees the way there nor gets in.
 */

let t: TestContext;
let s: Scenario;
let browser: Browser;
let baseURL: string;
let organiser: TestUser;
let outsiderFirm: string;
/** In the future, because the browser checks the session cookie's expiry on the machine's clock. */
const NOW = new Date('2099-06-01T08:00:00Z');

async function openSession() {
  const session = await newSession(browser, baseURL);
  await session.context.clock.install({ time: NOW });
  return session;
}

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = NOW;
  s = await t.scenario();
  outsiderFirm = (await t.newOrganisation(s.zoneId, { name: 'Scierie hors association' })).id;
  organiser = await t.newUser('member', { organisationId: s.firmB.id });
  const association = await t.call(s.facilitator, 'POST', '/associations', { zoneId: s.zoneId, name: "ALons'ZI", memberIds: [s.firmA.id, s.firmB.id] });
  expect(association.statusCode).toBe(201);
  expect((await t.call(s.facilitator, 'POST', `/associations/${association.json().id}/organisers`, { email: organiser.email })).statusCode).toBe(200);
  baseURL = await serve(t);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("an association's meeting events in Chromium", () => {
  let eventId: string;

  it('lets the organiser create an event for the members and open the requests', async () => {
    const { context, page, errors } = await openSession();
    try {
      await logIn(page, organiser.email, PASSWORD);
      await page.getByRole('link', { name: 'Mon association' }).click();
      await page.waitForURL('**/associations');
      await page.getByRole('heading', { name: "Rendez-vous d'affaires de l'association" }).waitFor();
      await page.getByText('Aucun événement pour l’instant.').or(page.getByText("Aucun événement pour l'instant.")).waitFor();
      await page.getByRole('button', { name: '+ Créer un événement' }).click();
      await page.getByLabel("Nom de l'événement").fill('Matinale des membres');
      await page.getByLabel('Date').fill('2099-09-17');
      await page.getByLabel('Créneaux le matin').fill('3');
      await page.getByRole('checkbox', { name: 'Toutes les entreprises membres' }).waitFor();
      // Only the association's members are offered.
      expect((await page.locator('.checks .checkbox').allTextContents()).map((x) => x.trim()).sort()).toEqual([
        'Fromagerie des Coteaux',
        'Plasturgie du Revermont',
      ]);
      await page.getByRole('button', { name: 'Créer un événement' }).last().click();
      await page.waitForURL(/\/animation\/rendez-vous\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Matinale des membres' }).waitFor();
      eventId = page.url().split('/').pop()!;

      await page.getByRole('button', { name: 'Ouvrir les demandes aux entreprises' }).click();
      await page.getByRole('button', { name: 'Revenir au brouillon' }).waitFor();
      const event = (await t.call(organiser, 'GET', `/meeting-events/${eventId}`)).json();
      expect(event).toMatchObject({ status: 'requests_open', date: '2099-09-17' });
      expect(event.participants.map((p: { organisationId: string }) => p.organisationId).sort()).toEqual([s.firmA.id, s.firmB.id].sort());
      expect(event.participants.map((p: { organisationId: string }) => p.organisationId)).not.toContain(outsiderFirm);

      await page.getByRole('link', { name: '← Associations' }).click();
      await page.waitForURL('**/associations');
      await page.getByRole('link', { name: 'Matinale des membres' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows the zone's facilitators that the association runs it", async () => {
    const { context, page, errors } = await openSession();
    try {
      await logIn(page, s.facilitator.email, PASSWORD);
      await page.goto('/animation/rendez-vous');
      const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Matinale des membres' }) });
      await row.getByText("Organisé par ALons'ZI").waitFor();
      // From there, the association's booking activity.
      await row.getByRole('link', { name: "Activité de rendez-vous de l'association" }).click();
      await page.waitForURL('**/activite-rendez-vous?association=*');
      await page.getByRole('heading', { level: 1, name: 'Activité des rendez-vous entre membres' }).waitFor();
      await eventually(async () => expect(await page.getByLabel('Périmètre').inputValue()).toMatch(/^association:/));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const listed = (await t.call(s.facilitator, 'GET', `/meeting-events?zoneId=${s.zoneId}`)).json();
    expect(listed).toContainEqual(expect.objectContaining({ id: eventId, association: expect.objectContaining({ name: "ALons'ZI" }) }));
  });

  it('keeps a member who organises nothing out of the event page and its menu entry', async () => {
    const { context, page, errors } = await openSession();
    try {
      await logIn(page, s.memberA.email, PASSWORD);
      await page.getByRole('link', { name: 'Annuaire' }).first().waitFor();
      expect(await page.getByRole('link', { name: 'Mon association' }).count()).toBe(0);
      await page.goto(`/animation/rendez-vous/${eventId}`);
      await page.waitForURL((url) => !url.pathname.startsWith('/animation'));
      expect(await page.getByRole('button', { name: 'Revenir au brouillon' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
