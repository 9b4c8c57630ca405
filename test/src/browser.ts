import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './running-app';

/** Debian's Chromium (Playwright cannot download its own browser here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium: apt-get install chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Signs in through the sign-in page, as a person would, and waits for the board. */
export async function signInAs(page: Page, baseUrl: string, email: string, path = '/'): Promise<void> {
  await page.goto(baseUrl + path);
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill('demo');
  await page.getByTestId('sign-in').click();
  await page.getByTestId('current-user').waitFor();
  // A coordinator lands on the watch list (their home); these tests mean the page they asked for.
  if (new URL(page.url()).pathname !== new URL(baseUrl + path).pathname) {
    await page.goto(baseUrl + path);
    await page.getByTestId('current-user').waitFor();
  }
  await page.getByTestId('task-card').first().waitFor();
}

/**
 * Signs in through the sign-in page with any password and waits until someone is signed in,
 * wherever the app then lands (an administrator does not land on the board).
 */
export async function signIn(page: Page, baseUrl: string, email: string, password = 'demo', path = '/'): Promise<void> {
  await page.goto(baseUrl + path);
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('current-user').waitFor();
}

/** Drags with real pointer events, in small steps, as dnd-kit expects from a mouse. */
export async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.waitForTimeout(100);
  await page.mouse.up();
}

/** Retries an assertion about the server for a few seconds: what the page shows (an optimistic move) may run ahead of the save. */
export async function eventually(check: () => Promise<void>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Opens a tab of the task drawer once the drawer has slid in: a click while it still moves can land
 * on the tab beside the one meant (or on none), so it is retried until the tab says it is selected.
 */
export async function openDrawerTab(page: Page, name: RegExp | string): Promise<void> {
  await page.getByTestId('task-work-tabs').waitFor();
  await page.waitForTimeout(400);
  const tab = page.getByRole('tab', { name });
  await eventually(async () => {
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
  }, 10_000);
}
