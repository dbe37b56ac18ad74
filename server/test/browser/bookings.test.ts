import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type TestUser, type Scenario } from '../context';
import { launchBrowser, logIn, newSession, serve } from './browser';

let t: TestContext;
let s: Scenario;
let browser: Browser;
let baseURL: string;
let synergy: { id: string; title: string };
/** Firm A's other member, whom memberA sends to the meeting. */
let colleague: TestUser;
let colleagueName: string;

/** BROWSER_SHOTS=dir keeps a screenshot of each step. */
async function shot(page: Page, name: string) {
  if (process.env.BROWSER_SHOTS) await page.screenshot({ path: `${process.env.BROWSER_SHOTS}/bookings-${name}.png`, fullPage: true });
}

beforeAll(async () => {
  t = await createTestContext();
  // A real browser drops a session cookie whose expiry lies in its past: run on its clock.
  t.clock.current = new Date();
  s = await t.scenario();
  const res = await t.call(s.facilitator, 'POST', '/synergies', {
    kind: 'substitution',
    title: 'Palettes de la plasturgie vers la fromagerie',
    organisationIds: [s.firmA.id, s.firmB.id],
  });
  expect(res.statusCode).toBe(201);
  synergy = res.json();
  colleague = await t.newUser('member', { organisationId: s.firmA.id });
  const members = (await t.call(s.memberA, 'GET', `/organisations/${s.firmA.id}/members`)).json() as { id: string; displayName: string }[];
  colleagueName = members.find((m) => m.id === colleague.id)!.displayName;
  baseURL = await serve(t);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('bookings in Chromium', () => {
  let bookingId: string;

  it('lets a member propose a meeting from a synergy page, with times free for both firms', async () => {
    const { context, page, errors } = await newSession(browser, baseURL);
    try {
      await logIn(page, s.memberA.email, PASSWORD);
      await page.goto(`/synergies/${synergy.id}`);
      await page.getByRole('heading', { level: 1, name: synergy.title }).waitFor();
      await page.getByRole('link', { name: 'Proposer un rendez-vous' }).click();
      await page.waitForURL('**/rdv/nouveau**');
      await page.getByText('Fromagerie des Coteaux').first().waitFor();
      expect(await page.getByLabel('Sujet').inputValue()).toBe(synergy.title);
      expect(await page.getByRole('checkbox', { name: synergy.title }).isChecked()).toBe(true);
      await page.getByLabel('Lieu').selectOption('recipient_site');
      await page.getByRole('button', { name: 'Suggérer des créneaux libres pour les deux' }).click();
      const suggestions = page.getByRole('region', { name: 'Créneaux libres pour les deux entreprises' });
      await suggestions.getByRole('button', { name: 'Choisir' }).first().waitFor();
      await suggestions.getByRole('button', { name: 'Choisir' }).nth(0).click();
      await suggestions.getByRole('button', { name: 'Choisir' }).nth(1).click();
      expect(await page.getByLabel('Créneau 1').inputValue()).not.toBe('');
      expect(await page.getByLabel('Créneau 2').inputValue()).not.toBe('');
      // The member sends a colleague rather than going themself.
      const representative = page.getByLabel('Représentant de votre entreprise');
      expect(await representative.inputValue()).toBe(s.memberA.id);
      await representative.selectOption(colleague.id);
      await shot(page, 'propose');
      await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
      await page.waitForURL(/\/rdv\/[0-9a-f-]{36}$/);
      bookingId = page.url().split('/').pop()!;
      await page.getByText('En attente de la réponse de Fromagerie des Coteaux').waitFor();
      await page.getByText(`${colleagueName} pour Plasturgie du Revermont`).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const booking = (await t.call(s.memberA, 'GET', `/bookings/${bookingId}`)).json();
    expect(booking).toMatchObject({ status: 'proposed', place: 'recipient_site', synergies: [{ id: synergy.id }] });
    expect(booking.options).toHaveLength(2);
    expect(booking.representatives).toEqual([{ organisationId: s.firmA.id, userId: colleague.id, name: colleagueName }]);
  });

  it('lets the other firm accept on a phone, and both agendas show the meeting', async () => {
    const { context, page, errors } = await newSession(browser, baseURL, { width: 390, height: 844 });
    try {
      await logIn(page, s.memberB.email, PASSWORD);
      await page.goto('/agenda');
      const pending = page.getByRole('region', { name: 'Propositions en cours' });
      await pending.getByText('À vous de répondre').waitFor();
      await pending.getByRole('link', { name: synergy.title }).click();
      await page.waitForURL(`**/rdv/${bookingId}`);
      await page.getByText('À vous de répondre').waitFor();
      await shot(page, 'phone-answer');
      await page.getByRole('button', { name: 'Accepter ce créneau' }).first().click();
      await page.getByText('Confirmé').waitFor();
      // A firm of one has no one to choose: its member attends, beside the colleague firm A named.
      await page.getByText(`${colleagueName} pour Plasturgie du Revermont`).waitFor();
      await page.getByText(/ pour Fromagerie des Coteaux/).waitFor();
      // Nothing spills sideways on a phone.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.goto('/agenda');
      const agenda = page.getByRole('region', { name: 'Rendez-vous', exact: true });
      await agenda.getByRole('link', { name: synergy.title }).waitFor();
      await agenda.getByText('Avec Plasturgie du Revermont').waitFor();
      await shot(page, 'phone-agenda');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    const { context: other, page: pageA, errors: errorsA } = await newSession(browser, baseURL);
    try {
      await logIn(pageA, s.memberA.email, PASSWORD);
      await pageA.goto('/agenda');
      const agenda = pageA.getByRole('region', { name: 'Rendez-vous', exact: true });
      await agenda.getByRole('link', { name: synergy.title }).waitFor();
      await agenda.getByText('Avec Fromagerie des Coteaux').waitFor();
      expect(errorsA).toEqual([]);
    } finally {
      await other.close();
    }
    const booking = (await t.call(s.memberB, 'GET', `/bookings/${bookingId}`)).json();
    expect(booking.status).toBe('accepted');
    const seated = Object.fromEntries(booking.representatives.map((r: { organisationId: string; userId: string }) => [r.organisationId, r.userId]));
    expect(seated).toEqual({ [s.firmA.id]: colleague.id, [s.firmB.id]: s.memberB.id });
  });
});
