import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { vi } from 'vitest';
import { REPO_ROOT } from '../../src/infra/config';
import type { TestContext } from '../context';

/** Debian's Chromium, headless, with nothing that phones home. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function webDistPresent(): boolean {
  return existsSync(path.join(REPO_ROOT, 'web', 'dist', 'index.html'));
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!webDistPresent()) throw new Error('web/dist is missing: run `pnpm --filter @synergies/web build` first');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** Serves the test context's app (API + built web app) on a free local port. */
export async function serve(t: TestContext): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * How long one step (a click, a navigation, an element to appear) may take. Alone a step takes
 * well under a second; under the whole suite's load on two cores, with the scheduler's tests
 * holding both, a route's first answer once took over 8 s (CI, stop 28) and another 22 s.
 */
export const STEP_TIMEOUT_MS = 30_000;
/** A browser test is a dozen steps or so: the integration tier's 30 s would cut a slow one short. */
vi.setConfig({ testTimeout: 120_000 });

/** A fresh browser context (own cookies) with French UI, failing loudly on page errors. */
export async function newSession(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'fr-FR' });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.BROWSER_LOG) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  return { context, page, errors };
}

/** Logs in through the login page and waits to land on the user's home. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

/**
 * Retries `assertion` until it passes (or `timeoutMs` runs out, failing with its last error):
 * for what becomes true asynchronously, such as the search index or a background job.
 */
export function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  return vi.waitFor(assertion, { timeout: timeoutMs, interval: 250 });
}
