import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, screenshot, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) console.warn('Chromium not found: browser tests skipped (apt-get install chromium)');

const PDF = Buffer.from('%PDF-1.4\n% 项目进展佐证材料\n');

describeInBrowser('report attachments (附件) in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-attachments-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })).newPage();
  const openUnitsTab = async (page: Page, task: { code: string; title: string }) => {
    await page.goto(`${app.url}/?q=${encodeURIComponent(task.code)}`);
    await page.locator('.task-card__title', { hasText: task.title }).first().click();
    await page.getByTestId('task-work-tabs').waitFor();
    await page.getByRole('tab', { name: /承办单位/ }).click();
    await page.getByTestId('task-units').waitFor();
  };

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir, TIMERS: 'off' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the unit attaches a file to its report awaiting review; the coordinator downloads it from the units tab', async () => {
    const coordinatorToken = await app.login('coordinator@demo.gov');
    const nodes = (await app.gql(`{ board { column(stage: IMPLEMENTATION) { tasks(first: 50) { nodes { id code title leadDepartment { id code level } } } } } }`, {}, coordinatorToken)).data.board.column.tasks
      .nodes as Array<{ id: string; code: string; title: string; leadDepartment: { id: string; code: string; level: string } }>;
    const unitsOf = async (taskId: string, token: string) =>
      (await app.gql(`query($id: ID!) { assignments(taskId: $id) { id lead status department { id } reports { id review } } }`, { id: taskId }, token)).data.assignments as Array<{
        id: string;
        lead: boolean;
        status: string;
        reports: Array<{ id: string; review: string | null }>;
      }>;
    // A task whose lead unit can report now (signed, or its last report reviewed), not one already awaiting review.
    let found: { task: (typeof nodes)[number]; staffToken: string; assignmentId: string } | null = null;
    for (const task of nodes.filter((t) => t.leadDepartment.level !== 'group')) {
      const staffToken = await app.login(`${task.leadDepartment.code}@demo.gov`);
      const lead = (await unitsOf(task.id, staffToken)).find((a) => a.lead)!;
      if (['ASSIGNED', 'SIGNED', 'RETURNED', 'PASSED'].includes(lead.status)) {
        found = { task, staffToken, assignmentId: lead.id };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { task, staffToken, assignmentId } = found!;
    await app.gql(`mutation($id: ID!) { signForAssignment(assignmentId: $id) { id } }`, { id: assignmentId }, staffToken); // refused harmlessly when signed already
    const filed = await app.gql(
      `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { reports { id } } }`,
      { input: { assignmentId, percentDone: 50, workDone: '完成主体工程招标' } },
      staffToken,
    );
    expect(filed.errors).toBeUndefined();

    // 1. The unit's staff attach a PDF on the report's row.
    const staff = await newPage();
    await signInAs(staff, app.url, `${task.leadDepartment.code}@demo.gov`);
    await openUnitsTab(staff, task);
    const row = staff.getByTestId('unit-row').filter({ has: staff.getByTestId('report-attach') }).first();
    await row.getByTestId('report-attachments').locator('input[type=file]').setInputFiles({ name: '招标文件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await row.getByTestId('report-attachment').filter({ hasText: '招标文件.pdf' }).waitFor();
    await screenshot(staff, 'report-attachment-zh-CN');

    // 2. The coordinator sees it under the report and downloads the very bytes.
    const coordinator = await newPage();
    await signInAs(coordinator, app.url, 'coordinator@demo.gov');
    await openUnitsTab(coordinator, task);
    const link = coordinator.getByTestId('report-attachment').filter({ hasText: '招标文件.pdf' });
    await link.waitFor();
    const [download] = await Promise.all([coordinator.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('招标文件.pdf');
    const saved = join(dataDir, 'downloaded.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(PDF)).toBe(true);
  });
});
