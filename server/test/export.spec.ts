import { todayIn } from '@workplan/shared';
import { Workbook, type CellValue, type FillPattern, type Worksheet } from 'exceljs';
import { DomainError } from '../src/common/errors';
import { contentDisposition, exportFileName } from '../src/export/download';
import { parseFindingsParams, parseLedgerParams } from '../src/export/export-params';
import { ExportService } from '../src/export/export.service';
import { buildFindingsWorkbook, type FindingRow } from '../src/export/findings-workbook';
import { buildIndicatorWorkbook, checkIndicatorAllocations, type IndicatorRow } from '../src/export/indicator-workbook';
import { buildLedgerWorkbook, describeLedgerFilter, type LedgerRow } from '../src/export/ledger-workbook';
import { IndicatorAllocationEntity, IndicatorEntity } from '../src/indicator/indicator.entity';
import type { DepartmentEntity } from '../src/department/department.entity';
import type { PlanEntity } from '../src/plan/plan.entity';
import { FINDING_FIELDS, fileReport, logFinding, makeCast, makeDepartment, makePlan, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEDGER_HEADERS = ['序号', '编号', '任务名称', '牵头单位', '配合单位', '所处阶段', '状态', '截止日期', '是否逾期', '进度报告数', '未销号问题数', '最近更新'];
const FINDING_HEADERS = ['序号', '任务编号', '任务名称', '牵头单位', '问题描述', '严重程度', '整改期限', '状态', '是否逾期', '发现时间'];
const ALERT = 'FFFFC7CE';

type Line = Record<string, CellValue>;

/** The table under the title rows: the header on row 3, one record per data row keyed by header. */
function readTable(sheet: Worksheet): { title: string; subtitle: string; headers: string[]; rows: Line[] } {
  const header = sheet.getRow(3);
  const headers: string[] = [];
  for (let c = 1; header.getCell(c).value !== null; c++) headers.push(String(header.getCell(c).value));
  const rows: Line[] = [];
  for (let r = 4; r <= sheet.rowCount; r++) rows.push(Object.fromEntries(headers.map((h, i) => [h, sheet.getRow(r).getCell(i + 1).value])));
  return { title: String(sheet.getCell('A1').value), subtitle: String(sheet.getCell('A2').value), headers, rows };
}

const fillOf = (sheet: Worksheet, row: number, column: number) => (sheet.getRow(row).getCell(column).fill as FillPattern | undefined)?.fgColor?.argb;
const day = (value: CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

async function roundTrip(workbook: Workbook): Promise<Workbook> {
  const back = new Workbook();
  await back.xlsx.load(await workbook.xlsx.writeBuffer());
  return back;
}

const ledgerRow = (overrides: Partial<LedgerRow>): LedgerRow => ({
  code: '1.1',
  title: '推进工业企业技术改造',
  leadDepartment: '省经济和信息化委',
  cooperatingDepartments: [],
  stage: 'PROPOSAL',
  subState: null,
  dueDate: null,
  overdue: false,
  progressReportCount: 0,
  openFindingCount: 0,
  updatedAt: new Date('2026-03-01T02:30:00Z'),
  ...overrides,
});

describe('workbook builders', () => {
  it('the ledger: title, frozen bold header with autofilter, Chinese stages and chips, real dates', async () => {
    const rows = [
      ledgerRow({ code: '1.1', cooperatingDepartments: ['科技厅', '财政厅'], stage: 'REVIEW', dueDate: '2026-05-10', overdue: true }),
      ledgerRow({ code: '2.1', stage: 'IMPLEMENTATION', subState: 'RECTIFYING', progressReportCount: 2, openFindingCount: 1 }),
      ledgerRow({ code: '3.1', stage: 'COMMENDATION', subState: 'WARNED' }),
      ledgerRow({ code: '3.2', stage: 'COMMENDATION', subState: 'AWAITING_GRADE' }),
      ledgerRow({ code: '3.3', stage: 'IMPLEMENTATION', subState: 'IN_PROGRESS' }),
    ];
    const workbook = await roundTrip(buildLedgerWorkbook(rows, { planTitle: null, exportDate: '2026-06-01', filterSummary: describeLedgerFilter({ departmentNames: ['科技厅'], includeCooperating: true, overdue: true, search: '改造' }) }));
    const sheet = workbook.getWorksheet('工作台账')!;
    const table = readTable(sheet);
    expect(table.title).toBe('全部方案 工作台账');
    expect(table.subtitle).toBe('导出日期：2026-06-01    共 5 项    筛选：牵头或配合单位：科技厅；仅逾期；关键词“改造”');
    expect(table.headers).toEqual(LEDGER_HEADERS);
    expect(table.rows[0]).toMatchObject({ 序号: 1, 编号: '1.1', 牵头单位: '省经济和信息化委', 配合单位: '科技厅、财政厅', 所处阶段: '初审', 状态: null, 是否逾期: '是', 进度报告数: 0 });
    expect(table.rows.map((r) => [r['所处阶段'], r['状态'] ?? ''])).toEqual([['初审', ''], ['实施', '整改中'], ['表彰', '黄牌警告'], ['表彰', '待评定'], ['实施', '']]);
    expect(table.rows[1]).toMatchObject({ 进度报告数: 2, 未销号问题数: 1, 是否逾期: '否', 截止日期: null });
    // Dates are Excel dates, not text: the due day as it is, the update in China's wall-clock time.
    expect(day(table.rows[0]['截止日期'])).toBe('2026-05-10');
    expect(sheet.getCell('H4').numFmt).toBe('yyyy-mm-dd');
    expect((table.rows[0]['最近更新'] as Date).toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(sheet.getCell('L4').numFmt).toBe('yyyy-mm-dd hh:mm');
    // The header: bold, filled, frozen under the title, with an autofilter over the table.
    expect(sheet.getCell('C3').font?.bold).toBe(true);
    expect(fillOf(sheet, 3, 3)).toBe('FFD9E1F2');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe('A3:L8');
    expect(sheet.getColumn(3).width!).toBeGreaterThan(sheet.getColumn(1).width!);
  });

  it('an empty board still gives a table with its header', async () => {
    const workbook = await roundTrip(buildLedgerWorkbook([], { planTitle: '某方案', exportDate: '2026-06-01', filterSummary: null }));
    const table = readTable(workbook.getWorksheet('工作台账')!);
    expect(table).toMatchObject({ title: '某方案 工作台账', subtitle: '导出日期：2026-06-01    共 0 项', headers: LEDGER_HEADERS, rows: [] });
  });

  it('allocation checks: totals that add up pass, gaps and excess are flagged, rates are not summed', () => {
    const indicator = (unit: string, targets: Record<string, number>, allocations: Array<[string, number, number]>) => ({
      unit,
      targets,
      allocations: allocations.map(([department, year, value]) => ({ department, year, value })),
    });
    expect(checkIndicatorAllocations(indicator('万千瓦', { '2016': 0.3 }, [['甲区', 2016, 0.1], ['乙区', 2016, 0.2]]))).toEqual([
      { year: 2016, target: 0.3, sum: 0.3, outcome: 'MATCH', message: '一致：分解合计 0.3万千瓦，等于2016年目标 0.3万千瓦' },
    ]);
    const [short, over, untargeted] = checkIndicatorAllocations(
      indicator('亿元', { '2016': 100, '2017': 100 }, [['甲区', 2016, 60], ['乙区', 2016, 30], ['甲区', 2017, 70], ['乙区', 2017, 45], ['甲区', 2018, 1]]),
    );
    expect(short).toMatchObject({ year: 2016, outcome: 'MISMATCH', sum: 90, message: '不一致：分解合计 90亿元，2016年目标 100亿元，尚有 10亿元 未分解' });
    expect(over).toMatchObject({ year: 2017, outcome: 'MISMATCH', sum: 115, message: '不一致：分解合计 115亿元，2017年目标 100亿元，超出目标 15亿元' });
    expect(untargeted).toMatchObject({ year: 2018, outcome: 'NO_TARGET', message: '2018年未设目标值，无法核对' });
    expect(checkIndicatorAllocations(indicator('%', { '2016': 2.5 }, [['甲区', 2016, 2.5], ['乙区', 2016, 2.5]]))).toMatchObject([{ outcome: 'NOT_ADDITIVE', sum: null }]);
  });

  it('the indicator workbook: one column per target year, 合计 and 核对 lines, mismatches in red', async () => {
    const indicators: IndicatorRow[] = [
      { name: '工业增加值', unit: '亿元', baselineYear: 2014, baselineValue: 1000, targets: { '2016': 1200, '2015': 1100 }, summaryGoal: '年均增长8%', allocations: [
        { department: '乙区', year: 2015, value: 500 },
        { department: '甲区', year: 2015, value: 600 },
        { department: '甲区', year: 2016, value: 700 },
      ] },
      { name: '新增装机', unit: '万千瓦', baselineYear: null, baselineValue: null, targets: { '2017': 30 }, summaryGoal: null, allocations: [] },
    ];
    const workbook = await roundTrip(buildIndicatorWorkbook(indicators, { planTitle: '三年行动计划', exportDate: '2026-06-01' }));
    const main = readTable(workbook.getWorksheet('主要指标')!);
    expect(main.title).toBe('三年行动计划 主要指标');
    expect(main.headers).toEqual(['指标名称', '单位', '基期年份', '基期值', '2015年', '2016年', '2017年', '总目标']);
    expect(main.rows).toEqual([
      { 指标名称: '工业增加值', 单位: '亿元', 基期年份: 2014, 基期值: 1000, '2015年': 1100, '2016年': 1200, '2017年': null, 总目标: '年均增长8%' },
      { 指标名称: '新增装机', 单位: '万千瓦', 基期年份: null, 基期值: null, '2015年': null, '2016年': null, '2017年': 30, 总目标: null },
    ]);
    const sheet = workbook.getWorksheet('指标分解')!;
    const split = readTable(sheet);
    expect(split.headers).toEqual(['指标', '年份', '单位/地区', '分解值', '核对说明']);
    expect(split.rows.map((r) => [r['年份'], r['单位/地区'], r['分解值']])).toEqual([
      [2015, '甲区', 600], // districts in pinyin order
      [2015, '乙区', 500],
      [2015, '合计', 1100],
      [2015, '核对', '一致'],
      [2016, '甲区', 700],
      [2016, '合计', 700],
      [2016, '核对', '不一致'],
    ]);
    expect(split.rows[0]['指标']).toBe('工业增加值（亿元）');
    expect(split.rows[6]['核对说明']).toBe('不一致：分解合计 700亿元，2016年目标 1200亿元，尚有 500亿元 未分解');
    expect(fillOf(sheet, 4 + 6, 4)).toBe(ALERT);
    expect(fillOf(sheet, 4 + 3, 4)).toBeUndefined();
    expect(split.subtitle).toContain('1 处分解合计与目标不一致');
  });

  it('the findings workbook says severity, status and lateness in Chinese', async () => {
    const finding = (overrides: Partial<FindingRow>): FindingRow => ({
      taskCode: '1.1', taskTitle: '技术改造', leadDepartment: '科技厅', description: '台账资料不完整', severity: 'MINOR', rectificationDeadline: null, status: 'OPEN', overdue: false, createdAt: new Date('2026-03-01T00:00:00Z'), ...overrides,
    });
    const rows = [
      finding({ severity: 'MAJOR', status: 'OPEN', rectificationDeadline: '2026-04-30', overdue: true }),
      finding({ status: 'RECTIFYING' }),
      finding({ status: 'RECTIFIED' }),
      finding({ status: 'VERIFIED' }),
    ];
    const table = readTable((await roundTrip(buildFindingsWorkbook(rows, { planTitle: null, exportDate: '2026-06-01', openOnly: false }))).getWorksheet('问题清单')!);
    expect(table.title).toBe('全部方案 问题清单');
    expect(table.subtitle).toBe('导出日期：2026-06-01    共 4 个问题，未销号 3 个');
    expect(table.headers).toEqual(FINDING_HEADERS);
    expect(table.rows.map((r) => [r['严重程度'], r['状态'], r['是否逾期'], day(r['整改期限'])])).toEqual([
      ['严重', '待整改', '是', '2026-04-30'],
      ['一般', '整改中', '否', null],
      ['一般', '已整改', '否', null],
      ['一般', '已销号', '否', null],
    ]);
    expect((table.rows[0]['发现时间'] as Date).toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('file names carry the plan and the date, encoded for Content-Disposition', () => {
    const name = exportFileName('工作台账', '关于推进"工业/技术改造"的方案', '2026-06-01');
    expect(name).toBe('工作台账_关于推进 工业 技术改造 的方案_2026-06-01.xlsx');
    expect(exportFileName('问题清单', null, '2026-06-01')).toBe('问题清单_全部方案_2026-06-01.xlsx');
    const header = contentDisposition("台账(1)'s.xlsx");
    expect(header).toBe("attachment; filename*=UTF-8''%E5%8F%B0%E8%B4%A6%281%29%27s.xlsx");
    expect(decodeURIComponent(header.split("''")[1])).toBe("台账(1)'s.xlsx");
  });

  it('reads the board URL filter as the client writes it', () => {
    expect(parseLedgerParams({ plan: 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA', dept: ' jxw, kjt,,jxw ', coop: '1', overdue: 'true', q: '  增加值 ' })).toEqual({
      planId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      departmentCodes: ['jxw', 'kjt'],
      includeCooperating: true,
      overdue: true,
      search: '增加值',
    });
    expect(parseLedgerParams({ coop: '0', q: '   ' })).toEqual({ planId: null, departmentCodes: [], includeCooperating: false, overdue: false, search: null });
    expect(parseFindingsParams({ open: '1' })).toEqual({ planId: null, openOnly: true });
    for (const bad of [{ plan: 'not-a-plan' }, { plan: ['a', 'b'] }, { q: 'x'.repeat(201) }, { dept: Array.from({ length: 201 }, (_, i) => `d${i}`).join(',') }]) {
      expect(() => parseLedgerParams(bad)).toThrow(DomainError);
    }
  });
});

describe('downloads', () => {
  let app: TestApp;
  let cast: Cast;
  let helper: DepartmentEntity;
  let planA: PlanEntity;
  let planB: PlanEntity;
  const ids: Record<string, string> = {};

  const BOARD = `query($filter: BoardFilter) { board(filter: $filter) { columns { stage tasks(first: 100) { nodes { id code } pageInfo { hasNextPage } } } } }`;
  /** What the board shows for a filter, column by column, as the client would page it. */
  async function board(filter: Record<string, unknown>): Promise<Array<{ id: string; code: string }>> {
    const res = await app.gql(BOARD, { filter }, cast.tokens.manager);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const columns = res.data.board.columns as Array<{ tasks: { nodes: Array<{ id: string; code: string }>; pageInfo: { hasNextPage: boolean } } }>;
    expect(columns.every((c) => !c.tasks.pageInfo.hasNextPage)).toBe(true);
    return columns.flatMap((c) => c.tasks.nodes);
  }

  /** One filter as the client's URL has it (codes) and as the GraphQL board takes it (ids). */
  interface Filter {
    plan?: 'A' | 'B';
    dept?: Array<'lead' | 'other' | 'helper' | 'unknown'>;
    coop?: boolean;
    overdue?: boolean;
    q?: string;
  }
  const department = (key: 'lead' | 'other' | 'helper' | 'unknown') => (key === 'unknown' ? null : key === 'helper' ? helper : cast[key]);
  const planOf = (key: 'A' | 'B' | undefined) => (key === 'A' ? planA.id : key === 'B' ? planB.id : undefined);
  function urlSearch(f: Filter): string {
    const params = new URLSearchParams();
    if (f.plan) params.set('plan', planOf(f.plan)!);
    if (f.dept?.length) params.set('dept', f.dept.map((k) => department(k)?.code ?? 'no-such-code').join(','));
    if (f.coop) params.set('coop', '1');
    if (f.overdue) params.set('overdue', '1');
    if (f.q) params.set('q', f.q);
    return params.toString();
  }
  const boardFilter = (f: Filter) => ({
    planId: planOf(f.plan) ?? null,
    departmentIds: (f.dept ?? []).map((k) => department(k)?.id).filter(Boolean),
    includeCooperating: f.coop ?? false,
    overdue: f.overdue ?? false,
    search: f.q ?? null,
  });

  async function get(path: string, token?: string) {
    return fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  }
  async function workbookAt(path: string, token = cast.tokens.manager): Promise<Workbook> {
    const res = await get(path, token);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    return workbook;
  }
  const ledgerAt = async (f: Filter) => readTable((await workbookAt(`/export/ledger.xlsx?${urlSearch(f)}`)).getWorksheet('工作台账')!);

  async function move(token: string, taskId: string, event: string, comment?: string): Promise<number> {
    const [{ version }] = await app.dataSource.query('SELECT version FROM task WHERE id = $1', [taskId]);
    const res = await transition(app, token, { taskId, event, expectedVersion: version, comment });
    if (!res.data?.transitionTask) throw new Error(`${event} failed: ${JSON.stringify(res.errors)}`);
    return res.data.transitionTask.task.version;
  }
  async function moveFinding(token: string, findingId: string, event: string, comment?: string) {
    const [{ version }] = await app.dataSource.query('SELECT version FROM finding WHERE id = $1', [findingId]);
    const res = await app.gql(`mutation($input: TransitionFindingInput!) { transitionFinding(input: $input) { ${FINDING_FIELDS} } }`, { input: { findingId, event, expectedVersion: version, comment } }, token);
    if (!res.data?.transitionFinding) throw new Error(`${event} failed: ${JSON.stringify(res.errors)}`);
  }
  const assign = async (code: string, title: string, lead: DepartmentEntity, extra: Record<string, unknown> = {}) =>
    (ids[code] = (await proposeTask(app, cast.tokens.coordinator, { planId: planA.id, code, title, leadDepartmentId: lead.id, ...extra })).id);

  beforeAll(async () => {
    app = await startTestApp();
    if ((await get('/export/ledger.xlsx')).status === 404) throw new Error('ExportModule is not registered: add it to the imports of AppModule (server/src/app.module.ts)');
    cast = await makeCast(app);
    helper = await makeDepartment(app.dataSource, { name: '财政厅' });
    planA = await makePlan(app.dataSource, { title: '推进工业转型升级工作方案' });
    planB = await makePlan(app.dataSource, { title: '另一个方案' });
    const { lead, other } = cast;
    const t = cast.tokens;
    const propose = async (token: string, code: string, title: string, extra: Record<string, unknown> = {}) =>
      (ids[code] = (await proposeTask(app, token, { planId: planA.id, code, title, ...extra })).id);

    await propose(t.leadStaff, '1.1', '全部工业增加值年均增长8%', { cooperatingDepartmentIds: [other.id, helper.id], dueDate: '2020-01-01' });
    await move(t.leadStaff, ids['1.1'], 'SUBMIT'); // 初审, overdue
    await propose(t.leadStaff, '1.2', '工业增加值率提高2个百分点', { dueDate: '2999-12-31' });
    await propose(t.leadStaff, '1.10', '培育一批龙头企业');
    await propose(t.leadStaff, '1.3', '建设工业互联网平台');
    await move(t.leadStaff, ids['1.3'], 'SUBMIT');
    await move(t.coordinator, ids['1.3'], 'ACCEPT'); // 审定
    await propose(t.otherStaff, '2.1', '研发经费支出占比达到1%', { cooperatingDepartmentIds: [lead.id] });
    await propose(t.otherStaff, '2.2', '已撤回的任务');
    await move(t.otherStaff, ids['2.2'], 'WITHDRAW'); // off the board

    await assign('3.1', '技术改造投资增长10%', lead, { dueDate: '2020-06-30' }); // 实施, overdue
    await assign('3.2', '整改中的任务', lead);
    await fileReport(app, t.leadStaff, ids['3.2']);
    await move(t.leadStaff, ids['3.2'], 'REQUEST_INSPECTION');
    await logFinding(app, t.inspector, ids['3.2'], 'MAJOR');
    await move(t.inspector, ids['3.2'], 'REQUIRE_RECTIFICATION', '限期整改'); // 实施 / 整改中
    await assign('3.3', '获评优秀的任务', other, { cooperatingDepartmentIds: [helper.id], dueDate: '2020-01-01' });
    await fileReport(app, t.otherStaff, ids['3.3']);
    await move(t.otherStaff, ids['3.3'], 'REQUEST_INSPECTION');
    await move(t.inspector, ids['3.3'], 'PASS');
    await move(t.coordinator, ids['3.3'], 'COMMEND'); // 表彰 / 优秀, past its due day but not late any more
    await assign('3.4', '待检查的任务', other);
    await fileReport(app, t.otherStaff, ids['3.4']);
    await move(t.otherStaff, ids['3.4'], 'REQUEST_INSPECTION'); // 检查

    ids['9.1'] = (await proposeTask(app, t.leadStaff, { planId: planB.id, code: '9.1', title: '另一方案的工业增加值任务' })).id;

    // Findings: one closed (销号) on 3.1, one major open on 3.2 (above), one late on 3.4.
    const closed = await logFinding(app, t.inspector, ids['3.1'], 'MINOR');
    await moveFinding(t.leadStaff, closed.id, 'START_RECTIFICATION');
    await moveFinding(t.leadStaff, closed.id, 'SUBMIT_RECTIFICATION', '已补齐台账资料');
    await moveFinding(t.inspector, closed.id, 'VERIFY');
    const late = await app.gql(`mutation($input: LogFindingInput!) { logFinding(input: $input) { id } }`, { input: { taskId: ids['3.4'], severity: 'MINOR', description: '现场检查发现项目未开工', rectificationDeadline: '2020-01-01' } }, t.inspector);
    if (!late.data?.logFinding) throw new Error(JSON.stringify(late.errors));
  });
  afterAll(() => app?.close());

  const FILTERS: Filter[] = [
    { plan: 'A' },
    { plan: 'A', dept: ['lead'] },
    { plan: 'A', dept: ['lead'], coop: true },
    { plan: 'A', dept: ['helper'] },
    { plan: 'A', dept: ['helper', 'other'], coop: true },
    { plan: 'A', overdue: true },
    { plan: 'A', q: '增加值' },
    { q: '增加值' },
    { q: '%' },
    { dept: ['unknown', 'lead'] },
    { plan: 'A', dept: ['other'], coop: true, overdue: true, q: '8%' },
    {},
  ];

  it('the ledger query picks the same tasks, in the same order, as the board for every filter', async () => {
    const service = app.app.get(ExportService);
    for (const filter of FILTERS) {
      const { query } = await service.boardQuery(parseLedgerParams(Object.fromEntries(new URLSearchParams(urlSearch(filter)))), null);
      const ledger = (await service.ledgerTasks(query)).map((t) => t.id);
      expect({ filter, ids: ledger }).toEqual({ filter, ids: (await board(boardFilter(filter))).map((t) => t.id) });
    }
    // A swimlane too, which the URL does not carry but the board's query supports.
    const { query } = await service.boardQuery(parseLedgerParams({ plan: planA.id }), null);
    expect((await service.ledgerTasks({ ...query, laneDepartmentId: cast.other.id })).map((t) => t.id)).toEqual(
      (await board({ planId: planA.id, laneDepartmentId: cast.other.id })).map((t) => t.id),
    );
  });

  it('ledger.xlsx of a filtered board lists exactly the tasks the board shows, with departments and Chinese stages', async () => {
    const expected: Array<[Filter, string[]]> = [
      [{ plan: 'A' }, ['1.2', '1.10', '2.1', '1.1', '1.3', '3.1', '3.2', '3.4', '3.3']],
      [{ plan: 'A', dept: ['lead'] }, ['1.2', '1.10', '1.1', '1.3', '3.1', '3.2']],
      [{ plan: 'A', dept: ['lead'], coop: true }, ['1.2', '1.10', '2.1', '1.1', '1.3', '3.1', '3.2']],
      [{ plan: 'A', dept: ['helper'] }, []],
      [{ plan: 'A', dept: ['helper'], coop: true }, ['1.1', '3.3']],
      [{ plan: 'A', overdue: true }, ['1.1', '3.1']],
      [{ plan: 'A', q: '增加值' }, ['1.2', '1.1']],
      [{ q: '增加值' }, ['1.2', '9.1', '1.1']],
      [{ q: '%' }, ['2.1', '1.1', '3.1']],
      [{ dept: ['unknown', 'lead'] }, ['1.2', '1.10', '9.1', '1.1', '1.3', '3.1', '3.2']], // the unknown code is dropped; 9.1 is plan B's
    ];
    for (const [filter, codes] of expected) {
      const table = await ledgerAt(filter);
      const shown = await board(boardFilter(filter));
      expect({ filter, codes: table.rows.map((r) => r['编号']) }).toEqual({ filter, codes: shown.map((t) => t.code) });
      expect({ filter, codes: table.rows.map((r) => r['编号']) }).toEqual({ filter, codes });
      expect(table.rows.map((r) => r['序号'])).toEqual(codes.map((_, i) => i + 1));
    }

    const { title, subtitle, headers, rows } = await ledgerAt({ plan: 'A' });
    expect(title).toBe('推进工业转型升级工作方案 工作台账');
    expect(subtitle).toBe(`导出日期：${todayIn()}    共 9 项`);
    expect(headers).toEqual(LEDGER_HEADERS);
    expect(rows.map((r) => r['所处阶段'])).toEqual(['提出', '提出', '提出', '初审', '审定', '实施', '实施', '检查', '表彰']);
    const byCode = Object.fromEntries(rows.map((r) => [r['编号'] as string, r]));
    expect(byCode['1.1']).toMatchObject({ 任务名称: '全部工业增加值年均增长8%', 牵头单位: cast.lead.name, 配合单位: `${cast.other.name}、财政厅`, 所处阶段: '初审', 是否逾期: '是' });
    expect(day(byCode['1.1']['截止日期'])).toBe('2020-01-01');
    expect(byCode['2.1']).toMatchObject({ 牵头单位: cast.other.name, 配合单位: cast.lead.name, 是否逾期: '否', 截止日期: null });
    expect(byCode['3.1']).toMatchObject({ 所处阶段: '实施', 状态: null, 是否逾期: '是', 未销号问题数: 0 });
    expect(byCode['3.2']).toMatchObject({ 所处阶段: '实施', 状态: '整改中', 进度报告数: 1, 未销号问题数: 1 });
    expect(byCode['3.3']).toMatchObject({ 所处阶段: '表彰', 状态: '优秀', 是否逾期: '否', 牵头单位: cast.other.name, 配合单位: '财政厅' });
    expect(byCode['3.4']).toMatchObject({ 所处阶段: '检查', 未销号问题数: 1 });
    expect(byCode['1.2']['最近更新']).toBeInstanceOf(Date);

    const filtered = await ledgerAt({ plan: 'A', dept: ['helper', 'unknown'], coop: true, overdue: true });
    expect(filtered.subtitle).toBe(`导出日期：${todayIn()}    共 1 项    筛选：牵头或配合单位：财政厅；仅逾期`);
    expect(filtered.rows.map((r) => r['编号'])).toEqual(['1.1']);
  });

  it('answers with an .xlsx attachment named in Chinese with the date', async () => {
    const res = await get(`/export/ledger.xlsx?plan=${planA.id}`, cast.tokens.manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition.startsWith("attachment; filename*=UTF-8''")).toBe(true);
    expect(decodeURIComponent(disposition.split("''")[1])).toBe(`工作台账_推进工业转型升级工作方案_${todayIn()}.xlsx`);
    const indicators = await get('/export/indicators.xlsx', cast.tokens.manager);
    expect(decodeURIComponent(indicators.headers.get('content-disposition')!.split("''")[1])).toBe(`主要指标_全部方案_${todayIn()}.xlsx`);
    const findings = await get(`/export/findings.xlsx?plan=${planB.id}`, cast.tokens.manager);
    expect(findings.headers.get('content-type')).toBe(XLSX);
    expect(decodeURIComponent(findings.headers.get('content-disposition')!.split("''")[1])).toBe(`问题清单_另一个方案_${todayIn()}.xlsx`);
  });

  it('indicators.xlsx flags an allocation that does not add up to the year’s target, and not one that does', async () => {
    const em = app.dataSource.manager;
    const [gdp, power, rate] = await em.save(
      [
        { name: '规模以上工业增加值', unit: '亿元', baselineYear: 2014, baselineValue: '1000', targets: { '2015': 1100, '2016': 1200, '2017': 1300 }, summaryGoal: '年均增长8%以上', position: 0 },
        { name: '新增光伏装机', unit: '万千瓦', baselineYear: 2014, baselineValue: '0.5', targets: { '2016': 0.3 }, summaryGoal: null, position: 1 },
        { name: '研发经费支出占比', unit: '%', baselineYear: 2014, baselineValue: '1.8', targets: { '2016': 2.5 }, summaryGoal: '达到2.5%', position: 2 },
      ].map((i) => em.create(IndicatorEntity, { ...i, planId: planA.id })),
    );
    await em.save(em.create(IndicatorEntity, { planId: planB.id, name: '另一方案的指标', unit: '家', targets: { '2016': 5 } }));
    const { lead, other } = cast;
    const allocate = (indicator: IndicatorEntity, year: number, shares: Array<[DepartmentEntity, string]>) =>
      em.insert(IndicatorAllocationEntity, shares.map(([d, value]) => ({ indicatorId: indicator.id, departmentId: d.id, year, value })));
    await allocate(gdp, 2016, [[lead, '500'], [other, '400'], [helper, '300']]); // = 1200
    await allocate(gdp, 2017, [[lead, '600'], [other, '500']]); // 1100 ≠ 1300
    await allocate(power, 2016, [[lead, '0.1'], [other, '0.2']]); // = 0.3, despite floating point
    await allocate(rate, 2016, [[lead, '2.5'], [other, '2.5']]); // rates are not summed

    const workbook = await workbookAt(`/export/indicators.xlsx?plan=${planA.id}`);
    const main = readTable(workbook.getWorksheet('主要指标')!);
    expect(main.title).toBe('推进工业转型升级工作方案 主要指标');
    expect(main.headers).toEqual(['指标名称', '单位', '基期年份', '基期值', '2015年', '2016年', '2017年', '总目标']);
    expect(main.rows.map((r) => r['指标名称'])).toEqual(['规模以上工业增加值', '新增光伏装机', '研发经费支出占比']);
    expect(main.rows[0]).toEqual({ 指标名称: '规模以上工业增加值', 单位: '亿元', 基期年份: 2014, 基期值: 1000, '2015年': 1100, '2016年': 1200, '2017年': 1300, 总目标: '年均增长8%以上' });

    const sheet = workbook.getWorksheet('指标分解')!;
    const split = readTable(sheet);
    const checks = split.rows.map((r, i): Line & { row: number } => ({ ...r, row: i + 4 })).filter((r) => r['单位/地区'] === '核对');
    expect(checks.map((r) => [r['指标'], r['年份'], r['分解值']])).toEqual([
      ['规模以上工业增加值（亿元）', 2016, '一致'],
      ['规模以上工业增加值（亿元）', 2017, '不一致'],
      ['新增光伏装机（万千瓦）', 2016, '一致'],
      ['研发经费支出占比（%）', 2016, '不核对'],
    ]);
    const [fine, short, decimals, rateCheck] = checks;
    expect(short['核对说明']).toBe('不一致：分解合计 1100亿元，2017年目标 1300亿元，尚有 200亿元 未分解');
    expect(fillOf(sheet, short.row, 4)).toBe(ALERT);
    expect(fillOf(sheet, short.row, 5)).toBe(ALERT);
    for (const ok of [fine, decimals, rateCheck]) expect(fillOf(sheet, ok.row, 4)).toBeUndefined();
    expect(fine['核对说明']).toBe('一致：分解合计 1200亿元，等于2016年目标 1200亿元');
    const totals = split.rows.filter((r) => r['单位/地区'] === '合计').map((r) => [r['年份'], r['分解值']]);
    expect(totals).toEqual([[2016, 1200], [2017, 1100], [2016, 0.3], [2016, null]]);
    expect(split.rows.filter((r) => r['年份'] === 2016 && r['指标'] === '规模以上工业增加值（亿元）' && typeof r['分解值'] === 'number').map((r) => r['单位/地区'])).toEqual(
      expect.arrayContaining([cast.lead.name, cast.other.name, '财政厅', '合计']),
    );
    expect(split.subtitle).toContain('1 处分解合计与目标不一致');

    // Without a plan: every plan's indicators.
    const all = readTable((await workbookAt('/export/indicators.xlsx')).getWorksheet('主要指标')!);
    expect(all.rows.map((r) => r['指标名称'])).toContain('另一方案的指标');
  });

  it('findings.xlsx lists the findings with severity and status in Chinese, and only the open ones on request', async () => {
    const table = readTable((await workbookAt(`/export/findings.xlsx?plan=${planA.id}`)).getWorksheet('问题清单')!);
    expect(table.title).toBe('推进工业转型升级工作方案 问题清单');
    expect(table.headers).toEqual(FINDING_HEADERS);
    expect(table.rows.map((r) => [r['任务编号'], r['严重程度'], r['状态'], r['是否逾期'], day(r['整改期限'])])).toEqual([
      ['3.1', '一般', '已销号', '否', '2030-06-30'],
      ['3.2', '严重', '待整改', '否', '2030-06-30'],
      ['3.4', '一般', '待整改', '是', '2020-01-01'],
    ]);
    expect(table.rows[1]).toMatchObject({ 任务名称: '整改中的任务', 牵头单位: cast.lead.name, 问题描述: '台账资料不完整，部分项目进度滞后' });
    expect(table.rows[2]).toMatchObject({ 牵头单位: cast.other.name, 问题描述: '现场检查发现项目未开工' });
    expect(table.rows[0]['发现时间']).toBeInstanceOf(Date);

    const open = readTable((await workbookAt(`/export/findings.xlsx?plan=${planA.id}&open=1`)).getWorksheet('问题清单')!);
    expect(open.rows.map((r) => r['任务编号'])).toEqual(['3.2', '3.4']);
    expect(open.subtitle).toContain('仅列未销号问题');
    expect(readTable((await workbookAt(`/export/findings.xlsx?plan=${planB.id}`)).getWorksheet('问题清单')!).rows).toEqual([]);
  });

  it('any signed-in role may export; without a valid token it is 401, a malformed plan 400, an unknown plan 404, all as JSON', async () => {
    for (const token of [cast.tokens.leadStaff, cast.tokens.inspector, cast.tokens.coordinator, cast.tokens.approver]) {
      expect((await get(`/export/ledger.xlsx?plan=${planA.id}`, token)).status).toBe(200);
    }
    for (const path of ['/export/ledger.xlsx', '/export/indicators.xlsx', '/export/findings.xlsx']) {
      for (const token of [undefined, `${cast.tokens.manager}x`]) {
        const res = await get(path, token);
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
        expect(await res.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Sign in first' });
      }
      const malformed = await get(`${path}?plan=not-a-uuid`, cast.tokens.manager);
      expect({ path, status: malformed.status }).toEqual({ path, status: 400 });
      expect(await malformed.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: 'plan is not a valid id' });
      const unknown = await get(`${path}?plan=00000000-0000-4000-8000-000000000000`, cast.tokens.manager);
      expect({ path, status: unknown.status }).toEqual({ path, status: 404 });
      expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const tooLong = await get(`/export/ledger.xlsx?q=${'x'.repeat(201)}`, cast.tokens.manager);
    expect(tooLong.status).toBe(400);
  });
});
