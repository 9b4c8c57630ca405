import { addDays, todayIn } from '@workplan/shared';
import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { DepartmentEntity } from '../src/department/department.entity';
import type { PlanEntity } from '../src/plan/plan.entity';
import { databaseFingerprint } from './db-state';
import { fileReport, makeCast, makeDepartment, makePlan, makeUser, signIn, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

const HEADERS = ['序号', '编号', '交办事项', '交办时间', '责任单位', '责任人', '办理要求及时限', '办理情况', '延期情况', '办结总时间', '目前状态', '是否超期'];
const CN = ['一', '二', '三', '四'];
const ASSIGNMENTS = `query($id: ID!) { assignments(taskId: $id) { id department { id } reports { id } } }`;
const SIGN = `mutation($id: ID!) { signForAssignment(assignmentId: $id) { id } }`;
const REPORT = `mutation($input: FileAssignmentReportInput!) { fileAssignmentReport(input: $input) { reports { id } } }`;
const REVIEW = `mutation($id: ID!, $verdict: ReviewVerdict!, $reason: String) { reviewAssignmentReport(reportId: $id, verdict: $verdict, reason: $reason) { id } }`;
const FILE = `mutation($input: FileSideRequestInput!) { fileSideRequest(input: $input) { id } }`;
const LEADER = `mutation($id: ID!) { decideSideRequestAsLeader(id: $id, approve: true) { id } }`;
const DECIDE = `mutation($id: ID!, $grant: SideRequestGrant!, $date: String) { decideSideRequest(id: $id, grant: $grant, grantedDueDate: $date) { id } }`;
const BULLETIN = `query($p: ID!, $period: String!) {
  supervisionBulletin(planId: $p, period: $period) {
    planTitle period year issue issuedOn total finished inProgress overdue ended finishedPercent inProgressPercent overduePercent
    laggingUnits { departmentName items { taskCode reasons } }
    items { code group stage assignedOn dueDate overdue daysToFinish extensions { fromDueDate requestedDueDate grantedDueDate partly }
            units { departmentName lead responsiblePerson dueDate percentDone workDone returned returnCount } }
  }
}`;

/** The quarter today falls in: the work below happens in it. */
const thisQuarter = (today: string) => `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
const plain = (value: CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** Every cell of a row, as plain values (dates as YYYY-MM-DD); a cell merged into the one above reads ↑. */
function rowValues(sheet: Worksheet, row: number): CellValue[] {
  return HEADERS.map((_, c) => {
    const cell = sheet.getRow(row).getCell(c + 1);
    if (cell.master.address !== cell.address) return cell.master.col === cell.col ? '↑' : `merged into ${cell.master.address}`;
    return plain(cell.value) ?? null;
  });
}

describe('the supervision ledger (督办台账) and bulletin (督办通报)', () => {
  let app: TestApp;
  let cast: Cast;
  let plan: PlanEntity;
  let third: DepartmentEntity;
  let leaderName: string;
  const today = todayIn();
  const d = (days: number) => addDays(today, days);
  const period = thisQuarter(today);
  const ids: Record<'finished' | 'extended' | 'overdue' | 'cancelled', string> = { finished: '', extended: '', overdue: '', cancelled: '' };

  const must = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.gql(query, variables, token);
    if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const assign = async (code: string, title: string, description: string, cooperating: string[], dueDate: string) =>
    (
      await must(
        `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
        { input: { code, title, description, origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, cooperatingDepartmentIds: cooperating, planId: plan.id, dueDate } },
        cast.tokens.coordinator,
      )
    ).createTask.id as string;
  const assignmentOf = async (taskId: string, departmentId: string) =>
    ((await must(ASSIGNMENTS, { id: taskId }, cast.tokens.coordinator)).assignments as Array<{ id: string; department: { id: string }; reports: Array<{ id: string }> }>).find(
      (a) => a.department.id === departmentId,
    )!;
  const report = async (taskId: string, departmentId: string, token: string, percentDone: number, workDone: string) => {
    const assignment = await assignmentOf(taskId, departmentId);
    await must(SIGN, { id: assignment.id }, token);
    const filed = await must(REPORT, { input: { assignmentId: assignment.id, percentDone, workDone } }, token);
    return filed.fileAssignmentReport.reports[0].id as string;
  };
  const twoLevels = async (taskId: string, input: Record<string, unknown>, leader: string, grant: 'GRANT' | 'PARTLY', date?: string) => {
    const filed = await must(FILE, { input: { taskId, ...input } }, cast.tokens.leadStaff);
    await must(LEADER, { id: filed.fileSideRequest.id }, leader);
    await must(DECIDE, { id: filed.fileSideRequest.id, grant, date }, cast.tokens.coordinator);
  };
  const get = (path: string, token?: string) => fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    app = await startTestApp();
    cast = await makeCast(app);
    plan = await makePlan(app.dataSource, { title: '重点工作督办方案' });
    third = await makeDepartment(app.dataSource);
    leaderName = `张${Math.random().toString(36).slice(2, 6)}`;
    const leader = await signIn(app, await makeUser(app.dataSource, 'STAFF', cast.lead.id, { departmentLeader: true, name: leaderName }));

    // 1: finished — both units, the lead reported and was passed, implementation ended today, 10 days after assignment.
    ids.finished = await assign('1', '建设工业互联网平台', '年内建成省级平台', [cast.other.id], d(30));
    const passed = await report(ids.finished, cast.lead.id, cast.tokens.leadStaff, 100, '平台已上线运行');
    await must(REVIEW, { id: passed, verdict: 'PASS' }, cast.tokens.coordinator);
    await must(SIGN, { id: (await assignmentOf(ids.finished, cast.other.id)).id }, cast.tokens.otherStaff);
    await fileReport(app, cast.tokens.leadStaff, ids.finished);
    const [{ version }] = await app.dataSource.query(`SELECT version FROM task WHERE id = $1`, [ids.finished]);
    const done = await transition(app, cast.tokens.leadStaff, { taskId: ids.finished, event: 'REQUEST_INSPECTION', expectedVersion: version });
    expect(done.data!.transitionTask.task.stage).toBe('INSPECTION');
    await app.dataSource.query(`UPDATE task_assignment SET assigned_at = assigned_at - interval '10 days' WHERE task_id = $1`, [ids.finished]);

    // 2: in progress with three units — the lead's report returned, the other's awaiting review, the third silent; an extension granted in part.
    ids.extended = await assign('2', '推进重点园区扩区', '完成扩区规划报批', [cast.other.id, third.id], d(10));
    const returned = await report(ids.extended, cast.lead.id, cast.tokens.leadStaff, 40, '完成选址');
    await must(REVIEW, { id: returned, verdict: 'RETURN', reason: '请补充投资数据' }, cast.tokens.coordinator);
    await report(ids.extended, cast.other.id, cast.tokens.otherStaff, 20, '完成方案编制');
    await twoLevels(ids.extended, { kind: 'EXTENSION', reason: '规划调整', requestedDueDate: d(40) }, leader, 'PARTLY', d(25));

    // 3: overdue — the lead alone, its deadline three days ago, nothing reported.
    ids.overdue = await assign('3', '清理拖欠企业账款', '全面清偿到期账款', [], d(5));
    await app.dataSource.query(`UPDATE task SET due_date = $2 WHERE id = $1`, [ids.overdue, d(-3)]);
    await app.dataSource.query(`UPDATE task_assignment SET due_date = $2 WHERE task_id = $1`, [ids.overdue, d(-3)]);

    // 4: cancelled by a granted request.
    ids.cancelled = await assign('4', '筹办产业博览会', '', [], d(20));
    await twoLevels(ids.cancelled, { kind: 'CANCELLATION', reason: '上级决定停办' }, leader, 'GRANT');

    // Not in this ledger: another plan's task.
    const elsewhere = await makePlan(app.dataSource);
    await must(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { title: '别的方案的任务', origin: 'ASSIGNED', leadDepartmentId: cast.lead.id, planId: elsewhere.id, dueDate: d(5) } },
      cast.tokens.coordinator,
    );
  });
  afterAll(() => app.close());

  it('the workbook, cell by cell: title, group headings with counts, one line per unit, the task’s cells merged across its units', async () => {
    const res = await get(`/export/supervision-ledger.xlsx?plan=${plan.id}&period=${period}`, cast.tokens.coordinator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(`督办台账_${period}_重点工作督办方案_${today}.xlsx`));
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('督办台账')!;
    const quarter = CN[Number(period.slice(-1)) - 1];

    expect(sheet.getCell('A1').value).toBe(`${period.slice(0, 4)}年第${quarter}季度重点工作督办台账`);
    expect(sheet.getCell('A2').value).toBe(`方案：重点工作督办方案    导出日期：${today}    共 4 项、7 个责任单位次`);
    expect(rowValues(sheet, 3)).toEqual(HEADERS);
    const lead = `${cast.lead.name}（牵头）`;
    const other = `${cast.other.name}（配合）`;
    const otherStaff = cast.users.otherStaff.name;

    expect(sheet.getCell('A4').value).toBe('一、已办结（1项）');
    expect(rowValues(sheet, 5)).toEqual([1, '1', '建设工业互联网平台', d(-10), lead, leaderName, `年内建成省级平台\n办理时限：${d(30)}前`, '完成100%：平台已上线运行\n审核通过', '无', 10, '已办结，待检查', '否']);
    expect(rowValues(sheet, 6)).toEqual(['↑', '↑', '↑', '↑', other, otherStaff, `年内建成省级平台\n办理时限：${d(30)}前`, '未报送', '↑', '↑', '↑', '↑']);

    expect(sheet.getCell('A7').value).toBe('二、正在办理（1项）');
    const extendedRequirement = `完成扩区规划报批\n办理时限：${d(25)}前`;
    expect(rowValues(sheet, 8)).toEqual([
      2, '2', '推进重点园区扩区', today, lead, leaderName, extendedRequirement, '完成40%：完成选址\n已退回重报：请补充投资数据\n累计退回1次',
      `申请延期至${d(40)}，批准延期至${d(25)}（原时限${d(10)}）`, null, '组织实施中', '否',
    ]);
    expect(rowValues(sheet, 9)).toEqual(['↑', '↑', '↑', '↑', other, otherStaff, extendedRequirement, '完成20%：完成方案编制\n待审核', '↑', '↑', '↑', '↑']);
    expect(rowValues(sheet, 10)).toEqual(['↑', '↑', '↑', '↑', `${third.name}（配合）`, null, extendedRequirement, '未报送', '↑', '↑', '↑', '↑']);

    expect(sheet.getCell('A11').value).toBe('三、已超期（1项）');
    expect(rowValues(sheet, 12)).toEqual([3, '3', '清理拖欠企业账款', today, lead, leaderName, `全面清偿到期账款\n办理时限：${d(-3)}前`, '未报送', '无', null, '组织实施中', '是']);
    expect(sheet.getCell('L12').font?.color?.argb).toBe('FFC00000');

    expect(sheet.getCell('A13').value).toBe('四、已中止撤销（1项）');
    expect(rowValues(sheet, 14)).toEqual([4, '4', '筹办产业博览会', today, lead, leaderName, `办理时限：${d(20)}前`, '未报送', '无', null, '已撤销', '否']);
    expect(sheet.rowCount).toBe(14);

    // Merged: title and subtitle across, each heading across, the task's own columns down its units.
    const taskColumns = ['A', 'B', 'C', 'D', 'I', 'J', 'K', 'L'];
    expect([...sheet.model.merges].sort()).toEqual(
      ['A1:L1', 'A2:L2', 'A4:L4', 'A7:L7', 'A11:L11', 'A13:L13', ...taskColumns.map((c) => `${c}5:${c}6`), ...taskColumns.map((c) => `${c}8:${c}10`)].sort(),
    );
    // Dates are dates; the header stays frozen; wrapped and bordered; printed landscape on A4.
    expect(sheet.getCell('D5').value).toBeInstanceOf(Date);
    expect(sheet.getCell('D5').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getCell('H8').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('H8').border?.left?.style).toBe('thin');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(sheet.getColumn(3).width).toBe(28);
  });

  it('the board’s filter narrows it, and another period leaves out what was not worked in it', async () => {
    const load = async (query: string) => {
      const res = await get(`/export/supervision-ledger.xlsx?${query}`, cast.tokens.manager);
      expect(res.status).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      return workbook.getWorksheet('督办台账')!;
    };
    const overdueOnly = await load(`plan=${plan.id}&period=${period}&overdue=1`);
    expect([4, 5, 6, 7, 8].map((r) => overdueOnly.getCell(`A${r}`).value)).toEqual(['一、已办结（0项）', '二、正在办理（0项）', '三、已超期（1项）', 1, '四、已中止撤销（0项）']);
    const third2 = await load(`plan=${plan.id}&period=${period}&dept=${third.code}&coop=1`);
    expect(third2.getCell('A2').value).toContain('共 1 项、3 个责任单位次');
    // Two years back (not one: early in January the finished task's assignment falls in last year).
    const before = await load(`plan=${plan.id}&period=${Number(period.slice(0, 4)) - 2}`);
    expect(before.getCell('A1').value).toBe(`${Number(period.slice(0, 4)) - 2}年重点工作督办台账`);
    expect(before.rowCount).toBe(7);
  });

  it('department staff are refused (403) and a missing or malformed period is a bad request; nothing is written', async () => {
    const fingerprint = await databaseFingerprint(app.dataSource);
    const refused = await get(`/export/supervision-ledger.xlsx?plan=${plan.id}&period=${period}`, cast.tokens.leadStaff);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await get(`/export/supervision-ledger.xlsx?plan=${plan.id}&period=${period}`)).status).toBe(401);
    for (const bad of ['', '&period=', '&period=2026Q4', '&period=2026-Q4&period=2026-Q3']) {
      const res = await get(`/export/supervision-ledger.xlsx?plan=${plan.id}${bad}`, cast.tokens.coordinator);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(await res.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    const staffBulletin = await app.gql(BULLETIN, { p: plan.id, period }, cast.tokens.leadStaff);
    expect(staffBulletin.errors![0].extensions!.code).toBe('FORBIDDEN');
    const badPeriod = await app.gql(BULLETIN, { p: plan.id, period: 'Q4' }, cast.tokens.coordinator);
    expect(badPeriod.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(await databaseFingerprint(app.dataSource)).toEqual(fingerprint);
  });

  it('the bulletin’s figures: totals and shares, the lagging units with their items, the list attached', async () => {
    const bulletin = (await must(BULLETIN, { p: plan.id, period }, cast.tokens.approver)).supervisionBulletin;
    expect(bulletin).toMatchObject({
      planTitle: '重点工作督办方案',
      period,
      year: Number(period.slice(0, 4)),
      issue: Number(period.slice(-1)),
      issuedOn: today,
      total: 4,
      finished: 1,
      inProgress: 1,
      overdue: 1,
      ended: 1,
      finishedPercent: 25,
      inProgressPercent: 25,
      overduePercent: 25,
    });
    expect(bulletin.laggingUnits).toEqual([
      { departmentName: cast.lead.name, items: [{ taskCode: '2', reasons: ['RETURNED'] }, { taskCode: '3', reasons: ['OVERDUE', 'NO_REPORT'] }] },
      { departmentName: third.name, items: [{ taskCode: '2', reasons: ['NO_REPORT'] }] },
    ]);
    expect(bulletin.items.map((i: { code: string; group: string }) => [i.code, i.group])).toEqual([['1', 'FINISHED'], ['2', 'IN_PROGRESS'], ['3', 'OVERDUE'], ['4', 'ENDED']]);
    expect(bulletin.items[0]).toMatchObject({ stage: 'INSPECTION', assignedOn: d(-10), daysToFinish: 10, overdue: false });
    expect(bulletin.items[1]).toMatchObject({
      dueDate: d(25),
      extensions: [{ fromDueDate: d(10), requestedDueDate: d(40), grantedDueDate: d(25), partly: true }],
      units: [
        { departmentName: cast.lead.name, lead: true, responsiblePerson: leaderName, dueDate: d(25), percentDone: 40, workDone: '完成选址', returned: true, returnCount: 1 },
        { departmentName: cast.other.name, lead: false, responsiblePerson: cast.users.otherStaff.name, percentDone: 20, returned: false, returnCount: 0 },
        { departmentName: third.name, lead: false, responsiblePerson: '', percentDone: null, workDone: null },
      ],
    });
    expect(bulletin.items[2]).toMatchObject({ overdue: true, dueDate: d(-3) });
  });
});
