import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, screenshot, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) console.warn('Chromium not found: browser tests skipped (apt-get install chromium)');

describeInBrowser('the supervision bulletin (督办通报) and ledger (督办台账) in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-bulletin-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir, TIMERS: 'off' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('from the watch list a coordinator exports the ledger and opens the bulletin, which prints without its toolbar', async () => {
    const token = await app.login('coordinator@demo.gov');
    const plans = (await app.gql(`{ plans { id title } }`, {}, token)).data.plans as Array<{ id: string; title: string }>;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await signInAs(page, app.url, 'coordinator@demo.gov');
    await page.goto(`${app.url}/watch?plan=${plans[0].id}`);
    await page.getByTestId('watch-page').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('watch-export-ledger').click()]);
    expect(download.suggestedFilename()).toMatch(/^督办台账_\d{4}-Q[1-4]_.*\.xlsx$/);

    await page.getByTestId('watch-bulletin').click();
    await page.waitForURL(/\/bulletin\?plan=/);
    const bulletin = page.getByTestId('bulletin');
    await bulletin.waitFor();
    const text = await bulletin.innerText();
    expect(text).toContain('督办通报');
    expect(text).toContain(plans[0].title);
    expect(text).toContain('附件：督办台账');
    expect(await page.getByTestId('bulletin-ledger-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'bulletin-zh-CN');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('bulletin-print').isVisible()).toBe(false);
    expect(await bulletin.isVisible()).toBe(true);
    await screenshot(page, 'bulletin-print-zh-CN');
  });
});
