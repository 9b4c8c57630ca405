import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, signInAs } from './browser';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { startApp, type RunningApp } from './running-app';

const describeInBrowser = CHROMIUM ? describe : describe.skip;
const CARDS = 2000;

describeInBrowser('a column of 2,000 cards', () => {
  let database: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApp({ DATABASE_URL: database.url, SEED_DEMO: '1' });

    // 2,000 tasks assigned into IMPLEMENTATION of one plan, written straight to the database.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const [{ id: departmentId }] = (await db.query(`SELECT id FROM department WHERE code = 'kjt'`)).rows;
    planId = (await db.query(`INSERT INTO plan (title) VALUES ('两千项任务的方案') RETURNING id`)).rows[0].id;
    await db.query(
      `INSERT INTO task (plan_id, code, sort_key, title, lead_department_id, origin, stage, snapshot, version)
       SELECT $1, '9.' || n, '000009.' || lpad(n::text, 6, '0'), '批量任务 ' || n, $2::uuid, 'ASSIGNED', 'IMPLEMENTATION',
              jsonb_build_object('machineId', 'task', 'machineVersion', 2, 'value', jsonb_build_object('IMPLEMENTATION', 'IN_PROGRESS'),
                'context', jsonb_build_object('leadDepartmentId', $3::text, 'cooperatingDepartmentIds', '[]'::jsonb, 'origin', 'ASSIGNED',
                  'rectificationCount', 0, 'returnCount', 0, 'outcome', null)), 1
         FROM generate_series(1, ${CARDS}) AS n`,
      [planId, departmentId, departmentId],
    ).finally(() => db.end());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.drop();
  });

  it('puts only the cards in view in the page, and loads more as the user scrolls to the end', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInAs(page, app.url, 'manager@demo.gov', `/?plan=${planId}`);
    const columnSelector = '[data-testid="column-IMPLEMENTATION"]';
    await page.locator(`${columnSelector} [data-code="9.1"]`).waitFor();
    expect(await page.getByTestId('count-IMPLEMENTATION').innerText()).toBe(String(CARDS));
    const inPage = () => page.locator(`${columnSelector} [data-testid="task-card"]`).count();
    expect(await inPage()).toBeLessThan(40);

    // Scroll to the bottom again and again: pages of 30 arrive until the 2,000th card is reachable.
    const scroller = page.locator(`${columnSelector} .board-column__scroll`);
    for (let i = 0; i < 200; i++) {
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(60);
      if (await page.locator(`${columnSelector} [data-code="9.${CARDS}"]`).count()) break;
    }
    await page.locator(`${columnSelector} [data-code="9.${CARDS}"]`).waitFor();
    expect(await inPage()).toBeLessThan(40); // still only a window of cards in the DOM
    await page.close();
  });
});
