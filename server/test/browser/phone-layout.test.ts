import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthService } from '../../src/modules/auth/service';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/seed';
import { ensureDemoWorkshop } from '../../src/seed-workshop';
import { createTestContext, type TestContext, type TestUser } from '../context';
import { launchBrowser, logIn, newSession, serve } from './browser';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

/** The narrowest phone the product supports. */
const PHONE = { width: 360, height: 740 };
/** A common laptop screen, where a facilitator's many links once made the page scroll sideways. */
const LAPTOP = { width: 1280, height: 800 };

let t: TestContext;
let browser: Browser;
let baseURL: string;
/** A real value for every route parameter, by route name then parameter name. */
let params: Record<string, Record<string, string>>;

/** The demo accounts by what they do: a plain member, the association's organiser (a member too), a facilitator, an admin. */
type Who = 'admin' | 'facilitator' | 'member' | 'organiser';
const account = (who: Who) =>
  who === 'organiser' ? DEMO_ACCOUNTS.find((a) => a.email.startsWith('organisateur'))! : DEMO_ACCOUNTS.find((a) => a.role === who)!;

beforeAll(async () => {
  t = await createTestContext();
  // A real browser drops a session cookie whose expiry lies in its past: run on its clock.
  t.clock.current = new Date();
  const { zoneId } = await seedDemo(t.ctx);
  const sql = t.ctx.db.$client;
  const facilitator = await demoUser('facilitator');
  const member = await demoUser('member');

  // Long, real content: the demo zone matched, one hand-over recorded, one scheduled event.
  const run = await t.call(facilitator, 'POST', '/matching/runs', { zoneId });
  expect(run.statusCode).toBe(202);
  await vi.waitFor(async () => expect((await t.call(facilitator, 'GET', `/matching/runs/${run.json().id}`)).json().status).toBe('done'), {
    timeout: 120_000,
    interval: 300,
  });

  const [memberFirm] = await sql<{ id: string }[]>`select organisation_id as id from users where email = ${account('member').email}`;
  const [otherFirm] = await sql<{ id: string }[]>`select id from organisations where zone_id = ${zoneId} and id <> ${memberFirm!.id} order by name limit 1`;
  const taker = await t.newUser('member', { organisationId: otherFirm!.id });
  const offer = await t.declare(member, {
    title: 'Palettes 80x120 cassées, à réparer ou broyer',
    categoryCode: 'materials.wood',
    quantity: 40,
    unit: 'pallet',
    frequency: 'monthly',
  });
  const request = (await t.call(taker, 'POST', `/declarations/${offer.id}/requests`, { message: 'Nous pouvons les reprendre chaque mois.' })).json();
  expect((await t.call(member, 'POST', `/synergies/${request.id}/reserve`)).statusCode).toBe(200);
  const exchange = (await t.call(member, 'POST', `/synergies/${request.id}/handover`, { quantity: 40, unit: 'pallet' })).json();

  const firms = await sql<{ id: string }[]>`select id from organisations where zone_id = ${zoneId} order by name limit 6`;
  const event = await t.call(facilitator, 'POST', '/meeting-events', {
    zoneId,
    name: 'Rendez-vous d’affaires de la zone industrielle de Lons-Perrigny',
    date: '2026-12-15',
    sessions: [{ id: 'morning', name: 'Matin', slots: ['09:00', '09:20', '09:40'].map((start, i) => ({ id: `m${i + 1}`, start, durationMinutes: 20 })) }],
    tables: [{ id: 'T1', name: 'Table 1' }],
    participants: [memberFirm!, ...firms.filter((f) => f.id !== memberFirm!.id)].map((f) => ({ organisationId: f.id })),
  });
  expect(event.statusCode).toBe(201);
  const eventId = event.json().id as string;
  expect((await t.call(facilitator, 'POST', `/meeting-events/${eventId}/status`, { status: 'requests_open', version: event.json().version })).statusCode).toBe(
    200,
  );

  // The event page is shown on an event of the association, which its organiser runs too.
  const organiser = await demoUser('organiser');
  const [association] = await sql<{ id: string }[]>`select id from associations where zone_id = ${zoneId} limit 1`;
  const members = await sql<
    { id: string }[]
  >`select organisation_id as id from association_members where association_id = ${association!.id} order by organisation_id limit 6`;
  const associationEvent = await t.call(organiser, 'POST', `/associations/${association!.id}/events`, {
    zoneId,
    name: "Rendez-vous d'affaires des membres d'ALons'ZI, matinée de décembre",
    date: '2026-12-17',
    sessions: [{ id: 'morning', name: 'Matin', slots: ['09:00', '09:20'].map((start, i) => ({ id: `m${i + 1}`, start, durationMinutes: 20 })) }],
    tables: [{ id: 'T1', name: 'Table 1' }],
    participants: members.map((m) => ({ organisationId: m.id })),
  });
  expect(associationEvent.statusCode).toBe(201);

  expect(await ensureDemoWorkshop(t.ctx, new AuthService(t.ctx))).not.toBeNull();
  const [workshop] = await sql<{ id: string }[]>`select id from workshops limit 1`;
  const [synergy] = await sql<{ id: string }[]>`select id from synergies where zone_id = ${zoneId} order by created_at limit 1`;
  const [declaration] = await sql<{ id: string }[]>`select id from declarations where organisation_id = ${memberFirm!.id} order by created_at limit 1`;
  params = {
    'password-reset': { token: 'a'.repeat(43) },
    invitation: { token: 'a'.repeat(43) },
    declaration: { id: declaration!.id },
    'declaration-edit': { id: declaration!.id },
    organisation: { id: memberFirm!.id },
    'organisation-edit': { id: memberFirm!.id },
    'meeting-event': { eventId: associationEvent.json().id },
    agenda: { eventId },
    synergy: { id: synergy!.id },
    exchange: { id: exchange.id },
    'not-found': { pathMatch: 'page-inexistante' },
    ...Object.fromEntries(
      ['workshop-phone', 'workshop-check-in', 'workshop-console', 'workshop-board', 'workshop-summary', 'workshop-screen'].map((name) => [
        name,
        { id: workshop!.id },
      ]),
    ),
    'workshop-join': { code: 'ABCD-EFGH' },
    booking: { id: '00000000-0000-4000-8000-000000000000' },
    account: {},
  };
  baseURL = await serve(t);
  browser = await launchBrowser();

  async function demoUser(role: Exclude<Who, 'admin'>): Promise<TestUser> {
    const { email, password } = account(role);
    const [u] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
    return { id: u!.id, email, cookie: await t.login(email, password) };
  }
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Every route the running app knows, read from its own router, with real parameters. */
async function appRoutes(page: Page): Promise<{ name: string; path: string }[]> {
  // Runs in the page (the server's TypeScript has no DOM types, hence a string).
  const routes = (await page.evaluate(`document.querySelector('#app').__vue_app__.config.globalProperties.$router
    .getRoutes().map((r) => ({ name: String(r.name), path: r.path }))`)) as { name: string; path: string }[];
  return routes.map(({ name, path }) => ({
    name,
    path: path.replace(/:(\w+)(\([^)]*\))?[*?+]*/g, (_m, key: string) => {
      const value = params[name]?.[key];
      if (!value) throw new Error(`the phone layout test has no value for :${key} of route "${name}": add one to its params`);
      return value;
    }),
  }));
}

/** Elements that stick out of the viewport's sides, or make the page scroll sideways. */
const FIND_OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width + 1) found.push('page is ' + document.documentElement.scrollWidth + 'px wide');
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Inside a container that scrolls or clips on purpose (a wide table in its own scroller), sticking out is fine.
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) clipped = true;
    }
    if (clipped) continue;
    if (box.right > width + 1 || box.left < -1) {
      const classes = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      found.push(el.tagName.toLowerCase() + classes + ' spans ' + Math.round(box.left) + '–' + Math.round(box.right) + 'px');
    }
  }
  return found.slice(0, 5);
})()`;

async function overflow(page: Page): Promise<string[]> {
  return (await page.evaluate(FIND_OVERFLOW)) as string[];
}

/** Routes whose made-up parameter (a one-time token) is refused on purpose: their 4xx is the page working. */
const REFUSED_ON_PURPOSE = new Set(['password-reset', 'invitation', 'workshop-join', 'workshop-screen', 'booking']);
/** The organiser's firm is no party to the plain member's synergy, hand-over or workshop: their 404 is the server keeping them private. */
const OTHER_FIRMS_PAGES = new Set(['synergy', 'exchange', 'workshop-phone', 'workshop-check-in', 'workshop-board', 'workshop-summary']);
const refused = (role: Who, route: string) => REFUSED_ON_PURPOSE.has(route) || (role === 'organiser' && OTHER_FIRMS_PAGES.has(route));

describe('the header on a 1280 px laptop', () => {
  for (const role of ['member', 'organiser', 'facilitator', 'admin'] as const) {
    it(`shows every link of a ${role} without the menu button and without pushing the page sideways`, async () => {
      const { context, page, errors } = await newSession(browser, baseURL, LAPTOP);
      try {
        await logIn(page, account(role).email, account(role).password);
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('button', { name: 'Menu', exact: true }).isVisible()).toBe(false);
        const links = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link');
        expect(await links.count()).toBeGreaterThan(4);
        for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
        await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
        if (process.env.BROWSER_SHOTS) await page.screenshot({ path: `${process.env.BROWSER_SHOTS}/header-${role}.png` });
        expect(await overflow(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('every page on a 360 px phone', () => {
  it('opens the login page of a visitor without a failed request or a console error', async () => {
    const { context, page, errors } = await newSession(browser, baseURL, PHONE);
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
    try {
      await page.goto('/');
      await page.waitForURL('**/connexion**');
      await page.waitForLoadState('networkidle');
      expect(failed).toEqual([]);
      expect(await overflow(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const role of ['member', 'organiser', 'facilitator', 'admin'] as const) {
    it(`fits the screen for a ${role}, menus and notification panel included, quietly`, async () => {
      const { context, page, errors } = await newSession(browser, baseURL, PHONE);
      // Normal use fails no request and logs no error (a made-up token's refusal aside).
      const failed: string[] = [];
      let current = '';
      page.on('response', (r) => r.status() >= 400 && !refused(role, current) && failed.push(`${current}: ${r.status()} ${r.url()}`));
      page.on('console', (m) => m.type() === 'error' && !refused(role, current) && failed.push(`${current}: ${m.text()}`));
      try {
        await logIn(page, account(role).email, account(role).password);
        const problems: string[] = [];
        for (const route of await appRoutes(page)) {
          current = route.name;
          await page.goto(route.path);
          await page.waitForLoadState('networkidle');
          for (const p of await overflow(page)) problems.push(`${route.path}: ${p}`);
        }
        current = '';
        // The menu and the notification panel open over the page: they must fit too.
        await page.goto('/');
        await page.waitForLoadState('networkidle');
        const menu = page.getByRole('button', { name: 'Menu', exact: true });
        if (await menu.isVisible()) {
          await menu.click();
          for (const p of await overflow(page)) problems.push(`menu: ${p}`);
          await menu.click();
        }
        await page.getByRole('button', { name: /Notifications/ }).click();
        await page.locator('#notifications-panel').waitFor();
        for (const p of await overflow(page)) problems.push(`notification panel: ${p}`);
        expect(problems).toEqual([]);
        expect(failed).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
