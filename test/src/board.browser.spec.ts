import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, dragTo, eventually, launchChromium, screenshot, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

// `npm test` runs these when Chromium is installed; .ci/run installs it.
const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) console.warn('Chromium not found: browser tests skipped (apt-get install chromium)');

interface BoardTask {
  id: string;
  code: string;
  title: string;
  version: number;
  stage: string;
  leadDepartment: { code: string; level: string };
}

describeInBrowser('the board in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-browser-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;
  let coordinatorToken: string;

  const column = async (stage: string, token = coordinatorToken): Promise<BoardTask[]> => {
    const res = await app.gql(
      `query($stage: TaskStage!) { board { column(stage: $stage) { tasks(first: 100) { nodes { id code title version stage leadDepartment { code level } } } } } }`,
      { stage },
      token,
    );
    return res.data.board.column.tasks.nodes;
  };
  const taskState = async (id: string) => (await app.gql(`query($id: ID!) { task(id: $id) { stage version } }`, { id }, coordinatorToken)).data.task;
  const card = (page: Page, stage: string, id: string) => page.locator(`[data-testid="column-${stage}"] [data-task-id="${id}"]`);
  const centre = async (page: Page, selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not on screen`);
    return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 60) };
  };

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir });
    browser = await launchChromium();
    coordinatorToken = await app.login('coordinator@demo.gov');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a coordinator drags a card from review to approval; it is there after a reload, and a second board saw it live', async () => {
    const [task] = await column('REVIEW');
    const watcherContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watcher = await watcherContext.newPage();
    await signInAs(watcher, app.url, 'manager@demo.gov');
    await watcher.getByTestId('live-status').getByText('实时').waitFor();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, 'coordinator@demo.gov');
    await card(page, 'REVIEW', task.id).waitFor();

    const from = await centre(page, `[data-testid="column-REVIEW"] [data-task-id="${task.id}"]`);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 12, from.y + 12, { steps: 4 });
    // While dragging, only the columns the machine allows light up: approval (accept) and proposal (return).
    await page.locator('[data-drop="allowed"]').first().waitFor();
    const allowed = await page.locator('[data-testid^="column-"] [data-drop="allowed"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
    expect(allowed.sort()).toEqual(['APPROVAL', 'PROPOSAL']);
    await screenshot(page, 'board-dragging-zh-CN');
    const to = await centre(page, '[data-testid="column-APPROVAL"] .board-column__body');
    await page.mouse.move(to.x, to.y, { steps: 15 });
    await page.mouse.up();

    await card(page, 'APPROVAL', task.id).waitFor();
    // Another person's board shows the move without a reload.
    await card(watcher, 'APPROVAL', task.id).waitFor({ timeout: 5000 });
    expect(await card(watcher, 'REVIEW', task.id).count()).toBe(0);

    await eventually(async () => expect(await taskState(task.id)).toEqual({ stage: 'APPROVAL', version: task.version + 1 }));
    await page.reload();
    await card(page, 'APPROVAL', task.id).waitFor();
    expect(await card(page, 'REVIEW', task.id).count()).toBe(0);
    await context.close();
    await watcherContext.close();
  });

  it('a move the role does not allow is refused on the spot, and nothing changes', async () => {
    const [task] = await column('REVIEW');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, 'coordinator@demo.gov');
    await card(page, 'REVIEW', task.id).waitFor();
    await dragTo(page, await centre(page, `[data-testid="column-REVIEW"] [data-task-id="${task.id}"]`), await centre(page, '[data-testid="column-INSPECTION"] .board-column__body'));
    await page.getByText('不能移到「检查」').waitFor();
    expect(await card(page, 'REVIEW', task.id).count()).toBe(1);
    expect(await taskState(task.id)).toEqual({ stage: 'REVIEW', version: task.version });
    await context.close();
  });

  it('returning a task asks for a comment first, and the comment lands in its history', async () => {
    const [task] = await column('REVIEW');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, 'coordinator@demo.gov');
    await card(page, 'REVIEW', task.id).locator('[data-testid="card-menu"]').click();
    await page.getByRole('menuitem', { name: /退回修改/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('alert').getByText('请填写意见').waitFor(); // empty comment refused in the dialog
    await page.getByRole('dialog').locator('textarea').fill('请补充量化指标');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await card(page, 'PROPOSAL', task.id).waitFor();
    // The card moves at once (optimistically); the history has the move once the server answered.
    await eventually(async () => {
      const history = (await app.gql(`query($id: ID!) { task(id: $id) { history { event comment } } }`, { id: task.id }, coordinatorToken)).data.task.history;
      expect(history.at(-1)).toEqual({ event: 'RETURN', comment: '请补充量化指标' });
    });
    await context.close();
  });

  it('department staff are offered only their own moves, and can move a card with the keyboard', async () => {
    const proposals = await column('PROPOSAL');
    const own = proposals.find((t) => t.leadDepartment.level !== 'group')!;
    const others = proposals.find((t) => t.leadDepartment.code !== own.leadDepartment.code)!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, `${own.leadDepartment.code}@demo.gov`);

    await card(page, 'PROPOSAL', own.id).locator('[data-testid="card-menu"]').click();
    // The menu opens after the click returns: wait for its last item before reading them all.
    await page.locator('.ant-dropdown:visible [role="menuitem"]', { hasText: '撤回' }).waitFor();
    const items = await page.locator('.ant-dropdown:visible [role="menuitem"]').allInnerTexts();
    expect(items.map((s) => s.trim())).toEqual(['查看详情', '提交 → 初审', '撤回 → 已撤回']);
    await page.keyboard.press('Escape');

    if (others) {
      await card(page, 'PROPOSAL', others.id).locator('[data-testid="card-menu"]').click();
      await page.locator('.ant-dropdown:visible').getByText('当前无可执行操作').waitFor();
      await page.keyboard.press('Escape');
    }

    // Keyboard: focus the card, space picks it up, → moves one column right, space drops.
    // (Narrowed to this task's code, so the card stays in view wherever it sorts in the column.)
    await page.goto(`${app.url}/?q=${encodeURIComponent(own.code)}`);
    await card(page, 'PROPOSAL', own.id).focus();
    await page.keyboard.press('Space');
    await page.locator('[data-drop="allowed"]').first().waitFor(); // picked up: allowed columns lit
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-stage="REVIEW"].drop--over').waitFor();
    await page.keyboard.press('Space');
    await card(page, 'REVIEW', own.id).waitFor();
    await eventually(async () => expect((await taskState(own.id)).stage).toBe('REVIEW'));
    await context.close();
  });

  it('shows the board in Chinese by default and in English on request (screenshots for people to look at)', async () => {
    for (const viewport of [{ width: 1280, height: 800, name: 'desktop' }, { width: 820, height: 1180, name: 'tablet' }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(app.url);
      await screenshot(page, `sign-in-zh-CN-${viewport.name}`);
      await signInAs(page, app.url, 'coordinator@demo.gov');
      expect(await page.locator('[data-testid="column-REVIEW"] header').innerText()).toMatch(/初审/);
      await screenshot(page, `board-zh-CN-${viewport.name}`);
      await page.locator('[data-testid="column-IMPLEMENTATION"] .task-card__title').first().click();
      await page.getByTestId('task-history').waitFor();
      await page.waitForTimeout(500); // let the drawer finish sliding in
      expect(await page.getByTestId('task-history').innerText()).toMatch(/下达|提出/); // creation is the first entry
      await screenshot(page, `task-drawer-zh-CN-${viewport.name}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('task-drawer').waitFor({ state: 'detached' });
      await page.getByTestId('language-switch').click();
      await page.locator('[data-testid="column-REVIEW"] header').getByText('Review').waitFor();
      await screenshot(page, `board-en-${viewport.name}`);
      await page.getByTestId('toggle-swimlanes').click();
      await page.getByTestId('swimlane').first().waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, `board-swimlanes-en-${viewport.name}`);
      await page.getByTestId('language-switch').click(); // back to Chinese for the next run
      await context.close();
    }
  });

  it('shows hostile text as text: a title with markup is displayed, not run', async () => {
    const staffToken = await app.login('jxw@demo.gov');
    const title = '<img src=x onerror="window.__pwned=1">攻击测试';
    const created = await app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title, code: 'X.1' } }, staffToken);
    expect(created.errors).toBeUndefined();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAs(page, app.url, 'jxw@demo.gov', '/?q=' + encodeURIComponent('攻击测试'));
    await page.locator('.task-card__title', { hasText: title }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.task-card img').count()).toBe(0);
  });

  it('keeps the filter in the URL: a shared link opens the same filtered board', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, 'manager@demo.gov');
    await page.getByTestId('filter-overdue').click();
    await page.waitForURL(/overdue=1/);
    await page.getByTestId('filter-search').fill('1.1');
    await page.waitForURL(/q=1\.1/);
    const url = page.url();
    const other = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAs(other, url.replace(/\/\?.*/, ''), 'manager@demo.gov', '/' + url.split('/').pop());
    expect(await other.getByTestId('filter-overdue').isChecked()).toBe(true);
    expect(await other.getByTestId('filter-search').inputValue()).toBe('1.1');
    const codes = await other.locator('[data-testid="task-card"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    for (const code of codes) expect(code).toContain('1.1');
    await context.close();
  });
});
