import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCast, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const SEEDS = join(__dirname, '..', '..', 'shared', 'fixtures', 'seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

let app: TestApp;
let cast: Cast;

const IMPORT = `mutation($input: ImportPlanInput!) {
  importPlan(input: $input) { dryRun alreadyImported planId taskCount indicatorCount unplacedLines preview allocationChecks departments { name group existing { id name } suggestions { id name } } }
}`;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const count = async (table: string) => (await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('importPlan', () => {
  it('previews 000 without writing anything: tasks, departments, nothing unplaced', async () => {
    const before = [await count('plan'), await count('task'), await count('department')];
    const res = await app.gql(IMPORT, { input: { text: seed('000_626e67bb9f6d4b61.txt'), fileName: '000.txt', dryRun: true } }, cast.tokens.coordinator);
    expect(res.errors).toBeUndefined();
    const result = res.data!.importPlan;
    expect(result).toMatchObject({ dryRun: true, alreadyImported: false, planId: null, taskCount: 48, unplacedLines: [] });
    expect(result.preview.plan).toMatchObject({ title: '工业转型升级规划主要目标和重点任务分工落实方案', issuer: '广东省人民政府办公厅', issuedAt: '2012-05-09' });
    const first = result.preview.tasks[0];
    expect(first).toMatchObject({ code: '1.1.1', leadDepartments: ['省经济和信息化委'], startStage: 'IMPLEMENTATION' });
    // A fresh installation knows none of these departments yet: every name is offered as new.
    expect(result.departments.find((d: { name: string }) => d.name === '省经济和信息化委')).toMatchObject({ existing: null });
    expect([await count('plan'), await count('task'), await count('department')]).toEqual(before);
  });

  it('creates the plan, its departments and tasks in one go; importing the same document again changes nothing', async () => {
    const input = { text: seed('000_626e67bb9f6d4b61.txt'), fileName: '000.txt', dryRun: false };
    const first = (await app.gql(IMPORT, { input }, cast.tokens.coordinator)).data!.importPlan;
    expect(first).toMatchObject({ dryRun: false, alreadyImported: false, taskCount: 48 });
    const tasks = await app.dataSource.query(`SELECT stage, count(*)::int AS n FROM task WHERE plan_id = $1 GROUP BY stage`, [first.planId]);
    expect(tasks).toEqual([{ stage: 'IMPLEMENTATION', n: 48 }]); // an approved division of labour starts in implementation
    const [task] = await app.dataSource.query(
      `SELECT t.title, d.name AS lead, (SELECT array_agg(c.name ORDER BY tc.position) FROM task_cooperating_department tc JOIN department c ON c.id = tc.department_id WHERE tc.task_id = t.id) AS cooperating
         FROM task t JOIN department d ON d.id = t.lead_department_id WHERE t.plan_id = $1 AND t.code = '1.1.3'`,
      [first.planId],
    );
    expect(task).toEqual({ title: '全员劳动生产率年均提高10%', lead: '省发展改革委', cooperating: ['省经济和信息化委'] });

    const counts = [await count('plan'), await count('task'), await count('department'), await count('task_transition')];
    const again = (await app.gql(IMPORT, { input }, cast.tokens.coordinator)).data!.importPlan;
    expect(again).toMatchObject({ alreadyImported: true, planId: first.planId });
    expect([await count('plan'), await count('task'), await count('department'), await count('task_transition')]).toEqual(counts);
    // Departments from the first import are known now.
    const preview = (await app.gql(IMPORT, { input: { ...input, dryRun: true } }, cast.tokens.coordinator)).data!.importPlan;
    expect(preview.departments.every((d: { existing: unknown }) => d.existing !== null)).toBe(true);
  });

  it('a plan that asks departments to propose (001) starts its tasks in PROPOSAL, with the document number', async () => {
    const res = (await app.gql(IMPORT, { input: { text: seed('001_5e21d8306f410a50.txt'), fileName: '001.txt', dryRun: false } }, cast.tokens.coordinator)).data!.importPlan;
    expect(res.preview.plan.docNumber).toBe('粤经信技改〔2011〕333号');
    const stages = await app.dataSource.query(`SELECT stage, count(*)::int AS n FROM task WHERE plan_id = $1 GROUP BY stage`, [res.planId]);
    expect(stages).toEqual([{ stage: 'PROPOSAL', n: res.taskCount }]); // every parsed task lands, none dropped
    // 3.3.5 names no unit: it goes to the issuing office, which must assign it.
    const [orphan] = await app.dataSource.query(`SELECT d.name FROM task t JOIN department d ON d.id = t.lead_department_id WHERE t.plan_id = $1 AND t.code = '3.3.5'`, [res.planId]);
    expect(orphan.name).toMatch(/经济和信息化/);
  });

  it('imports 004 with its indicators and district allocations, flagging years that do not add up', async () => {
    const res = (await app.gql(IMPORT, { input: { text: seed('004_6fff8c702d87ba1e.txt'), fileName: '004.txt', dryRun: false } }, cast.tokens.coordinator)).data!.importPlan;
    expect(res.indicatorCount).toBeGreaterThan(0);
    const indicators = await app.gql(`query($p: ID!) { indicators(planId: $p) { name targets { year value } allocations { year } allocationChecks { ok } } }`, { p: res.planId }, cast.tokens.manager);
    const list = indicators.data!.indicators as Array<{ targets: unknown[]; allocations: unknown[] }>;
    expect(list).toHaveLength(res.indicatorCount);
    expect(list.some((i) => i.allocations.length > 0)).toBe(true);
    expect(res.allocationChecks.length).toBeGreaterThan(0);
  });

  it('accepts a document of several hundred kilobytes in one request', async () => {
    const text = seed('000_626e67bb9f6d4b61.txt') + '\n'.repeat(10) + '附：说明。'.repeat(40_000); // ≈ 600 KB
    const res = await app.gql(IMPORT, { input: { text, fileName: 'big.txt', dryRun: true } }, cast.tokens.coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importPlan.taskCount).toBe(48);
  });

  it('reads a .docx upload', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    const paragraphs = ['某市推进工业技术改造工作方案', '一、重点任务', '（一）技术改造。', '1.实施技改项目100个。（市工业和信息化局、市财政局）', '2.推动企业上云。（市工业和信息化局）'];
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
    const fileBase64 = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    const res = await app.gql(IMPORT, { input: { fileName: '技改方案.docx', fileBase64, dryRun: true } }, cast.tokens.coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importPlan.preview.tasks.map((t: { code: string; leadDepartments: string[] }) => [t.code, t.leadDepartments[0]])).toEqual([
      ['1.1.1', '市工业和信息化局'],
      ['1.1.2', '市工业和信息化局'],
    ]);
  });

  it('refuses other roles, empty documents and unknown file types, writing nothing', async () => {
    const before = await count('plan');
    const staff = await app.gql(IMPORT, { input: { text: seed('000_626e67bb9f6d4b61.txt'), fileName: '000.txt', dryRun: false } }, cast.tokens.leadStaff);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = await app.gql(IMPORT, { input: { text: '   ', fileName: 'x.txt', dryRun: true } }, cast.tokens.coordinator);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const pdf = await app.gql(IMPORT, { input: { fileName: 'x.pdf', fileBase64: Buffer.from('%PDF-1.4').toString('base64'), dryRun: true } }, cast.tokens.coordinator);
    expect(pdf.errors?.[0]).toMatchObject({ message: 'Only .txt and .docx documents can be imported', extensions: { code: 'BAD_USER_INPUT' } });
    const noTasks = await app.gql(IMPORT, { input: { text: '这是一段没有任务的文字。', fileName: 'x.txt', dryRun: true } }, cast.tokens.coordinator);
    expect(noTasks.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('plan')).toBe(before);
  });
});
