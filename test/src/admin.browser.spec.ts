import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { CHROMIUM, launchChromium, screenshot, signIn, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;

describeInBrowser('administration in Chromium: accounts and the audit trail', () => {
  let database: TestDatabase;
  let app: RunningApp;
  let browser: Browser;

  /** Opens an antd Select by its test id, types `search` if given, and picks the option titled `title`. */
  async function choose(page: Page, testId: string, title: string, search?: string): Promise<void> {
    await page.getByTestId(testId).click();
    if (search) await page.getByTestId(testId).locator('input').fill(search);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
  }

  const accountRow = (page: Page, email: string) => page.locator(`[data-testid="account-row"][data-email="${email}"]`);

  beforeAll(async () => {
    database = await createTestDatabase();
    // Many quick changes in a row: the per-person mutation limit is not what this spec is about.
    app = await startApp({ DATABASE_URL: database.url, SEED_DEMO: '1', MUTATIONS_PER_MINUTE: '100000' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.drop();
  });

  it('an administrator opens a staff account; its holder uses the board until deactivated, is then sent to sign in; the audit trail shows both', async () => {
    const email = 'lin.kjt@demo.gov';
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const admin = await adminContext.newPage();
    await signIn(admin, app.url, 'admin@demo.gov');

    // An administrator lands on the administration, never on the board (which would be refused).
    await admin.getByTestId('accounts-table').waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin');
    expect(await admin.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['nav-admin']);
    expect(await admin.getByTestId('task-card').count()).toBe(0);
    // Their own account cannot be deactivated.
    expect(await accountRow(admin, 'admin@demo.gov').getByTestId('deactivate').isDisabled()).toBe(true);
    await screenshot(admin, 'admin-accounts-zh-CN');

    // 新建账号: a staff member of 省科技厅 with a generated password.
    await admin.getByTestId('new-account').click();
    await admin.getByTestId('account-email').fill(email);
    await admin.getByTestId('account-name').fill('林科技');
    await choose(admin, 'account-role', '部门经办人');
    await admin.getByTestId('account-submit').click();
    await admin.getByText('部门经办人须指定所属部门').waitFor(); // staff need a department
    await choose(admin, 'account-department', '省科技厅', '省科技厅');
    await admin.getByTestId('account-password-generate').click();
    const password = await admin.getByTestId('account-password').inputValue();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await admin.waitForTimeout(300);
    await screenshot(admin, 'admin-new-account-zh-CN');
    await admin.getByTestId('account-submit').click();
    await admin.getByText('已新建账号：林科技').waitFor();
    await accountRow(admin, email).waitFor();
    expect(await accountRow(admin, email).innerText()).toMatch(/林科技[\s\S]*部门经办人[\s\S]*省科技厅[\s\S]*正常/);

    // The same email again: refused on the email field, in Chinese.
    await admin.getByTestId('new-account').click();
    await admin.getByTestId('account-email').fill(email);
    await admin.getByTestId('account-name').fill('重复');
    await choose(admin, 'account-role', '管理者');
    await admin.getByTestId('account-password-generate').click();
    await admin.getByTestId('account-submit').click();
    await admin.locator('.ant-form-item-has-error').getByText('该邮箱已有账号').waitFor();
    await admin.keyboard.press('Escape');
    await admin.getByTestId('create-account-form').waitFor({ state: 'detached' });

    // The new person signs in (a second browser) and sees the board.
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const staff = await staffContext.newPage();
    await signIn(staff, app.url, email, password);
    await staff.getByTestId('task-card').first().waitFor();
    expect(await staff.getByTestId('current-user').innerText()).toContain('林科技');

    // The administrator deactivates the account, after a warning.
    await accountRow(admin, email).getByTestId('deactivate').click();
    await admin.getByText('其所有登录将立即结束，停用期间无法登录。').waitFor();
    await admin.getByTestId('confirm-toggle').click();
    await admin.getByText('已停用：林科技').waitFor();
    await admin.locator(`[data-testid="account-row"][data-email="${email}"][data-active="false"]`).waitFor();

    // The person's next action sends them to the sign-in page, saying why; they cannot sign in again.
    await staff.getByTestId('filter-overdue').click();
    await staff.getByTestId('session-ended').waitFor();
    expect(await staff.getByTestId('session-ended').innerText()).toContain('您的登录已结束，请重新登录');
    expect(await staff.getByTestId('current-user').count()).toBe(0);
    expect(await staff.evaluate(() => localStorage.getItem('workplan.token'))).toBeNull();
    await staff.locator('.sign-in__demo').waitFor(); // the sign-in page is whole, demo accounts and all
    await screenshot(staff, 'session-ended-zh-CN');
    await staff.getByTestId('email').fill(email);
    await staff.getByTestId('password').fill(password);
    await staff.getByTestId('sign-in').click();
    await staff.getByRole('alert').getByText('邮箱或密码错误').waitFor();
    await staffContext.close();

    // 审计日志: both changes, each with a green OK; the password never reaches the trail.
    await admin.getByTestId('admin-tab-audit').click();
    const created = admin.locator('[data-testid="audit-row"][data-operation="createUser"][data-result="OK"]');
    const deactivated = admin.locator('[data-testid="audit-row"][data-operation="setUserActive"][data-result="OK"]');
    await created.first().waitFor();
    await deactivated.first().waitFor();
    expect(await created.count()).toBe(1);
    expect(await created.innerText()).toContain(email); // the target
    expect(await created.innerText()).toContain('admin@demo.gov'); // who
    expect(await admin.locator('[data-testid="audit-row"][data-operation="createUser"][data-result="BAD_USER_INPUT"]').count()).toBe(1);
    // Filtered on the server: only failures.
    await choose(admin, 'audit-result-filter', '全部失败 (FAILED)');
    await admin.locator('[data-testid="audit-row"][data-result="OK"]').first().waitFor({ state: 'detached' });
    expect(await admin.locator('[data-testid="audit-row"]').evaluateAll((rows) => rows.every((r) => r.getAttribute('data-result') !== 'OK'))).toBe(true);
    await admin.locator('[data-testid="audit-filters"]').getByText('清除筛选').click();
    await created.first().waitFor();
    await created.locator('.ant-table-row-expand-icon').click();
    const args = admin.getByTestId('audit-arguments');
    await args.waitFor();
    const json = JSON.parse(await args.innerText()) as { input: Record<string, unknown> };
    expect(json.input).toMatchObject({ email, name: '林科技', role: 'STAFF', password: '[redacted]' });
    expect(await admin.locator('body').innerText()).not.toContain(password);
    await admin.waitForTimeout(300);
    await screenshot(admin, 'admin-audit-zh-CN');

    // English, the accounts again.
    await admin.getByTestId('language-switch').click();
    await admin.getByTestId('admin-tab-accounts').click();
    await admin.getByTestId('accounts-search').locator('input').fill('');
    await admin.getByRole('columnheader', { name: 'Email' }).waitFor();
    await admin.locator(`[data-testid="account-row"][data-email="admin@demo.gov"]`).waitFor();
    await admin.waitForTimeout(300);
    await screenshot(admin, 'admin-accounts-en');
    await admin.getByTestId('language-switch').click(); // back to Chinese for whoever comes next
    await adminContext.close();
  });

  it('nobody else is shown the administration: a coordinator opening /admin gets the board', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, 'coordinator@demo.gov', '/admin');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    expect(await page.getByTestId('admin-page').count()).toBe(0);
    await context.close();
  });
});
