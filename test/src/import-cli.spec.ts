import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase } from '../../server/test/test-database';
import { REPO_ROOT } from './running-app';

const run = promisify(execFile);
const CLI = join(REPO_ROOT, 'server', 'dist', 'plan-import', 'import-cli.js');
const SEED_001 = join(REPO_ROOT, 'shared', 'fixtures', 'seeds', '001_5e21d8306f410a50.txt');

describe('npm run import (the command line)', () => {
  it('--dry-run --json prints the parse in the published shape and writes nothing', async () => {
    const { stdout } = await run(process.execPath, [CLI, '--dry-run', '--json', SEED_001], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['plan', 'tasks', 'indicators', 'unplacedLines']);
    expect(json.plan).toEqual({ title: '全省产业转型升级突破点工作方案', issuer: '广东省经济和信息化委员会', docNumber: '粤经信技改〔2011〕333号', issuedAt: '2011-04-26' });
    expect(json.tasks).toHaveLength(6);
    expect(Object.keys(json.tasks[0])).toEqual(['code', 'title', 'leadDepartments', 'cooperatingDepartments', 'groups', 'deadline', 'startStage', 'section']);
    expect(json.tasks.every((t: { startStage: string }) => t.startStage === 'PROPOSAL')).toBe(true);
  });

  it('without --dry-run creates the plan in DATABASE_URL, once', async () => {
    const database = await createTestDatabase();
    try {
      const env = { ...process.env, DATABASE_URL: database.url };
      const first = await run(process.execPath, [CLI, '--json', SEED_001], { cwd: REPO_ROOT, env });
      expect(JSON.parse(first.stdout)).toMatchObject({ alreadyImported: false, tasks: 6 });
      const second = await run(process.execPath, [CLI, SEED_001], { cwd: REPO_ROOT, env });
      expect(second.stdout).toMatch(/^Already imported: plan /);
      const db = new Client({ connectionString: database.url });
      await db.connect();
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM task`)).rows;
      await db.end();
      expect(n).toBe(6);
    } finally {
      await database.drop();
    }
  });
});
