import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, eventually, launchChromium, openDrawerTab, screenshot, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) console.warn('Chromium not found: browser tests skipped (apt-get install chromium)');

interface Slip {
  id: string;
  number: string;
  level: string;
  responsiblePerson: string | null;
  signedAt: string | null;
  signedByName: string | null;
}

describeInBrowser('reminders (催办) in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-reminders-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;
  let token: string;

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const slips = async (taskId: string): Promise<Slip[]> =>
    (await app.gql(`query($id: ID!) { reminders(taskId: $id) { id number level responsiblePerson signedAt signedByName } }`, { id: taskId }, token)).data.reminders;

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir, TIMERS: 'off' });
    browser = await launchChromium();
    token = await app.login('coordinator@demo.gov');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a coordinator reminds a unit from the drawer; the unit finds it on its work list, signs for it, and prints the slip', async () => {
    const nodes = (await app.gql(`{ board { column(stage: IMPLEMENTATION) { tasks(first: 50) { nodes { id code title leadDepartment { code level name } } } } } }`, {}, token)).data.board.column
      .tasks.nodes as Array<{ id: string; code: string; title: string; leadDepartment: { code: string; level: string; name: string } }>;
    const task = nodes.find((t) => t.leadDepartment.level !== 'group')!;

    // 1. The coordinator opens the task's 催办 tab and sends a supervision notice.
    const coordinator = await newPage();
    await signInAs(coordinator, app.url, 'coordinator@demo.gov');
    await coordinator.goto(`${app.url}/?q=${encodeURIComponent(task.code)}`);
    await coordinator.locator('.task-card__title', { hasText: task.title }).first().click();
    await openDrawerTab(coordinator, /催办/);
    await coordinator.getByTestId('remind-open').click();
    await coordinator.getByTestId('remind-form').getByText('督办通知单').click();
    await coordinator.getByTestId('remind-requirement').fill('请于时限内书面报告办理情况及滞后原因');
    await coordinator.getByTestId('remind-submit').click();
    await coordinator.getByTestId('reminder-item').first().waitFor();
    let sent: Slip[] = [];
    await eventually(async () => {
      sent = await slips(task.id);
      expect(sent).toHaveLength(1);
    });
    const [slip] = sent;
    expect(slip).toMatchObject({ level: 'NOTICE', responsiblePerson: `${task.leadDepartment.name} 负责人`, signedAt: null });
    await coordinator.getByTestId('reminder-item').getByText(slip.number).waitFor();
    await screenshot(coordinator, 'reminder-tab-zh-CN');

    // 2. The unit finds it on its work list and signs for it.
    const staff = await newPage();
    await signInAs(staff, app.url, `${task.leadDepartment.code}@demo.gov`);
    await staff.getByTestId('nav-inbox').click();
    const inbox = staff.getByTestId('inbox-reminders');
    await inbox.getByText(slip.number).waitFor();
    await screenshot(staff, 'reminder-inbox-zh-CN');
    await inbox.getByTestId('reminder-item').filter({ hasText: slip.number }).getByTestId('reminder-sign').click();
    await inbox.getByText(slip.number).waitFor({ state: 'detached' });
    await eventually(async () => expect((await slips(task.id))[0]).toMatchObject({ signedByName: `${task.leadDepartment.name} 工作人员` }));

    // 3. The printable slip: every field, the receipt filled in, and nothing but the slip on paper.
    await staff.goto(`${app.url}/reminders/${slip.id}/print`);
    const printed = staff.getByTestId('reminder-slip');
    await printed.waitFor();
    const text = await printed.innerText();
    for (const expected of ['督办通知单', slip.number, task.code, '请于时限内书面报告办理情况及滞后原因', task.leadDepartment.name, `${task.leadDepartment.name} 负责人`, `${task.leadDepartment.name} 工作人员`]) {
      expect(text).toContain(expected);
    }
    await screenshot(staff, 'reminder-slip-zh-CN');
    await staff.emulateMedia({ media: 'print' });
    expect(await staff.getByTestId('slip-print').isVisible()).toBe(false);
    expect(await printed.isVisible()).toBe(true);
    await screenshot(staff, 'reminder-slip-print-zh-CN');
  });
});
