import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, eventually, launchChromium, screenshot, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;

/** The quarter today falls in, as scoring periods are named (2026-Q4). */
const quarterNow = () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
};

describeInBrowser('inspection in the browser: a finding and a rectification round trip', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-inspection-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;
  let token: string;

  const taskState = async (id: string) =>
    (await app.gql(`query($id: ID!) { task(id: $id) { stage subState openFindingCount } }`, { id }, token)).data.task as { stage: string; subState: string | null; openFindingCount: number };
  const findings = async (taskId: string) => (await app.gql(`query($id: ID!) { findings(taskId: $id) { status severity description } }`, { id: taskId }, token)).data.findings;

  /** Opens the task's drawer from the board, narrowed to its code so the card is in view, and goes to a tab. */
  async function openTask(page: Page, code: string, title: string, tab: RegExp): Promise<void> {
    await page.goto(`${app.url}/?q=${encodeURIComponent(code)}`);
    await page.locator('.task-card__title', { hasText: title }).first().click();
    await page.getByTestId('task-work-tabs').waitFor();
    await page.getByRole('tab', { name: tab }).click();
  }

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir });
    browser = await launchChromium();
    token = await app.login('coordinator@demo.gov');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an inspector logs a major finding in a few keystrokes; the department rectifies it; the inspector verifies and passes the task', async () => {
    const inspection = (await app.gql(`{ board { column(stage: INSPECTION) { tasks(first: 50) { nodes { id code title openFindingCount leadDepartment { code level } } } } } }`, {}, token)).data.board
      .column.tasks.nodes as Array<{ id: string; code: string; title: string; openFindingCount: number; leadDepartment: { code: string; level: string } }>;
    const task = inspection.find((t) => t.openFindingCount === 0 && t.leadDepartment.level !== 'group')!;

    // 1. The inspector logs the finding from the drawer.
    const inspectorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const inspector = await inspectorContext.newPage();
    await signInAs(inspector, app.url, 'inspector@demo.gov');
    await openTask(inspector, task.code, task.title, /发现问题/);
    const started = Date.now();
    await inspector.getByTestId('finding-severity-MAJOR').click();
    await inspector.getByTestId('finding-description').fill('项目现场未开工，资金拨付滞后');
    await inspector.keyboard.press('Control+Enter');
    await inspector.locator('[data-testid="finding-item"][data-status="OPEN"]').waitFor();
    expect(Date.now() - started).toBeLessThan(60_000);
    await eventually(async () => expect(await findings(task.id)).toEqual([{ status: 'OPEN', severity: 'MAJOR', description: '项目现场未开工，资金拨付滞后' }]));
    await screenshot(inspector, 'finding-logged-zh-CN');

    // The major finding blocks PASS: the card menu no longer offers it; the inspector sends the task back.
    await inspector.keyboard.press('Escape');
    const card = inspector.locator(`[data-testid="column-INSPECTION"] [data-task-id="${task.id}"]`);
    await card.locator('[data-testid="card-menu"]').click();
    await inspector.locator('.ant-dropdown:visible [role="menuitem"]').first().waitFor(); // the menu is open: what it lacks is meaningful
    const items = (await inspector.locator('.ant-dropdown:visible [role="menuitem"]').allInnerTexts()).map((s) => s.trim());
    expect(items).not.toContain('检查通过 → 表彰');
    await inspector.getByRole('menuitem', { name: /要求整改/ }).click();
    await inspector.getByRole('dialog').locator('textarea').fill('限期一个月整改到位');
    await inspector.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await inspector.locator(`[data-testid="column-IMPLEMENTATION"] [data-task-id="${task.id}"]`).getByText('整改中').waitFor();
    // The card moves at once (optimistically); the server's answer follows.
    await eventually(async () => expect(await taskState(task.id)).toMatchObject({ stage: 'IMPLEMENTATION', subState: 'RECTIFYING' }));

    // 2. The lead department starts and submits the rectification.
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const staff = await staffContext.newPage();
    await signInAs(staff, app.url, `${task.leadDepartment.code}@demo.gov`);
    await openTask(staff, task.code, task.title, /发现问题/);
    await staff.getByTestId('finding-action-START_RECTIFICATION').click();
    await staff.locator('[data-testid="finding-item"][data-status="RECTIFYING"]').waitFor();
    await staff.getByTestId('finding-action-SUBMIT_RECTIFICATION').click();
    await staff.getByTestId('finding-comment').fill('已开工建设，资金已拨付到位');
    await staff.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
    await staff.locator('[data-testid="finding-item"][data-status="RECTIFIED"]').waitFor();
    await screenshot(staff, 'finding-rectified-zh-CN');
    // And asks for inspection again.
    await staff.keyboard.press('Escape');
    await staff.locator(`[data-task-id="${task.id}"] [data-testid="card-menu"]`).click();
    await staff.getByRole('menuitem', { name: /申请检查/ }).click();
    await staff.locator(`[data-testid="column-INSPECTION"] [data-task-id="${task.id}"]`).waitFor();

    // 3. The inspector verifies (销号) and passes the task.
    await openTask(inspector, task.code, task.title, /发现问题/);
    await inspector.getByTestId('finding-action-VERIFY').click();
    await inspector.locator('[data-testid="finding-item"][data-status="VERIFIED"]').waitFor();
    await inspector.keyboard.press('Escape');
    await inspector.locator(`[data-task-id="${task.id}"] [data-testid="card-menu"]`).click();
    await inspector.getByRole('menuitem', { name: /检查通过/ }).click();
    await inspector.locator(`[data-testid="column-COMMENDATION"] [data-task-id="${task.id}"]`).waitFor();
    await eventually(async () => expect(await taskState(task.id)).toMatchObject({ stage: 'COMMENDATION', openFindingCount: 0 }));
    await inspectorContext.close();
    await staffContext.close();
  });

  it('the department sees its reports due on “my work”, and the dashboard draws the plan', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAs(page, app.url, 'jxw@demo.gov');
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-reports').waitFor();
    await screenshot(page, 'my-work-staff-zh-CN');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('kpi-overdue-tasks').waitFor();
    await page.locator('[data-testid="chart-stages"] canvas').waitFor();
    await screenshot(page, 'dashboard-zh-CN');

    // One plan's supervision scores: every unit ranked; a unit's row opens its deductions and additions.
    const plans = (await app.gql(`{ plans { id title } }`, {}, token)).data.plans as Array<{ id: string }>;
    const scored = await Promise.all(plans.map(async (p) => ({ id: p.id, cards: (await app.gql(`query($p: ID!, $q: String!) { scoreCards(planId: $p, period: $q) { items { kind } } }`, { p: p.id, q: quarterNow() }, token)).data.scoreCards as Array<{ items: unknown[] }> })));
    const busiest = scored.sort((a, b) => b.cards.reduce((n, c) => n + c.items.length, 0) - a.cards.reduce((n, c) => n + c.items.length, 0))[0];
    await page.goto(`${app.url}/dashboard?plan=${busiest.id}`);
    const card = page.getByTestId('score-cards-card');
    await card.scrollIntoViewIfNeeded();
    await eventually(async () => expect(await card.getByTestId('score').count()).toBe(busiest.cards.length));
    const withItems = busiest.cards.findIndex((c) => c.items.length > 0);
    if (withItems >= 0) {
      await card.getByTestId('score').nth(withItems).click();
      await card.getByTestId('score-item').first().waitFor();
    }
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-scores-zh-CN');
  });
});
