import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app';
import { freePort } from '../../src/infra/embedded/free-port';
import { createTestContext, PASSWORD, type TestContext, type TestUser, type Scenario } from '../context';
import { launchBrowser, logIn, newSession } from './browser';

vi.setConfig({ testTimeout: 240_000 });

let t: TestContext;
let s: Scenario;
let firmC: { id: string; member: TestUser };
let browser: Browser;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseURL: string;
let workshopId: string;
let eventId: string;
let screenToken: string;

/** BROWSER_SHOTS=dir keeps a screenshot of each step. */
async function shot(page: Page, name: string) {
  if (process.env.BROWSER_SHOTS) await page.screenshot({ path: `${process.env.BROWSER_SHOTS}/workshop-${name}.png`, fullPage: true });
}

beforeAll(async () => {
  t = await createTestContext();
  // A real browser drops a session cookie whose expiry lies in its past: run on its clock.
  t.clock.current = new Date();
  s = await t.scenario();
  const org = await t.newOrganisation(s.zoneId, { name: 'Imprimerie Jurassienne' });
  firmC = { id: org.id, member: await t.newUser('member', { organisationId: org.id }) };
  const date = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const event = await t.call(s.facilitator, 'POST', '/meeting-events', {
    zoneId: s.zoneId,
    name: 'Rendez-vous de l’atelier',
    date,
    sessions: [{ id: 'matin', name: 'Matin', slots: ['09:00', '09:20', '09:40'].map((start, i) => ({ id: `m${i + 1}`, start, durationMinutes: 20 })) }],
    tables: [
      { id: 'T1', name: 'Table 1' },
      { id: 'T2', name: 'Table 2' },
    ],
    participants: [],
  });
  eventId = event.json().id;
  const workshop = await t.call(s.facilitator, 'POST', '/workshops', {
    zoneId: s.zoneId,
    name: 'Atelier synergies du Revermont',
    date,
    place: 'Salle des fêtes',
    eventId,
    organisationIds: [s.firmA.id, s.firmB.id, firmC.id],
  });
  expect(workshop.statusCode, workshop.body).toBe(201);
  workshopId = workshop.json().id;
  screenToken = (await t.call(s.facilitator, 'POST', `/workshops/${workshopId}/display-tokens`, { label: 'Vidéoprojecteur' })).json().token;

  // The realtime upgrade checks the Origin: serve on a known port that the app accepts.
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  app = await buildApp(
    { ...t.ctx, config: { ...t.ctx.config, allowedOrigins: [...t.ctx.config.allowedOrigins, baseURL] } },
    { logger: process.env.TEST_LOG ? { level: 'error' } : false },
  );
  await app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await t?.close();
});

const PHONE = { width: 390, height: 844 };

describe('a live workshop in Chromium: facilitator, two phones and the room screen', () => {
  it('goes from cards to a repaired no-show, every screen following without reloading', async () => {
    const facilitator = await newSession(browser, baseURL);
    const phoneA = await newSession(browser, baseURL, PHONE);
    const phoneB = await newSession(browser, baseURL, PHONE);
    const screen = await newSession(browser, baseURL, { width: 1280, height: 720 });
    const console = facilitator.page;
    console.on('dialog', (dialog) => void dialog.accept());
    try {
      await logIn(console, s.facilitator.email, PASSWORD);
      await console.goto(`/ateliers/${workshopId}/console`);
      await console.getByRole('heading', { level: 1, name: 'Atelier synergies du Revermont' }).waitFor();
      await logIn(phoneA.page, s.memberA.email, PASSWORD);
      await phoneA.page.goto(`/ateliers/${workshopId}`);
      await logIn(phoneB.page, s.memberB.email, PASSWORD);
      await phoneB.page.goto(`/ateliers/${workshopId}`);
      await screen.page.goto(`/ateliers/${workshopId}/ecran?token=${encodeURIComponent(screenToken)}`);
      await screen.page.getByRole('heading', { name: 'Atelier synergies du Revermont' }).waitFor();
      // Marks that survive only if the pages are never reloaded.
      for (const page of [phoneA.page, phoneB.page, screen.page]) await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
      for (const page of [console, phoneA.page, phoneB.page]) await page.getByText('En direct').first().waitFor();

      // Cards: the phase change reaches the phones, the cards reach the room screen.
      await console.getByRole('button', { name: 'Passer à : Fiches' }).click();
      for (const phone of [phoneA.page, phoneB.page]) await phone.getByRole('region', { name: 'Nouvelle fiche' }).waitFor();
      await phoneA.page.getByLabel('Catégorie').selectOption('materials.wood');
      await phoneA.page.getByLabel('En quelques mots').fill('Palettes bois 80x120');
      await phoneA.page.getByLabel('Quantité (environ)').fill('40');
      await phoneA.page.getByLabel('Unité').selectOption('pallet');
      await phoneA.page.getByRole('button', { name: 'Envoyer la fiche' }).click();
      await phoneB.page.getByRole('radio', { name: 'Nous cherchons' }).check();
      await phoneB.page.getByLabel('Catégorie').selectOption('materials.wood');
      await phoneB.page.getByLabel('En quelques mots').fill('Recherche palettes 80x120');
      await phoneB.page.getByLabel('Quantité (environ)').fill('30');
      await phoneB.page.getByLabel('Unité').selectOption('pallet');
      await phoneB.page.getByRole('button', { name: 'Envoyer la fiche' }).click();
      await phoneA.page.getByRole('region', { name: 'Nos fiches' }).getByText('Palettes bois 80x120').waitFor();
      await screen.page.locator('[data-count="cards"]', { hasText: /^2$/ }).waitFor();
      // Matching runs in the background: the lead count climbs on the screen by itself.
      await screen.page.locator('[data-count="leads"]', { hasText: /^[1-9]\d*$/ }).waitFor({ timeout: 45_000 });
      await shot(screen.page, 'screen-counts');
      await shot(phoneB.page, 'phone-cards');

      // Board: the facilitator validates the lead.
      await console.getByRole('button', { name: 'Passer à : Tableau des pistes' }).click();
      const board = console.getByRole('region', { name: 'Tableau des pistes' });
      const lead = board.getByRole('listitem').filter({ hasText: 'Fromagerie des Coteaux' }).first();
      await lead.getByRole('button', { name: 'Valider' }).click();
      await lead.getByText('Validée').waitFor();
      await phoneA.page.getByRole('region', { name: 'Nos pistes' }).waitFor();
      await shot(console, 'console-board');

      // Requests: opened explicitly, seen on the phones; phone A asks to meet B.
      await console.getByRole('button', { name: 'Passer à : Demandes de rendez-vous' }).click();
      await phoneA.page.getByText('Les demandes de rendez-vous sont ouvertes').first().waitFor();
      await phoneA.page.getByLabel('Entreprise à rencontrer').selectOption({ label: 'Fromagerie des Coteaux' });
      await phoneA.page.getByLabel('Priorité', { exact: true }).selectOption('4');
      await phoneA.page.getByRole('button', { name: 'Demander un rendez-vous' }).click();
      await phoneA.page
        .getByRole('region', { name: 'Nos demandes de rendez-vous' })
        .getByRole('listitem')
        .filter({ hasText: 'Fromagerie des Coteaux' })
        .waitFor();
      for (const [member, other] of [
        [s.memberA, firmC.id],
        [s.memberB, firmC.id],
      ] as const) {
        expect((await t.call(member, 'POST', `/meeting-events/${eventId}/requests`, { withOrganisationId: other, priority: 3 })).statusCode).toBeLessThan(300);
      }

      // Schedule: requests close (the phones say so), the facilitator computes and publishes.
      await console.getByRole('button', { name: 'Passer à : Planning' }).click();
      await phoneB.page.getByText('Les demandes de rendez-vous sont closes').waitFor();
      await console.getByRole('button', { name: 'Calculer le planning' }).click();
      await console.getByText('3 rendez-vous planifiés sur 3 demandés').waitFor({ timeout: 30_000 });
      await console.getByRole('button', { name: 'Publier les agendas' }).click();
      for (const phone of [phoneA.page, phoneB.page])
        await phone.getByRole('region', { name: 'Notre agenda' }).locator('ol').getByRole('listitem').nth(1).waitFor();
      await shot(phoneA.page, 'phone-agenda');

      // Meeting day: the room screen shows the rounds; C does not come, the schedule is repaired.
      await console.getByRole('button', { name: 'Passer à : Jour des rendez-vous' }).click();
      await screen.page.getByRole('region', { name: 'Tour suivant' }).getByText('Table 1').waitFor();
      await shot(screen.page, 'screen-rounds');
      const agendaA = phoneA.page.getByRole('region', { name: 'Notre agenda' });
      const meetingsA = agendaA.locator('ol').getByRole('listitem');
      expect(await meetingsA.filter({ hasText: 'Imprimerie Jurassienne' }).count()).toBe(1);
      await console
        .getByRole('row', { name: /Imprimerie Jurassienne/ })
        .getByRole('button', { name: 'Absente' })
        .click();
      const notice = agendaA.getByRole('status').filter({ hasText: 'Votre agenda vient de changer' });
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/Annulé : le rendez-vous de \d\d:\d\d avec Imprimerie Jurassienne/);
      await meetingsA.filter({ hasText: 'Imprimerie Jurassienne' }).waitFor({ state: 'detached' });
      await shot(phoneA.page, 'phone-repaired');
      for (const page of [phoneA.page, phoneB.page, screen.page])
        expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);

      for (const session of [facilitator, phoneA, phoneB, screen]) expect(session.errors).toEqual([]);
    } finally {
      for (const session of [facilitator, phoneA, phoneB, screen]) await session.context.close();
    }
  });
});
