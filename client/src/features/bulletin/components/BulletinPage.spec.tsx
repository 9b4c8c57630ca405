import type { MockLink } from '@apollo/client/testing';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { USERS, renderAs } from '../../task-work/test-providers';
import { SUPERVISION_BULLETIN, type Bulletin } from '../graphql/bulletin.graphql';
import { BulletinPage } from './BulletinPage';

configure({ asyncUtilTimeout: 5000 });

// @ant-design/icons ships ESM that this jest setup does not transform; the export button draws one.
jest.mock('@ant-design/icons', () => ({ DownloadOutlined: () => null }));

const unit = (departmentId: string, departmentName: string, over: Partial<Bulletin['items'][number]['units'][number]> = {}) => ({
  __typename: 'BulletinUnit',
  departmentId,
  departmentName,
  lead: true,
  responsiblePerson: '张主任',
  dueDate: '2026-12-31',
  percentDone: null,
  workDone: null,
  returned: false,
  returnCount: 0,
  light: 'GREEN',
  ...over,
});

const item = (taskId: string, code: string, title: string, group: string, stage: string, units: unknown[], over: Record<string, unknown> = {}) => ({
  __typename: 'BulletinItem',
  taskId,
  code,
  title,
  group,
  stage,
  assignedOn: '2026-10-09',
  dueDate: '2026-12-31',
  finishedOn: null,
  overdue: false,
  daysToFinish: null,
  extensions: [],
  units,
  ...over,
});

const BULLETIN = {
  __typename: 'SupervisionBulletin',
  planTitle: '重点工作督办方案',
  period: '2026-Q4',
  year: 2026,
  issue: 4,
  issuedOn: '2026-11-22',
  total: 4,
  finished: 1,
  inProgress: 1,
  overdue: 1,
  ended: 1,
  finishedPercent: 25,
  inProgressPercent: 25,
  overduePercent: 25,
  laggingUnits: [
    {
      __typename: 'LaggingUnit',
      departmentId: 'd-jxw',
      departmentName: '省经济和信息化委',
      items: [
        { __typename: 'LaggingItem', taskId: 't2', taskCode: '2', taskTitle: '推进重点园区扩区', reasons: ['RETURNED'] },
        { __typename: 'LaggingItem', taskId: 't3', taskCode: '3', taskTitle: '清理拖欠企业账款', reasons: ['OVERDUE', 'NO_REPORT'] },
      ],
    },
    { __typename: 'LaggingUnit', departmentId: 'd-kjt', departmentName: '省科技厅', items: [{ __typename: 'LaggingItem', taskId: 't2', taskCode: '2', taskTitle: '推进重点园区扩区', reasons: ['NO_REPORT'] }] },
  ],
  items: [
    item('t1', '1', '建设工业互联网平台', 'FINISHED', 'INSPECTION', [unit('d-jxw', '省经济和信息化委', { percentDone: 100, workDone: '平台已上线运行' })], { daysToFinish: 10, finishedOn: '2026-11-20' }),
    item(
      't2',
      '2',
      '推进重点园区扩区',
      'IN_PROGRESS',
      'IMPLEMENTATION',
      [
        unit('d-jxw', '省经济和信息化委', { percentDone: 40, workDone: '完成选址', returned: true, returnCount: 1, dueDate: '2027-01-20' }),
        unit('d-fgw', '省发展改革委', { lead: false, responsiblePerson: '李四', percentDone: 20, workDone: '完成方案编制', dueDate: '2027-01-20' }),
        unit('d-kjt', '省科技厅', { lead: false, responsiblePerson: '', dueDate: '2027-01-20' }),
      ],
      { dueDate: '2027-01-20', extensions: [{ __typename: 'BulletinExtension', fromDueDate: '2026-12-31', requestedDueDate: '2027-02-28', grantedDueDate: '2027-01-20', partly: true }] },
    ),
    item('t3', '3', '清理拖欠企业账款', 'OVERDUE', 'IMPLEMENTATION', [unit('d-jxw', '省经济和信息化委', { light: 'RED', dueDate: '2026-11-19' })], { overdue: true, dueDate: '2026-11-19' }),
    item('t4', '4', '筹办产业博览会', 'ENDED', 'CANCELLED', [unit('d-jxw', '省经济和信息化委')]),
  ],
};

const bulletinMock = (period = '2026-Q4'): MockLink.MockedResponse => ({
  request: { query: SUPERVISION_BULLETIN, variables: { planId: 'p1', period } },
  result: { data: { supervisionBulletin: { ...BULLETIN, period } } },
});

describe('the supervision bulletin (督办通报)', () => {
  beforeEach(() => history.replaceState(null, '', '/bulletin?plan=p1&period=2026-Q4'));

  it('prints the title and number line, the totals with their shares, the lagging units with their items and the ledger attached', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    renderAs(USERS.coordinator, [bulletinMock()], <BulletinPage />);
    const doc = await screen.findByTestId('bulletin');

    expect(within(doc).getByRole('heading', { level: 1 }).textContent).toBe('督办通报');
    expect(screen.getByTestId('bulletin-number').textContent).toBe('〔2026〕第4期');
    expect(screen.getByTestId('bulletin-issued').textContent).toBe('2026年11月22日');
    expect(screen.getByTestId('bulletin-overview').textContent).toBe(
      '重点工作督办方案2026年第四季度共督办事项4项。其中，已办结1项，占25%；正在办理1项，占25%；已超期1项，占25%；已中止或撤销1项。',
    );
    expect(['total', 'finished', 'inProgress', 'overdue', 'ended'].map((k) => screen.getByTestId(`bulletin-figure-${k}`).textContent)).toEqual([
      '4督办事项',
      '1已办结 25%',
      '1正在办理 25%',
      '1已超期 25%',
      '1已中止撤销',
    ]);

    const units = screen.getAllByTestId('bulletin-lagging-unit');
    expect(units.map((u) => u.textContent)).toEqual([
      '省经济和信息化委（2项）2 推进重点园区扩区：报送情况被退回3 清理拖欠企业账款：超期未办结、未报送办理情况',
      '省科技厅（1项）2 推进重点园区扩区：未报送办理情况',
    ]);

    // The ledger: group headings with counts, one row per unit, the task's cells spanning its units.
    const ledger = screen.getByTestId('bulletin-ledger');
    expect(['FINISHED', 'IN_PROGRESS', 'OVERDUE', 'ENDED'].map((g) => within(ledger).getByTestId(`bulletin-group-${g}`).textContent)).toEqual([
      '已办结（1项）',
      '正在办理（1项）',
      '已超期（1项）',
      '已中止撤销（1项）',
    ]);
    const rows = within(ledger).getAllByTestId('bulletin-ledger-row');
    expect(rows).toHaveLength(6);
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((td) => td.textContent);
    expect(cells(rows[0])).toEqual(['1', '1', '建设工业互联网平台', '2026-10-09', '省经济和信息化委（牵头）', '张主任', '2026-12-31', '完成100%：平台已上线运行', '无', '10天', '检查', '否']);
    expect(cells(rows[1])).toEqual([
      '2', '2', '推进重点园区扩区', '2026-10-09', '省经济和信息化委（牵头）', '张主任', '2027-01-20', '完成40%：完成选址已退回重报（累计1次）',
      '申请延期至2027-02-28，批准延期至2027-01-20（原时限2026-12-31）', '', '实施', '否',
    ]);
    expect(rows[1].querySelector('td')!.getAttribute('rowspan')).toBe('3');
    expect(cells(rows[2])).toEqual(['省发展改革委（配合）', '李四', '2027-01-20', '完成20%：完成方案编制']);
    expect(cells(rows[3])).toEqual(['省科技厅（配合）', '', '2027-01-20', '未报送']);
    expect(cells(rows[4])).toEqual(['3', '3', '清理拖欠企业账款', '2026-10-09', '省经济和信息化委（牵头）', '张主任', '2026-11-19', '未报送', '无', '', '实施', '是']);
    expect(cells(rows[5])[10]).toBe('已撤销');

    fireEvent.click(screen.getByTestId('bulletin-print'));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('asks for a plan when the link has none', async () => {
    history.replaceState(null, '', '/bulletin');
    renderAs(USERS.coordinator, [], <BulletinPage />);
    expect(await screen.findByText('请先在督办页选择一个方案，再打开督办通报')).toBeTruthy();
    expect(screen.queryByTestId('bulletin')).toBeNull();
  });
});
