import type { Browser, Request } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { CHROMIUM, launchChromium, signInAs } from './browser';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;

/** Access tokens live this long here (15 minutes in `npm start`), so a test sees several of them run out. */
const TOKEN_TTL_SECONDS = 3;

describeInBrowser(`sign-in sessions in Chromium (tokens live ${TOKEN_TTL_SECONDS} s)`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let browser: Browser;

  const storedSession = (page: import('playwright-core').Page) =>
    page.evaluate(() => ({ token: localStorage.getItem('workplan.token'), refreshToken: localStorage.getItem('workplan.refreshToken'), expiresAt: localStorage.getItem('workplan.expiresAt') }));

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApp({ DATABASE_URL: database.url, SEED_DEMO: '1', TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS), MUTATIONS_PER_MINUTE: '100000' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.drop();
  });

  it('signing out ends the sign-in on the server: the old token and refresh token are refused at once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, app.url, 'manager@demo.gov');
    const before = await storedSession(page);
    expect(before.token).toBeTruthy();
    expect(before.refreshToken).toBeTruthy();
    expect(Date.parse(before.expiresAt!)).toBeGreaterThan(Date.now() - 60_000);
    // The page may renew the token on its way; whatever it holds just before signing out is the one to try afterwards.
    const { token } = await storedSession(page);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('session-ended').count()).toBe(0); // a deliberate sign-out needs no explanation
    expect(await storedSession(page)).toEqual({ token: null, refreshToken: null, expiresAt: null });

    const me = await app.gql('{ me { email } }', {}, token!);
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const renewed = await app.gql('mutation($r: String!) { refreshSession(refreshToken: $r) { token } }', { r: before.refreshToken });
    expect(renewed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await context.close();
  });

  it('the board keeps working across several token lifetimes: the token is renewed, nobody is sent to sign in, live updates still arrive', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const bearers = new Set<string>();
    let renewals = 0;
    let refused = 0;
    page.on('request', (request: Request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const authorization = request.headers().authorization;
      if (authorization) bearers.add(authorization);
      if (request.postData()?.includes('RefreshSession')) renewals++;
    });
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return;
      const body = await response.text().catch(() => '');
      if (body.includes('"UNAUTHENTICATED"')) refused++;
    });

    await signInAs(page, app.url, 'coordinator@demo.gov');
    await page.getByTestId('live-status').getByText('实时').waitFor();
    const first = await storedSession(page);
    const started = Date.now();

    // Work on the board for more than three token lifetimes: open task after task, filter, clear.
    while (Date.now() - started < (TOKEN_TTL_SECONDS * 3 + 1) * 1000) {
      await page.locator('[data-testid="column-IMPLEMENTATION"] .task-card__title').first().click();
      await page.getByTestId('task-history').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('task-drawer').waitFor({ state: 'detached' });
      await page.getByTestId('filter-overdue').click();
      await page.waitForURL(/overdue=1/);
      await page.getByTestId('filter-overdue').click();
      await page.waitForURL((url) => !url.search.includes('overdue'));
      await page.getByTestId('task-card').first().waitFor();
      await page.waitForTimeout(700);
    }

    expect(await page.getByTestId('sign-in').count()).toBe(0);
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    await page.getByTestId('current-user').waitFor();
    const last = await storedSession(page);
    expect(last.token).not.toBe(first.token);
    expect(last.refreshToken).toBe(first.refreshToken); // the same sign-in, renewed
    expect(renewals).toBeGreaterThanOrEqual(2);
    expect(bearers.size).toBeGreaterThanOrEqual(3); // requests went out with at least three different tokens
    expect(refused).toBe(0); // renewed ahead of time: no request had to be refused first

    // The live connection outlived its token: a move made elsewhere still shows up at once.
    const token = await app.login('coordinator@demo.gov');
    const review = (await app.gql(`{ board { column(stage: REVIEW) { tasks(first: 1) { nodes { id version } } } } }`, {}, token)).data.board.column.tasks.nodes[0] as { id: string; version: number };
    const moved = await app.gql(
      'mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { task { stage } } }',
      { input: { taskId: review.id, event: 'ACCEPT', expectedVersion: review.version } },
      token,
    );
    expect(moved.errors).toBeUndefined();
    await page.locator(`[data-testid="column-APPROVAL"] [data-task-id="${review.id}"]`).waitFor({ timeout: 10_000 });
    await context.close();
  });
});
