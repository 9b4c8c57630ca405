import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, eventually, launchChromium, screenshot, signIn, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) console.warn('Chromium not found: browser tests skipped (apt-get install chromium)');

interface Card {
  id: string;
  code: string;
  title: string;
  leadDepartment: { code: string };
}

describeInBrowser('leader instructions (领导批示) in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-instruction-'));
  chmodSync(dataDir, 0o755);
  let app: RunningApp;
  let browser: Browser;
  let approverToken: string;

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const taskState = async (id: string) =>
    (await app.gql(`query($id: ID!) { task(id: $id) { stage followedByMe history { event role comment } } instructions(taskId: $id) { number answer } }`, { id }, approverToken)).data;

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir });
    browser = await launchChromium();
    approverToken = await app.login('approver@demo.gov');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an approver’s instruction reopens finished work; the lead unit answers it from its work list; the approver follows the task', async () => {
    const column = (await app.gql(`{ board { column(stage: COMMENDATION) { tasks(first: 100) { nodes { id code title leadDepartment { code } } } } } }`, {}, approverToken)).data.board.column.tasks.nodes as Card[];
    // A unit with a demo staff account (not a catch-all like 各地级以上市人民政府).
    const task = column.find((t) => !t.leadDepartment.code.startsWith('unit-'))!;
    expect(task).toBeDefined();

    // The approver attaches an instruction in the drawer's 批示 tab and follows the task.
    const approver = await newPage();
    await signInAs(approver, app.url, 'approver@demo.gov', `/?q=${encodeURIComponent(task.code)}`);
    await approver.locator(`[data-task-id="${task.id}"] .task-card__title`).click();
    await approver.getByTestId('task-work-tabs').waitFor();
    await approver.getByRole('tab', { name: '批示' }).click();
    await approver.getByTestId('issue-instruction-form').getByText('该任务已办结，添加批示将使其重新进入实施阶段').waitFor();
    await approver.getByLabel('批示编号').fill('省领导批示〔2026〕88号');
    await approver.getByLabel('批示内容').fill('请在前期基础上扩大试点范围，年底前报送总结。');
    await approver.getByTestId('issue-instruction-form').getByRole('button', { name: /添加批示/ }).click();
    await approver.getByTestId('instruction-item').getByText('省领导批示〔2026〕88号').waitFor();
    await approver.getByTestId('instruction-item').getByText('已重新进入实施').waitFor();
    await approver.getByTestId('follow-toggle').click();
    await approver.locator('[data-testid="follow-toggle"][data-following="true"]').waitFor();
    await eventually(async () => {
      const state = await taskState(task.id);
      expect(state.task.stage).toBe('IMPLEMENTATION');
      expect(state.task.followedByMe).toBe(true);
      expect(state.task.history.at(-1)).toEqual({ event: 'REOPEN', role: 'APPROVER', comment: '领导批示 省领导批示〔2026〕88号：请在前期基础上扩大试点范围，年底前报送总结。' });
    });
    await screenshot(approver, 'instruction-issued');

    // The lead unit finds it in 我的待办 and answers in the drawer.
    const staff = await newPage();
    await signIn(staff, app.url, `${task.leadDepartment.code}@demo.gov`, 'demo', '/inbox');
    const row = staff.getByTestId('inbox-instructions').locator('tr', { hasText: '省领导批示〔2026〕88号' });
    await row.click();
    await staff.getByTestId('task-work-tabs').waitFor();
    await staff.getByRole('tab', { name: '批示' }).click();
    await staff.getByTestId('answer-input').fill('已扩大试点至三个地市，年底前报送总结。');
    await staff.getByRole('button', { name: /提交回复/ }).click();
    await staff.getByTestId('instruction-answer').getByText('已扩大试点至三个地市，年底前报送总结。').waitFor();
    await eventually(async () => expect((await taskState(task.id)).instructions).toEqual([{ number: '省领导批示〔2026〕88号', answer: '已扩大试点至三个地市，年底前报送总结。' }]));
    await screenshot(staff, 'instruction-answered');

    // The approver's 我关注的 lists the task, and the instruction is no longer awaiting an answer.
    await approver.keyboard.press('Escape');
    await approver.getByTestId('nav-following').click();
    await approver.getByTestId('following-tasks').locator(`[data-task-id="${task.id}"]`).waitFor();
    expect(await approver.getByTestId('unanswered-instructions').getByText('省领导批示〔2026〕88号').count()).toBe(0);
    await screenshot(approver, 'instruction-following');
  });
});
