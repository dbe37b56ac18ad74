import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type Scenario } from '../context';
import { launchBrowser, logIn, newSession, serve } from './browser';

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

/** The path of the one-time link in the last email sent to `to` ("/invitation/…"). */
async function linkSentTo(to: string): Promise<string> {
  // Emails go out from a background job.
  await t.drainJobs();
  const [email] = await t.ctx.db.$client<{ text: string }[]>`select text from emails where "to" = ${to} order by created_at desc limit 1`;
  const match = email?.text.match(/https?:\/\/[^/\s]+(\/(?:invitation|reinitialisation)\/\S+)/);
  if (!match) throw new Error(`no link in the last email to ${to}`);
  return match[1]!;
}

describe('onboarding in Chromium', () => {
  it('lets a facilitator invite a member who activates the account from the emailed link', async () => {
    const facilitator = await newSession(browser, baseURL);
    const invitee = await newSession(browser, baseURL, { width: 390, height: 844 });
    try {
      const { page } = facilitator;
      await logIn(page, s.facilitator.email, PASSWORD);
      await page.waitForURL('**/animation**');
      await page
        .getByRole('row', { name: /Plasturgie du Revermont/ })
        .getByRole('link', { name: 'Gérer' })
        .click();
      await page.waitForURL(`**/animation/entreprises/${s.firmA.id}`);
      await page.getByLabel('Adresse e-mail').fill('lea.martin@example.fr');
      await page.getByLabel('Nom affiché').fill('Léa Martin');
      await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
      await page.getByText('Invitation envoyée à lea.martin@example.fr').waitFor();
      await page.locator('.members', { hasText: 'Léa Martin' }).waitFor();

      const p = invitee.page;
      await p.goto(await linkSentTo('lea.martin@example.fr'));
      await p.getByText('Vous êtes invité·e à représenter Plasturgie du Revermont').waitFor();
      expect(await p.getByLabel('Nom affiché').inputValue()).toBe('Léa Martin');
      await p.getByLabel('Choisissez un mot de passe').fill('short');
      await p.getByRole('button', { name: 'Activer mon compte' }).click();
      await p.locator('#inv-password-error').waitFor();
      await p.getByLabel('Choisissez un mot de passe').fill('un-mot-de-passe-solide');
      await p.getByLabel('Confirmez le mot de passe').fill('un-mot-de-passe-solide');
      await p.getByRole('button', { name: 'Activer mon compte' }).click();
      await p.waitForURL('**/mon-entreprise');
      await p.getByRole('heading', { name: 'Plasturgie du Revermont' }).waitFor();

      // On a phone the navigation sits behind the menu button; logging out leads to the login page.
      await p.getByRole('button', { name: 'Menu' }).click();
      await p.getByRole('button', { name: 'Se déconnecter' }).click();
      await p.waitForURL((url) => url.pathname === '/connexion' && !url.search);
      await p.goto('/mon-entreprise');
      await p.waitForURL((url) => url.pathname === '/connexion' && url.searchParams.get('redirect') === '/mon-entreprise');
      expect([...facilitator.errors, ...invitee.errors]).toEqual([]);
    } finally {
      await facilitator.context.close();
      await invitee.context.close();
    }
  });

  it('resets a forgotten password through the emailed link', async () => {
    const { context, page, errors } = await newSession(browser, baseURL);
    try {
      await page.goto('/connexion');
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      // The login page has an "Adresse e-mail" field too: filled before this page (loaded on
      // demand) was shown, the address went into the login form and the reset form was sent empty.
      await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
      await page.getByLabel('Adresse e-mail').fill(s.memberB.email);
      await page.getByRole('button', { name: 'Envoyer le lien' }).click();
      await page.getByText(`Si un compte existe pour ${s.memberB.email}`).waitFor();

      await page.goto(await linkSentTo(s.memberB.email));
      await page.getByLabel('Nouveau mot de passe').fill('nouveau-mot-de-passe');
      await page.getByLabel('Confirmez le mot de passe').fill('nouveau-mot-de-passe');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Votre mot de passe est changé').waitFor();

      await logIn(page, s.memberB.email, 'nouveau-mot-de-passe');
      await page.waitForURL('**/mon-entreprise');
      await page.getByRole('heading', { name: 'Fromagerie des Coteaux' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
