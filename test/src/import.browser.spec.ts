import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, screenshot, signInAs } from './browser';
import { REPO_ROOT, startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;
const SEED_003 = join(REPO_ROOT, 'shared', 'fixtures', 'seeds', '003_0e2917583f474d42.txt');

describeInBrowser('importing a plan document in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-import-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a coordinator uploads 003, reviews the outline, lines and departments, confirms, and lands on its board', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInAs(page, app.url, 'coordinator@demo.gov');
    await page.getByRole('button', { name: /导入方案/ }).or(page.getByText('导入方案')).first().click();
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-upload').setInputFiles(SEED_003);
    await page.getByTestId('import-preview-button').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-task-count').innerText()).toContain('37');
    await page.getByTestId('import-tree').waitFor();
    expect(await page.getByTestId('import-unplaced').innerText()).toMatch(/全部内容已识别/);
    await screenshot(page, 'import-preview-zh-CN');

    await page.getByTestId('import-confirm').click();
    await page.waitForURL(/\?plan=/);
    await page.getByTestId('task-card').first().waitFor();
    const planId = new URL(page.url()).searchParams.get('plan')!;
    const token = await app.login('coordinator@demo.gov');
    const board = await app.gql(`query($p: ID!) { board(filter: { planId: $p }) { totalCount columns { stage totalCount } } }`, { p: planId }, token);
    expect(board.data.board.totalCount).toBe(37);
    expect(board.data.board.columns.find((c: { stage: string }) => c.stage === 'IMPLEMENTATION').totalCount).toBe(37);
    expect(Number(await page.getByTestId('count-IMPLEMENTATION').innerText())).toBe(37);
    await screenshot(page, 'import-board-zh-CN');
  });
});
