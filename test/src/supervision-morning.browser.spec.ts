import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, eventually, launchChromium, openDrawerTab, screenshot, signIn, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

// `npm test` runs these when Chromium is installed; .ci/run installs it.
const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) console.warn('Chromium not found: browser tests skipped (apt-get install chromium)');

interface Overdue {
  id: string;
  code: string;
  title: string;
  stage: string;
  leadDepartment: { id: string; code: string; name: string };
}
interface Unit {
  id: string;
  lead: boolean;
  status: string;
  returnCount: number;
  percentDone: number | null;
  reports: Array<{ percentDone: number; workDone: string; review: string | null }>;
}
interface Slip {
  id: string;
  number: string;
  level: string;
  origin: string;
  departmentId: string;
  signedAt: string | null;
  signedByName: string | null;
}

const OVERDUE = `query($departmentId: ID) { watchList(departmentId: $departmentId) { overdue { id code title stage leadDepartment { id code name } } } }`;
const UNITS = `query($id: ID!) { assignments(taskId: $id) { id lead status returnCount percentDone reports { percentDone workDone review } } }`;

/**
 * The morning issue 8 is about, end to end on the demo data: the coordinator starts on the watch
 * list, presses the lead unit of an overdue task (催办), the unit signs for the slip and for its
 * assignment and reports, and the coordinator passes the report; the card's roll-up shows it.
 */
describeInBrowser('a coordinator’s morning (督办) in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-morning-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;
  let token: string;

  const must = async <T,>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await app.gql<T>(query, variables, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const units = async (taskId: string) => (await must<{ assignments: Unit[] }>(UNITS, { id: taskId })).assignments;
  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
  /** Lets antd finish its transitions before a screenshot. */
  const settle = (page: Page) => page.waitForTimeout(400);
  beforeAll(async () => {
    // No timers: the only slip on the task is the one the coordinator sends.
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir, TIMERS: 'off' });
    browser = await launchChromium();
    token = await app.login('coordinator@demo.gov');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('watch list → 催办 to the lead unit → the unit signs for it, signs for its assignment and reports → the coordinator passes it', async () => {
    // An overdue task under way whose lead unit (with a demo account) has not signed for it, and whose
    // other units have: once the lead reports, the card's roll-up counts it.
    const { watchList } = await must<{ watchList: { overdue: Overdue[] } }>(OVERDUE);
    let task: Overdue | undefined;
    for (const candidate of watchList.overdue) {
      if (candidate.stage !== 'IMPLEMENTATION' || candidate.leadDepartment.code.startsWith('unit-')) continue;
      const all = await units(candidate.id);
      const lead = all.find((u) => u.lead);
      if (lead?.status !== 'ASSIGNED' || all.some((u) => !u.lead && u.status === 'ASSIGNED')) continue;
      // Found in the first page of its department's list.
      const narrowed = (await must<{ watchList: { overdue: Overdue[] } }>(OVERDUE, { departmentId: candidate.leadDepartment.id })).watchList.overdue;
      if (narrowed.findIndex((t) => t.id === candidate.id) < 10) {
        task = candidate;
        break;
      }
    }
    if (!task) throw new Error('the demo data has no overdue task whose lead unit has yet to sign for it');
    const unit = task.leadDepartment;
    const before = await units(task.id);

    // 1. The coordinator signs in and lands on the watch list, their home.
    const coordinator = await newPage();
    await signIn(coordinator, app.url, 'coordinator@demo.gov');
    await coordinator.waitForURL(/\/watch$/);
    const overdue = coordinator.getByTestId('watch-group-overdue');
    await overdue.getByTestId('watch-row').first().waitFor();
    await settle(coordinator);
    await screenshot(coordinator, 'morning-1-watch-list-zh-CN');

    // Narrowed to the unit's department, the overdue task is there with its red light.
    await coordinator.getByTestId('watch-department').click();
    await coordinator.keyboard.type(unit.name);
    await coordinator.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: unit.name }).first().click();
    await coordinator.waitForURL(new RegExp(`dept=${unit.code}`));
    const row = overdue.locator(`[data-testid="watch-row"][data-task-id="${task.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-light')).toBe('RED');
    await settle(coordinator);
    await screenshot(coordinator, 'morning-2-watch-list-department-zh-CN');

    // 2. Opens it and presses the lead unit from the drawer's 催办 tab.
    await row.click();
    await coordinator.getByTestId('task-work-tabs').waitFor();
    expect(await coordinator.locator('.ant-drawer-title').innerText()).toContain(task.code);
    await openDrawerTab(coordinator, /催办/);
    await coordinator.getByTestId('remind-open').click();
    const form = coordinator.getByTestId('remind-form');
    expect(await form.getByTestId('remind-unit').innerText()).toContain(`${unit.name}（牵头）`); // the lead unit is proposed
    await coordinator.getByTestId('remind-requirement').fill('该事项已超期，请抓紧办理，于时限内报送办理进展及超期原因。');
    await settle(coordinator);
    await screenshot(coordinator, 'morning-3-remind-form-zh-CN');
    await coordinator.getByTestId('remind-submit').click();
    let slip: Slip | undefined;
    await eventually(async () => {
      const slips = (await must<{ reminders: Slip[] }>(`query($id: ID!) { reminders(taskId: $id) { id number level origin departmentId signedAt signedByName } }`, { id: task.id })).reminders;
      slip = slips.find((s) => s.origin === 'MANUAL');
      expect(slip).toMatchObject({ level: 'REMINDER', departmentId: unit.id, signedAt: null });
    });
    await coordinator.locator(`[data-testid="reminder-item"][data-number="${slip!.number}"]`).waitFor();
    await settle(coordinator);
    await screenshot(coordinator, 'morning-4-reminder-sent-zh-CN');

    // 3. The unit's staff, at their own desk: the card says a slip awaits them, and their work list has it.
    const staff = await newPage();
    await signInAs(staff, app.url, `${unit.code}@demo.gov`, `/?q=${encodeURIComponent(task.code)}`);
    const card = staff.locator(`[data-testid="task-card"][data-task-id="${task.id}"]`);
    await card.waitFor();
    expect(await card.getByTestId('chip-reminders').innerText()).toBe('催办 1');
    await settle(staff);
    await screenshot(staff, 'morning-5-unit-card-zh-CN');
    // To 我的待办 (a click while the board still loads can be lost: the address says when it took).
    await eventually(async () => {
      if (new URL(staff.url()).pathname !== '/inbox') await staff.getByTestId('nav-inbox').click();
      expect(new URL(staff.url()).pathname).toBe('/inbox');
    }, 10_000);
    const item = staff.getByTestId('inbox-reminders').locator(`[data-testid="reminder-item"][data-number="${slip!.number}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain(task.title);
    const assignment = staff.getByTestId('inbox-assignments').locator(`[data-testid="my-assignment"][data-task-id="${task.id}"]`);
    await assignment.waitFor();
    await settle(staff);
    await screenshot(staff, 'morning-6-unit-work-list-zh-CN');
    await item.getByTestId('reminder-sign').click();
    await item.waitFor({ state: 'detached' });
    await eventually(async () => {
      const signed = (await must<{ reminder: Slip }>(`query($id: ID!) { reminder(id: $id) { id number level origin departmentId signedAt signedByName } }`, { id: slip!.id })).reminder;
      expect(signed.signedByName).toBe(`${unit.name} 工作人员`);
    });

    // 4. The same list holds the assignment still to sign for; it opens the task, whose 承办单位 tab is where the unit signs for its part and reports.
    expect(await assignment.getAttribute('data-status')).toBe('ASSIGNED');
    expect(await assignment.innerText()).toContain('待签收');
    await assignment.click();
    await openDrawerTab(staff, /承办单位/);
    const mine = staff.locator(`[data-testid="unit-row"][data-unit="${unit.name}"]`);
    await mine.waitFor();
    expect(await mine.getAttribute('data-status')).toBe('ASSIGNED');
    await mine.getByTestId('unit-sign').click();
    await staff.locator(`[data-testid="unit-row"][data-unit="${unit.name}"][data-status="SIGNED"]`).waitFor();
    await mine.getByRole('button', { name: '填报进展' }).click();
    const report = staff.getByTestId('assignment-report-form');
    await report.waitFor();
    await staff.getByTestId('assignment-percent').fill('70');
    await staff.getByTestId('assignment-work-done').fill('已召开专题推进会，完成主体工作的七成，剩余项目倒排工期推进。');
    await staff.getByTestId('assignment-problems').fill('个别项目审批手续尚未办结。');
    await staff.getByTestId('assignment-support-needed').fill('请协调有关部门加快审批。');
    await staff.getByTestId('assignment-next-plan').fill('月底前完成剩余项目并报送办结材料。');
    await settle(staff);
    await screenshot(staff, 'morning-7-unit-report-form-zh-CN');
    await staff.locator('.ant-modal').getByRole('button', { name: /报\s*送/ }).click();
    await staff.locator(`[data-testid="unit-row"][data-unit="${unit.name}"][data-status="REPORTED"]`).waitFor();
    await report.waitFor({ state: 'detached' });
    await settle(staff);
    await screenshot(staff, 'morning-8-unit-reported-zh-CN');
    // Off the work list now, and the card no longer counts a slip to sign for.
    await staff.keyboard.press('Escape');
    await staff.getByTestId('task-drawer').waitFor({ state: 'detached' });
    await assignment.waitFor({ state: 'detached' });
    await staff.goto(`${app.url}/?q=${encodeURIComponent(task.code)}`);
    await card.waitFor();
    expect(await card.getByTestId('chip-reminders').count()).toBe(0);
    await eventually(async () => {
      const lead = (await units(task.id)).find((u) => u.lead)!;
      expect(lead).toMatchObject({ status: 'REPORTED', percentDone: 70, reports: [{ percentDone: 70, workDone: '已召开专题推进会，完成主体工作的七成，剩余项目倒排工期推进。', review: null }] });
    });

    // 5. The coordinator, reopening the task from the watch list, sees the report and passes it.
    await coordinator.keyboard.press('Escape');
    await coordinator.getByTestId('task-drawer').waitFor({ state: 'detached' });
    await row.click();
    await openDrawerTab(coordinator, /承办单位/);
    const theirs = coordinator.locator(`[data-testid="unit-row"][data-unit="${unit.name}"][data-status="REPORTED"]`);
    await theirs.waitFor();
    expect(await theirs.innerText()).toContain('70%');
    await theirs.getByText(/办理记录/).click(); // the report itself, folded under the unit
    await theirs.getByText('已召开专题推进会，完成主体工作的七成，剩余项目倒排工期推进。').waitFor();
    await settle(coordinator);
    await screenshot(coordinator, 'morning-9-coordinator-review-zh-CN');
    await theirs.getByTestId('unit-pass').click();
    await coordinator.locator(`[data-testid="unit-row"][data-unit="${unit.name}"][data-status="PASSED"]`).waitFor();
    await settle(coordinator);
    await screenshot(coordinator, 'morning-10-report-passed-zh-CN');

    // 6. The card's roll-up counts the unit's passed report.
    const after = await units(task.id);
    expect(after.find((u) => u.lead)).toMatchObject({ status: 'PASSED', returnCount: 0 });
    const live = after.filter((u) => u.status !== 'SENT_BACK');
    const reported = live.filter((u) => u.status === 'REPORTED' || u.status === 'PASSED').length;
    expect(reported).toBe(before.filter((u) => u.status === 'REPORTED' || u.status === 'PASSED').length + 1);
    await coordinator.goto(`${app.url}/?q=${encodeURIComponent(task.code)}`);
    const board = coordinator.locator(`[data-testid="task-card"][data-task-id="${task.id}"]`);
    await board.waitFor();
    const chip = board.getByTestId('chip-units');
    expect(await chip.innerText()).toContain(`${reported}/${live.length} 已报`);
    await chip.hover();
    await coordinator.locator('.ant-tooltip:visible').getByText(/通过 \d+/).waitFor();
    expect(await coordinator.locator('.ant-tooltip:visible').innerText()).toContain(`已报 ${reported}（通过 ${live.filter((u) => u.status === 'PASSED').length}）`);
    await settle(coordinator);
    await screenshot(coordinator, 'morning-11-card-rollup-zh-CN');
    // A key, urgent task of the demo on the board: small 急 / 重点 tags beside its units' roll-up.
    const flagged = (
      await must<{ board: { column: { tasks: { nodes: Array<{ id: string; code: string; urgent: boolean; keyTask: boolean }> } } } }>(
        `{ board { column(stage: IMPLEMENTATION) { tasks(first: 100) { nodes { id code urgent keyTask } } } } }`,
      )
    ).board.column.tasks.nodes.find((t) => t.urgent && t.keyTask)!;
    expect(flagged).toBeDefined();
    await coordinator.goto(`${app.url}/?q=${encodeURIComponent(flagged.code)}`);
    const flaggedCard = coordinator.locator(`[data-testid="task-card"][data-task-id="${flagged.id}"]`);
    await flaggedCard.waitFor();
    expect(await flaggedCard.getByTestId('chip-urgent').innerText()).toBe('急');
    expect(await flaggedCard.getByTestId('chip-key-task').innerText()).toBe('重点');
    await settle(coordinator);
    await screenshot(coordinator, 'morning-12-flagged-card-zh-CN');
    await coordinator.context().close();
    await staff.context().close();
  });
});
