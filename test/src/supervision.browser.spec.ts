import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, eventually, launchChromium, screenshot, signIn, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

// `npm test` runs these when Chromium is installed; .ci/run installs it.
const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) console.warn('Chromium not found: browser tests skipped (apt-get install chromium)');

interface Watched {
  id: string;
  code: string;
  light: string;
  lightReasons: string[];
  leadDepartment: { id: string; code: string };
}
type WatchList = Record<'overdue' | 'dueSoon' | 'behindPace' | 'reportsMissed' | 'stale', Watched[]>;

const WATCH_QUERY = `query($departmentId: ID) {
  watchList(departmentId: $departmentId) {
    overdue { ...W } dueSoon { ...W } behindPace { ...W } reportsMissed { ...W } stale { ...W }
  }
}
fragment W on Task { id code light lightReasons leadDepartment { id code } }`;

/** The first Monday-to-Friday on or after `date` (YYYY-MM-DD), and the first Saturday. */
const weekdayFrom = (date: string, wanted: (day: number) => boolean) => {
  const d = new Date(`${date}T00:00:00Z`);
  while (!wanted(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describeInBrowser('supervision (督办) in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-supervision-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;
  let coordinatorToken: string;

  const watchList = async (departmentId: string | null = null): Promise<WatchList> => {
    const res = await app.gql<{ watchList: WatchList }>(WATCH_QUERY, { departmentId }, coordinatorToken);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.watchList;
  };
  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();

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

  it('the board shows each card’s light: red and amber dots with their reasons, faint green for work on course', async () => {
    const page = await newPage();
    await signInAs(page, app.url, 'coordinator@demo.gov');
    // Only the red ones, when asked: the toolbar's light filter, and the address keeps it.
    await page.getByTestId('filter-lights').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '红灯' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/light=RED/);
    await eventually(async () => {
      expect(await page.locator('[data-testid="task-card"]').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="task-card"]:not([data-light="RED"])').count()).toBe(0);
      expect(await page.locator('.ant-skeleton').count()).toBe(0); // every column has answered
    }, 30_000);
    await screenshot(page, 'board-red-only-zh-CN');
    await page.goto(app.url + '/');
    const red = page.locator('[data-testid="task-card"][data-light="RED"]').first();
    await red.waitFor();
    const dot = red.getByTestId('task-light');
    expect(await dot.getAttribute('aria-label')).toMatch(/^红灯：/);
    // Only tasks not past implementation carry a light; inspection and commendation cards show none.
    expect(await page.locator('[data-testid="column-INSPECTION"] [data-testid="task-light"]').count()).toBe(0);
    expect(await page.locator('[data-testid="column-IMPLEMENTATION"] [data-testid="task-light"]').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'board-lights-zh-CN');
    await dot.hover();
    const tooltip = page.getByTestId('task-light-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toMatch(/红灯[\s\S]*(已超期|进度严重滞后)/);
    await page.context().close();
  });

  it('a coordinator opens the watch list: overdue tasks with red lights, by group with counts; a row opens the task', async () => {
    const expected = await watchList();
    expect(expected.overdue.length).toBeGreaterThan(0); // the demo data has overdue work

    // The coordinator's home is the watch list: signing in at the bare address lands there.
    const page = await newPage();
    await signIn(page, app.url, 'coordinator@demo.gov');
    await page.waitForURL(/\/watch$/);
    const overdue = page.getByTestId('watch-group-overdue');
    await overdue.waitFor();
    for (const group of ['overdue', 'dueSoon', 'behindPace', 'reportsMissed', 'stale'] as const) {
      expect(await page.getByTestId(`watch-group-${group}`).getAttribute('data-count')).toBe(String(expected[group].length));
    }
    expect(await page.getByTestId('watch-jump-overdue').innerText()).toMatch(new RegExp(`超期\\s*${expected.overdue.length}`));

    const rows = overdue.getByTestId('watch-row');
    expect(await rows.count()).toBe(Math.min(10, expected.overdue.length)); // ten a page
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-light'))))).toEqual(new Set(['RED']));
    expect(await rows.first().getByTestId('task-light').getAttribute('aria-label')).toMatch(/^红灯：已超期/);
    await screenshot(page, 'watch-list-zh-CN');

    const first = expected.overdue[0];
    await overdue.locator(`[data-task-id="${first.id}"]`).click();
    await page.getByTestId('task-drawer').waitFor();
    const light = page.getByTestId('drawer-light');
    expect(await light.getAttribute('data-light')).toBe('RED');
    expect(await light.innerText()).toContain('已超期');
    expect(await page.locator('.ant-drawer-title').innerText()).toContain(first.code);
    await page.waitForTimeout(400); // let the drawer finish sliding in
    await screenshot(page, 'watch-list-drawer-zh-CN');
    await page.keyboard.press('Escape');
    await page.getByTestId('task-drawer').waitFor({ state: 'detached' });

    // A link naming a department (as the board writes it) narrows the list to that department's tasks.
    const department = first.leadDepartment;
    const narrowed = await watchList(department.id);
    await page.goto(`${app.url}/watch?dept=${department.code}`);
    await eventually(async () => expect(await page.getByTestId('watch-group-overdue').getAttribute('data-count')).toBe(String(narrowed.overdue.length)));
    expect(narrowed.overdue.length).toBeLessThanOrEqual(expected.overdue.length);
    await page.context().close();
  });

  it('department staff report percent done; the drawer shows it against the expected pace', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const column = (await app.gql(`{ board { column(stage: IMPLEMENTATION) { tasks(first: 100) { nodes { id code title dueDate leadDepartment { code } } } } } }`, {}, coordinatorToken)).data.board.column.tasks
      .nodes as Array<{ id: string; code: string; title: string; dueDate: string | null; leadDepartment: { code: string } }>;
    const task = column.find((t) => t.leadDepartment.code === 'jxw' && t.dueDate !== null && t.dueDate > today)!;
    expect(task).toBeDefined();

    const page = await newPage();
    await signInAs(page, app.url, 'jxw@demo.gov', `/?q=${encodeURIComponent(task.code)}`);
    await page.locator(`[data-task-id="${task.id}"] .task-card__title`).click();
    await page.getByTestId('task-work-tabs').waitFor();
    await page.getByRole('tab', { name: /进度报告/ }).click();
    await page.getByTestId('report-narrative').fill('完成项目摸底，启动首批改造');
    await page.getByTestId('report-percent-done').fill('5');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-percent').getByText('完成 5%').waitFor();
    await eventually(async () => {
      const saved = (await app.gql(`query($id: ID!) { task(id: $id) { percentDone pointsBehind } }`, { id: task.id }, coordinatorToken)).data.task;
      expect(saved.percentDone).toBe(5);
      expect(typeof saved.pointsBehind).toBe('number');
    });

    await page.getByRole('tab', { name: /概况/ }).click();
    await page.getByTestId('drawer-percent-done').waitFor();
    expect(await page.getByTestId('drawer-percent-done').innerText()).toContain('5%');
    expect(await page.getByTestId('drawer-pace').innerText()).toMatch(/序时进度/);
    await page.waitForTimeout(300);
    await screenshot(page, 'task-drawer-percent-zh-CN');
    await page.context().close();
  });

  it('department staff are not offered the watch list', async () => {
    const page = await newPage();
    await signInAs(page, app.url, 'jxw@demo.gov');
    await page.getByTestId('nav-board').waitFor();
    expect(await page.getByTestId('nav-watch').count()).toBe(0);
    await page.context().close();
  });

  it('an administrator records a holiday and a make-up workday in the working calendar, and removes one', async () => {
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear(); // the year the page opens on: China time
    const holiday = weekdayFrom(`${year}-10-01`, (d) => d >= 1 && d <= 5);
    const saturday = weekdayFrom(`${year}-10-01`, (d) => d === 6);
    const days = async () => (await app.gql<{ calendarDays: unknown[] }>(`query($y: Int!) { calendarDays(year: $y) { date kind name } }`, { y: year }, coordinatorToken)).data!.calendarDays;

    const page = await newPage();
    await signIn(page, app.url, 'admin@demo.gov');
    await page.getByTestId('admin-tab-calendar').click();
    const grid = page.getByTestId('calendar-grid');
    await grid.waitFor();

    // A weekday picked in the grid can only become a holiday.
    await grid.locator(`[data-date="${holiday}"]`).click();
    expect(await page.getByTestId('calendar-date').inputValue()).toBe(holiday);
    await page.getByTestId('calendar-name').fill('国庆节');
    await page.getByTestId('calendar-add').click();
    await page.locator(`[data-testid="calendar-row"][data-date="${holiday}"]`).waitFor();
    expect(await grid.locator(`[data-date="${holiday}"]`).getAttribute('data-kind')).toBe('HOLIDAY');

    // A Saturday only a make-up workday.
    await grid.locator(`[data-date="${saturday}"]`).click();
    await page.getByTestId('calendar-name').fill('国庆节调休');
    await page.getByTestId('calendar-add').click();
    await page.locator(`[data-testid="calendar-row"][data-date="${saturday}"]`).waitFor();
    expect(await grid.locator(`[data-date="${saturday}"]`).getAttribute('data-kind')).toBe('WORKDAY');
    await eventually(async () =>
      expect(await days()).toEqual([
        { date: holiday, kind: 'HOLIDAY', name: '国庆节' },
        { date: saturday, kind: 'WORKDAY', name: '国庆节调休' },
      ].sort((a, b) => a.date.localeCompare(b.date))),
    );
    await page.waitForTimeout(300);
    await screenshot(page, 'admin-calendar-zh-CN');

    await page.locator(`[data-testid="calendar-row"][data-date="${saturday}"]`).getByTestId('calendar-remove').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.locator(`[data-testid="calendar-row"][data-date="${saturday}"]`).waitFor({ state: 'detached' });
    expect(await days()).toEqual([{ date: holiday, kind: 'HOLIDAY', name: '国庆节' }]);
    await page.context().close();
  });
});
