import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type TestUser, type Scenario } from '../context';
import { eventually, launchBrowser, logIn, newSession, serve } from './browser';

let t: TestContext;
let s: Scenario;
let browser: Browser;
let baseURL: string;

interface SynergyRow {
  id: string;
  title: string;
  status: string;
  parties: { role: string; declarationId: string | null }[];
}

/** The background matcher's proposal for this offer/need pair, polled through the API. */
function proposalFor(user: TestUser, offerId: string, needId: string, timeoutMs = 60_000): Promise<SynergyRow> {
  return eventually(async () => {
    const res = await t.call(user, 'GET', '/synergies?limit=100&status=proposed');
    const found = (res.json().items as SynergyRow[]).find(
      (x) =>
        x.parties.some((p) => p.role === 'giver' && p.declarationId === offerId) && x.parties.some((p) => p.role === 'taker' && p.declarationId === needId),
    );
    if (!found) throw new Error('no proposal for the pair');
    return found;
  }, timeoutMs);
}

let synergy: SynergyRow;

/** BROWSER_SHOTS=dir keeps a screenshot of each step, to look at the screens while working on them. */
async function shot(page: Page, name: string) {
  if (process.env.BROWSER_SHOTS) await page.screenshot({ path: `${process.env.BROWSER_SHOTS}/synergies-${name}.png`, fullPage: true });
}

beforeAll(async () => {
  t = await createTestContext();
  // A real browser drops a session cookie whose expiry lies in its past: run on its clock.
  t.clock.current = new Date();
  s = await t.scenario();
  // A matching pair: the proposal comes from the background matcher (slow on a loaded machine, so waited for here).
  const offer = await t.declare(s.memberA, {
    title: 'Palettes bois 80x120 Europe',
    wasteCode: '15 01 03',
    quantity: 40,
    unit: 'pallet',
    frequency: 'monthly',
    siteId: s.firmA.siteId,
  });
  const need = await t.declare(s.memberB, {
    kind: 'need',
    title: 'Recherche palettes 80x120',
    wasteCode: '15 01 03',
    quantity: 30,
    unit: 'pallet',
    frequency: 'monthly',
    siteId: s.firmB.siteId,
  });
  synergy = await proposalFor(s.memberB, offer.id, need.id);
  baseURL = await serve(t);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('synergies in Chromium', () => {
  it('suggests the match to a member on their home page, who accepts it', async () => {
    const { context, page, errors } = await newSession(browser, baseURL, { width: 390, height: 844 });
    try {
      await logIn(page, s.memberB.email, PASSWORD);
      await page.waitForURL('**/mon-entreprise');
      const suggestions = page.getByRole('region', { name: 'Suggestions pour vous' });
      const card = suggestions.getByRole('listitem').filter({ hasText: synergy.title });
      await card.waitFor();
      await card.getByText(/Même code déchet 15 01 03/).waitFor();
      await shot(page, 'home');
      await card.getByRole('button', { name: 'Accepter' }).click();
      await card.getByText('Votre entreprise a accepté').waitFor();

      const view = (await t.call(s.memberB, 'GET', `/synergies/${synergy.id}`)).json();
      expect(view.parties.find((p: { role: string }) => p.role === 'taker')).toMatchObject({ accepted: true });
      expect(view.status).toBe('proposed');

      // The bell shows the proposal's notification.
      await page.getByRole('button', { name: /Notifications : 1 non lue/ }).click();
      await page.getByRole('region', { name: 'Notifications' }).getByRole('link', { name: synergy.title }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the other firm accept on the synergy page, which then shows both contacts', async () => {
    const { context, page, errors } = await newSession(browser, baseURL);
    try {
      await logIn(page, s.memberA.email, PASSWORD);
      await page.goto(`/synergies/${synergy.id}`);
      await page.getByRole('heading', { level: 1, name: synergy.title }).waitFor();
      await page.getByText('Les coordonnées des entreprises apparaîtront ici').waitFor();
      await page.getByRole('button', { name: 'Accepter' }).click();
      // Both accepted: the synergy moves under discussion and the contacts appear.
      await page.getByRole('list', { name: 'Étapes' }).locator('[aria-current="step"]', { hasText: 'En discussion' }).waitFor();
      const contacts = page.getByRole('region', { name: 'Contacts' });
      await contacts.getByRole('link', { name: s.memberB.email }).waitFor();
      await contacts.getByRole('link', { name: s.memberA.email }).waitFor();
      await shot(page, 'accepted');

      // In English the explanation is the English one.
      await page.locator('#locale-select').selectOption('en');
      await page.getByRole('heading', { name: /Why this suggestion/ }).waitFor();
      await page
        .getByText(/^Same waste code 15 01 03/)
        .first()
        .waitFor();
      await shot(page, 'english');
      // The choice is saved to the account (a new session opens in English): back to French for what follows.
      await expect.poll(async () => (await t.call(s.memberA, 'GET', '/auth/me')).json().locale).toBe('en');
      await page.locator('#locale-select').selectOption('fr');
      await page.getByRole('heading', { name: /Pourquoi cette suggestion/ }).waitFor();
      await expect.poll(async () => (await t.call(s.memberA, 'GET', '/auth/me')).json().locale).toBe('fr');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the facilitator mark it implemented with the real quantity and shows the impacts', async () => {
    const { context, page, errors } = await newSession(browser, baseURL);
    try {
      await logIn(page, s.facilitator.email, PASSWORD);
      await page.goto(`/synergies/${synergy.id}`);
      await page.getByRole('heading', { level: 1, name: synergy.title }).waitFor();
      // Facilitators answer for no firm.
      expect(await page.getByRole('button', { name: 'Accepter' }).count()).toBe(0);

      await page.getByRole('button', { name: 'Mise en œuvre' }).click();
      await page.getByLabel('Quantité réelle').fill('480');
      await page.getByLabel('Unité').selectOption('pallet');
      await page.getByRole('button', { name: 'Enregistrer la mise en œuvre' }).click();

      const impacts = page.getByRole('region', { name: /Impacts estimés/ });
      await impacts.waitFor();
      const figure = (label: string) => impacts.locator('.figure', { hasText: label }).locator('dd');
      expect(await figure('Tonnes détournées').textContent()).toMatch(/^12\s?t$/);
      expect((await figure('kg CO₂e évités').textContent())?.replace(/\s/g, '')).toBe('3756');
      await page.getByRole('list', { name: 'Étapes' }).locator('[aria-current="step"]', { hasText: 'Mise en œuvre' }).waitFor();
      await page.getByRole('list').filter({ hasText: 'Étape : En discussion → Mise en œuvre' }).waitFor();
      await shot(page, 'implemented');

      const view = (await t.call(s.facilitator, 'GET', `/synergies/${synergy.id}`)).json();
      expect(view).toMatchObject({ status: 'implemented', impact: { quantity: 480, unit: 'pallet', tonnes: 12 } });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the facilitator the zone board: impacts, filters, bulk validation and a rematch with its progress', async () => {
    const { context, page, errors } = await newSession(browser, baseURL);
    try {
      await logIn(page, s.facilitator.email, PASSWORD);
      await page.getByRole('link', { name: 'Synergies', exact: true }).click();
      await page.waitForURL('**/animation/synergies**');
      const impacts = page.getByRole('region', { name: 'Impacts de la zone' });
      await impacts.getByRole('rowheader', { name: String(new Date().getFullYear()) }).waitFor();
      expect((await impacts.locator('.figure', { hasText: 'Tonnes détournées' }).locator('dd').textContent())?.replace(/\s/g, '')).toBe('12t');

      // Filter to the implemented one, then back to all.
      await page.getByRole('group', { name: 'Filtrer les synergies' }).getByRole('combobox').first().selectOption('substitution');
      const row = page.getByRole('row').filter({ hasText: synergy.title });
      await row.waitFor();
      await row.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Valider la sélection (1)' }).click();
      await page.getByText('1 synergie validée.').waitFor();
      expect(await row.getByRole('checkbox').count()).toBe(0);
      expect((await t.call(s.facilitator, 'GET', `/synergies/${synergy.id}`)).json().validated).toBe(true);

      await page.getByRole('button', { name: 'Relancer la mise en relation' }).click();
      await page
        .getByText(/Mise en relation terminée : \d+ nouvelle/)
        .first()
        .waitFor();
      await shot(page, 'board');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a member ask for an offer from its fiche, and the giver reserve it and record the hand-over', async () => {
    const offer = await t.declare(s.memberA, {
      title: "Chutes d'inox 304",
      categoryCode: 'materials.metals',
      quantity: 2,
      unit: 't',
      frequency: 'one-off',
      siteId: s.firmA.siteId,
    });
    const taker = await newSession(browser, baseURL, { width: 390, height: 844 });
    let synergyId: string;
    try {
      const { page } = taker;
      await logIn(page, s.memberB.email, PASSWORD);
      await page.goto(`/fiches/${offer.id}`);
      await page.getByRole('button', { name: 'Je suis intéressé' }).click();
      await page.getByLabel('Message').fill('Bonjour, ces chutes nous intéressent pour nos gabarits.');
      await page.getByRole('button', { name: 'Envoyer la demande' }).click();
      await page.waitForURL(/\/synergies\/[0-9a-f-]{36}$/);
      synergyId = page.url().split('/').pop()!;
      await page.getByText('ces chutes nous intéressent').waitFor();
      await page.getByRole('list', { name: 'Étapes' }).locator('[aria-current="step"]', { hasText: 'En discussion' }).waitFor();
      await shot(page, 'requested');

      // Asking twice finds the request already open.
      await page.goto(`/fiches/${offer.id}`);
      await page.getByRole('button', { name: 'Je suis intéressé' }).click();
      await page.getByLabel('Message').fill('Encore nous !');
      await page.getByRole('button', { name: 'Envoyer la demande' }).click();
      await page.getByText('Votre entreprise a déjà une demande en cours sur cette fiche.').waitFor();
      await page.getByRole('link', { name: 'Ouvrir la demande en cours' }).click();
      await page.waitForURL(`**/synergies/${synergyId}`);
      expect(taker.errors).toEqual([]);
    } finally {
      await taker.context.close();
    }

    const giver = await newSession(browser, baseURL);
    try {
      const { page } = giver;
      await logIn(page, s.memberA.email, PASSWORD);
      await page.goto(`/synergies/${synergyId}`);
      await page.getByRole('button', { name: 'Réserver pour Fromagerie des Coteaux' }).click();
      await page.getByText("L'objet est réservé pour cette entreprise.").waitFor();
      expect((await t.call(s.memberA, 'GET', `/declarations/${offer.id}`)).json().status).toBe('reserved');

      await page.getByRole('button', { name: 'Enregistrer la remise' }).click();
      await page.getByLabel('Quantité réelle').fill('1,5');
      await page.getByRole('button', { name: 'Confirmer la remise' }).click();
      await page.getByRole('link', { name: "Voir le bon d'échange" }).click();
      await page.waitForURL(/\/echanges\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: "Bon d'échange" }).waitFor();
      await page.getByText('Plasturgie du Revermont').first().waitFor();
      await page.getByText('1,5 t').waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
      await shot(page, 'exchange');
      expect((await t.call(s.memberA, 'GET', `/synergies/${synergyId}`)).json()).toMatchObject({ status: 'implemented', impact: { quantity: 1.5, unit: 't' } });
      expect(giver.errors).toEqual([]);
    } finally {
      await giver.context.close();
    }
  });

  it('lets an admin edit an impact factor, and shows a concurrent edit instead of overwriting it', async () => {
    const admin = await t.newUser('admin');
    const { context, page, errors } = await newSession(browser, baseURL);
    try {
      await logIn(page, admin.email, PASSWORD);
      await page.goto('/administration/zones');
      await page.getByRole('link', { name: "Facteurs d'impact" }).click();
      await page.waitForURL('**/administration/facteurs-impact');
      const row = page.getByRole('row').filter({ hasText: 'materials.glass' });
      await row.getByText(/UK Government GHG Conversion Factors/).waitFor();
      await row.getByRole('button', { name: /Modifier le facteur/ }).click();
      await page.getByLabel('kg CO₂e / t').fill('1400,5');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Facteur enregistré.').waitFor();
      await row.getByRole('cell', { name: '1 400,5' }).waitFor();
      await shot(page, 'factors');

      // Someone else saves first: the form shows their version and says so.
      await row.getByRole('button', { name: /Modifier le facteur/ }).click();
      const current = ((await t.call(admin, 'GET', '/impact-factors')).json() as { categoryCode: string; version: number }[]).find(
        (f) => f.categoryCode === 'materials.glass',
      )!;
      expect((await t.call(admin, 'PATCH', '/impact-factors/materials.glass', { version: current.version, eurosPerTonne: 65 })).statusCode).toBe(200);
      await page.getByLabel('kg CO₂e / t').fill('1300');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Ce facteur a été modifié entre-temps').waitFor();
      expect(await page.getByLabel('€ / t').inputValue()).toBe('65');
      const after = ((await t.call(admin, 'GET', '/impact-factors')).json() as { categoryCode: string; co2eKgPerTonne: number; eurosPerTonne: number }[]).find(
        (f) => f.categoryCode === 'materials.glass',
      );
      expect(after).toMatchObject({ co2eKgPerTonne: 1400.5, eurosPerTonne: 65 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
