import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext, type Scenario } from '../context';
import { eventually, launchBrowser, logIn, newSession, serve } from './browser';

let t: TestContext;
let s: Scenario;
let browser: Browser;
let baseURL: string;
let eventId: string;
const EVENT = 'Rendez-vous d’affaires du Revermont';
/**
 * The day the tests run on, for the server and the browser alike. It lies in the future because
 * the browser checks the session cookie's expiry on the machine's own clock.
 */
const NOW = new Date('2099-06-01T08:00:00Z');
const day = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A browser session whose clock starts at NOW and then runs. */
async function openSession(viewport?: { width: number; height: number }) {
  const session = await newSession(browser, baseURL, viewport);
  await session.context.clock.install({ time: NOW });
  return session;
}

/** BROWSER_SHOTS=dir keeps a screenshot of each step, to look at the screens while working on them. */
async function shot(page: Page, name: string) {
  if (process.env.BROWSER_SHOTS) await page.screenshot({ path: `${process.env.BROWSER_SHOTS}/meetings-${name}.png`, fullPage: true });
}

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = NOW;
  s = await t.scenario();
  const date = day(30);
  const created = await t.call(s.facilitator, 'POST', '/meeting-events', {
    zoneId: s.zoneId,
    name: EVENT,
    date,
    sessions: [{ id: 'matin', name: 'Matin', slots: ['09:00', '09:20', '09:40'].map((start, i) => ({ id: `m${i + 1}`, start, durationMinutes: 20 })) }],
    tables: [
      { id: 'T1', name: 'Table 1' },
      { id: 'T2', name: 'Table 2' },
    ],
    participants: [{ organisationId: s.firmA.id }, { organisationId: s.firmB.id }],
  });
  expect(created.statusCode).toBe(201);
  eventId = created.json().id;
  expect(
    (await t.call(s.facilitator, 'POST', `/meeting-events/${eventId}/status`, { status: 'requests_open', version: created.json().version })).statusCode,
  ).toBe(200);
  baseURL = await serve(t);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('business meetings in Chromium', () => {
  it('lets a member ask for a meeting with a priority while requests are open', async () => {
    const { context, page, errors } = await openSession({ width: 390, height: 844 });
    try {
      await logIn(page, s.memberA.email, PASSWORD);
      await page.goto('/rendez-vous');
      await page.getByRole('link', { name: EVENT }).click();
      await page.waitForURL(`**/rendez-vous/${eventId}`);
      await page.getByText("Le planning n'est pas encore publié").waitFor();
      await page.getByLabel('Entreprise à rencontrer').selectOption({ label: 'Fromagerie des Coteaux' });
      await page.getByLabel('Priorité', { exact: true }).selectOption('4');
      await page.getByRole('button', { name: 'Demander un rendez-vous' }).click();
      const row = page.getByRole('region', { name: 'Nos demandes de rendez-vous' }).getByRole('listitem').filter({ hasText: 'Fromagerie des Coteaux' });
      await row.waitFor();
      expect(await row.getByLabel('Votre priorité').inputValue()).toBe('4');
      await shot(page, 'requests');

      const [request] = (await t.call(s.memberA, 'GET', `/meeting-events/${eventId}/requests`)).json();
      expect(request.requesters).toEqual([{ organisationId: s.firmA.id, priority: 4 }]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the facilitator compute the schedule, follow its progress, preview and publish it', async () => {
    const { context, page, errors } = await openSession();
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await logIn(page, s.facilitator.email, PASSWORD);
      await page.goto(`/animation/rendez-vous/${eventId}`);
      await page.getByRole('heading', { level: 1, name: EVENT }).waitFor();
      await page.getByRole('button', { name: 'Calculer le planning' }).click();
      await page.getByText('1 rendez-vous planifiés sur 1 demandés.').waitFor();
      const grid = page.getByRole('table', { name: 'Aperçu du planning' });
      await grid.getByRole('cell', { name: /Plasturgie du Revermont – Fromagerie des Coteaux|Fromagerie des Coteaux – Plasturgie du Revermont/ }).waitFor();
      await page.getByRole('button', { name: 'Publier le planning' }).click();
      await page.getByRole('heading', { name: 'Planning publié' }).waitFor();
      await page.getByRole('region', { name: 'Changements du jour' }).waitFor();
      await shot(page, 'event');
      expect((await t.call(s.facilitator, 'GET', `/meeting-events/${eventId}`)).json().status).toBe('published');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the other member their published agenda with the PDF and calendar links', async () => {
    const { context, page, errors } = await openSession({ width: 390, height: 844 });
    try {
      await logIn(page, s.memberB.email, PASSWORD);
      await page.goto(`/rendez-vous/${eventId}`);
      const agenda = page.getByRole('region', { name: 'Agenda de Fromagerie des Coteaux' });
      const meeting = agenda.getByRole('listitem').filter({ hasText: 'Plasturgie du Revermont' });
      await meeting.waitFor();
      expect(await meeting.textContent()).toMatch(/09:[024]0–09:[024]0/);
      expect(await meeting.textContent()).toMatch(/Table [12]/);
      await shot(page, 'agenda');
      const ics = await page.getByRole('link', { name: 'Ajouter à mon agenda' }).getAttribute('href');
      const pdf = await page.getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href');
      const fetched = await page.evaluate(
        async (urls) =>
          Promise.all(
            urls.map(async (u) => {
              const res = await fetch(u, { credentials: 'include' });
              return `${res.status} ${res.headers.get('content-type')}`;
            }),
          ),
        [ics!, pdf!],
      );
      expect(fetched[0]).toMatch(/^200 text\/calendar/);
      expect(fetched[1]).toMatch(/^200 application\/pdf/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a facilitator create an event without JSON and edit its tables', async () => {
    const { context, page, errors } = await openSession();
    try {
      await logIn(page, s.facilitator.email, PASSWORD);
      await page.getByRole('link', { name: 'Rendez-vous', exact: true }).click();
      await page.waitForURL('**/animation/rendez-vous**');
      await page.getByRole('link', { name: EVENT }).waitFor();
      await page.getByRole('button', { name: '+ Créer un événement' }).click();
      await page.getByLabel("Nom de l'événement").fill('Matinale de la zone');
      await page.getByLabel('Date').fill('2027-03-18');
      await page.getByLabel('Créneaux le matin').fill('4');
      await page.getByLabel('Nombre de tables').fill('3');
      await page.getByRole('checkbox', { name: 'Toutes les entreprises de la zone' }).waitFor();
      await page.getByRole('button', { name: 'Créer un événement' }).last().click();
      await page.waitForURL(/\/animation\/rendez-vous\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Matinale de la zone' }).waitFor();
      await page.getByText('4 créneau(x) de 09:00 à 10:20').waitFor();

      await page.getByRole('button', { name: 'Modifier' }).click();
      await page.getByRole('button', { name: '+ Ajouter une table' }).click();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Organisation enregistrée.').waitFor();
      await page.getByRole('heading', { name: 'Tables (4)' }).waitFor();
      await shot(page, 'created');
      const id = page.url().split('/').pop()!;
      const created = (await t.call(s.facilitator, 'GET', `/meeting-events/${id}`)).json();
      expect(created).toMatchObject({ status: 'draft', date: '2027-03-18', version: 2 });
      expect(created.participants.map((p: { organisationId: string }) => p.organisationId).sort()).toEqual([s.firmA.id, s.firmB.id].sort());
      expect(created.tables.map((x: { id: string }) => x.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a member record how a past meeting went', async () => {
    // An event held yesterday, scheduled and published through the API.
    const yesterday = day(-1);
    const created = (
      await t.call(s.facilitator, 'POST', '/meeting-events', {
        zoneId: s.zoneId,
        name: 'Rendez-vous de la veille',
        date: yesterday,
        sessions: [{ id: 'matin', name: 'Matin', slots: [{ id: 'm1', start: '10:00', durationMinutes: 20 }] }],
        tables: [{ id: 'T1', name: 'Table 1' }],
        participants: [{ organisationId: s.firmA.id }, { organisationId: s.firmB.id }],
      })
    ).json();
    await t.call(s.facilitator, 'POST', `/meeting-events/${created.id}/requests`, { organisationId: s.firmA.id, withOrganisationId: s.firmB.id, priority: 2 });
    const run = (await t.call(s.facilitator, 'POST', `/meeting-events/${created.id}/runs`, { timeLimitSeconds: 5 })).json();
    await eventually(
      async () => expect((await t.call(s.facilitator, 'GET', `/meeting-events/${created.id}/runs/${run.id}`)).json().status).toBe('done'),
      20_000,
    );
    const event = (await t.call(s.facilitator, 'GET', `/meeting-events/${created.id}`)).json();
    expect((await t.call(s.facilitator, 'POST', `/meeting-events/${created.id}/publish`, { version: event.version })).statusCode).toBe(200);

    const { context, page, errors } = await openSession({ width: 390, height: 844 });
    try {
      await logIn(page, s.memberA.email, PASSWORD);
      await page.goto(`/rendez-vous/${created.id}`);
      const meeting = page.getByRole('listitem').filter({ hasText: 'Fromagerie des Coteaux' });
      await meeting.getByText('10:00–10:20').waitFor();
      await meeting.getByRole('radio', { name: 'A eu lieu' }).check();
      await meeting.getByLabel('Ce qui en est ressorti').fill('Essai de 2 palettes la semaine prochaine.');
      await meeting.getByRole('button', { name: 'Enregistrer le suivi' }).click();
      await page.getByText('Suivi enregistré.').waitFor();
      await meeting.getByText('A eu lieu', { exact: true }).first().waitFor();
      await shot(page, 'follow-up');
      const [record] = (await t.call(s.memberA, 'GET', `/meeting-events/${created.id}/meetings`)).json();
      expect(record).toMatchObject({ status: 'done', outcome: 'Essai de 2 palettes la semaine prochaine.', version: 2 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('applies a no-show on the day and tells which agendas changed', async () => {
    const { context, page, errors } = await openSession();
    try {
      await logIn(page, s.facilitator.email, PASSWORD);
      await page.goto(`/animation/rendez-vous/${eventId}`);
      const dayOf = page.getByRole('region', { name: 'Changements du jour' });
      await dayOf.getByLabel('Changement').selectOption('no_show');
      await dayOf.getByLabel('Entreprise').selectOption({ label: 'Plasturgie du Revermont' });
      await dayOf.getByRole('button', { name: 'Appliquer le changement' }).click();
      const changed = dayOf.getByRole('status').filter({ hasText: 'Agendas modifiés' });
      await changed.getByText('Fromagerie des Coteaux').first().waitFor();
      await changed.getByRole('link', { name: 'Agenda PDF de Fromagerie des Coteaux' }).waitFor();
      await shot(page, 'day-of');
      const agenda = (await t.call(s.memberB, 'GET', `/meeting-events/${eventId}/agendas/${s.firmB.id}`)).json();
      expect(agenda.meetings.filter((m: { status: string }) => m.status !== 'cancelled')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
