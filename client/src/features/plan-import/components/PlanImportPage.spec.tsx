import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { USERS, renderAs } from '../../task-work/test-providers';
import { IMPORT_PLAN, type ImportPlanInput, type ImportPlanVars, type PlanImportResult } from '../graphql/plan-import.graphql';
import { PlanImportPage } from './PlanImportPage';

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ InboxOutlined: () => null, LogoutOutlined: () => null, TranslationOutlined: () => null }));
// The header's bell polls its own query; it has no part in importing.
jest.mock('../../notification/NotificationBell', () => ({ NotificationBell: () => null }));

const PASTED = '关于加快工业转型升级的实施方案\n一、推动产业发展\n1．加快推进工业转型升级。（省经济和信息化委、科技厅、财政厅）';

const option = (id: string, name: string) => ({ __typename: 'ImportDepartmentOption', id, name });
const department = (name: string, existing: ReturnType<typeof option> | null, suggestions: ReturnType<typeof option>[] = [], group = false) => ({
  __typename: 'ImportDepartment',
  name,
  existing,
  suggestions,
  group,
});

function importResult(overrides: Partial<PlanImportResult> = {}): PlanImportResult & { __typename: string } {
  const tasks: PlanImportResult['preview']['tasks'] = [
    { code: '1.1', title: '加快推进工业转型升级', leadDepartments: ['省经济和信息化委'], cooperatingDepartments: ['省科技厅', '省财政厅'], groups: [], deadline: '2026-06-30', startStage: 'IMPLEMENTATION', section: '推动产业发展' },
    { code: '1.2.1', title: '建设工业互联网平台', leadDepartments: ['省工信委'], cooperatingDepartments: [], groups: ['各地级以上市人民政府'], deadline: null, startStage: 'PROPOSAL', section: '加强技术改造' },
    { code: '2.1', title: '建设政务数据共享平台', leadDepartments: ['省大数据局'], cooperatingDepartments: ['省乡村振兴局'], groups: [], deadline: '2026-09-30', startStage: 'IMPLEMENTATION', section: '强化保障' },
  ];
  const unplacedLines = ['（三）其他事项按有关规定办理。', '各单位要高度重视。'];
  return {
    __typename: 'PlanImportResult',
    dryRun: true,
    alreadyImported: false,
    planId: null,
    preview: {
      plan: { title: '关于加快工业转型升级的实施方案', issuer: '省人民政府办公厅', docNumber: '粤府办〔2026〕5号', issuedAt: '2026-03-01' },
      tasks,
      indicators: [
        { name: '工业投资', unit: '亿元', baseline: { year: 2025, value: 100 }, targets: { '2026': 120, '2027': 150 }, allocations: [{ department: '甲镇', year: 2026, value: 60 }, { department: '乙镇', year: 2026, value: 50 }] },
      ],
      unplacedLines,
    },
    departments: [
      department('省经济和信息化委', option('d-jxw', '省经济和信息化委')),
      department('省科技厅', option('d-kjt', '省科技厅')),
      department('省财政厅', option('d-czt', '省财政厅')),
      department('省工信委', null, [option('d-jxw', '省经济和信息化委')]),
      department('省大数据局', null, [option('d-sjj', '省政务服务数据管理局'), option('d-kjt', '省科技厅')]),
      department('省乡村振兴局', null),
      department('各地级以上市人民政府', null, [], true),
    ] as never,
    allocationChecks: [{ indicator: '工业投资', year: 2026, total: 120, sum: 110, ok: false, message: '2026年分解合计110，与目标120不符' }],
    taskCount: tasks.length,
    indicatorCount: 1,
    unplacedLines,
    ...overrides,
  };
}

/** Answers importPlan, recording what was sent. */
function importMock(sent: ImportPlanInput[], answer: (input: ImportPlanInput) => { data?: unknown; errors?: GraphQLError[] }) {
  return {
    request: { query: IMPORT_PLAN, variables: () => true },
    result: (vars: ImportPlanVars) => {
      sent.push(vars.input);
      return answer(vars.input) as never;
    },
  };
}

async function pasteAndPreview() {
  fireEvent.change(await screen.findByTestId('import-paste'), { target: { value: PASTED } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('import-preview-button'));
  });
  return screen.findByTestId('import-preview');
}

const newDepartmentRow = (name: string) => screen.getAllByTestId('import-new-department').find((row) => row.getAttribute('data-name') === name)!;

beforeEach(() => history.replaceState(null, '', '/import'));

describe('previewing a plan document', () => {
  it('sends pasted text as a dry run and shows the outline, the unplaced lines and the new departments', async () => {
    const sent: ImportPlanInput[] = [];
    renderAs(USERS.coordinator, [importMock(sent, () => ({ data: { importPlan: importResult() } }))], <PlanImportPage />);

    expect(((await screen.findByTestId('import-preview-button')) as HTMLButtonElement).disabled).toBe(true);
    await pasteAndPreview();
    expect(sent).toEqual([{ text: PASTED, fileName: '粘贴文本.txt', dryRun: true }]);

    expect(screen.getByText('关于加快工业转型升级的实施方案')).toBeTruthy();
    expect(screen.getByText('粤府办〔2026〕5号')).toBeTruthy();
    expect(screen.getByTestId('import-task-count').textContent).toContain('3');

    // The outline: headings filled in from the codes, labelled by their section.
    const tree = within(screen.getByTestId('import-tree'));
    expect(tree.getAllByTestId('import-heading').map((h) => h.textContent)).toEqual(['1 推动产业发展', '1.2 加强技术改造', '2 强化保障']);
    expect(tree.getAllByTestId('import-task').map((t) => t.getAttribute('data-code'))).toEqual(['1.1', '1.2.1', '2.1']);
    const first = within(tree.getAllByTestId('import-task')[0]!);
    expect(first.getByText('加快推进工业转型升级')).toBeTruthy();
    expect(first.getByText('牵头 省经济和信息化委')).toBeTruthy();
    expect(first.getByText('配合 2')).toBeTruthy();
    expect(first.getByText('2026-06-30 前')).toBeTruthy();
    expect(first.getByText('实施')).toBeTruthy();
    const second = within(tree.getAllByTestId('import-task')[1]!);
    expect(second.getByText('各地级以上市人民政府')).toBeTruthy();
    expect(second.getByText('提出')).toBeTruthy();
    expect(second.getByText('未设时限')).toBeTruthy();

    // Lines it could not place, listed in full.
    const unplaced = within(screen.getByTestId('import-unplaced'));
    expect(unplaced.getAllByTestId('import-unplaced-line').map((l) => l.textContent)).toEqual(['（三）其他事项按有关规定办理。', '各单位要高度重视。']);

    // New names only (not the catch-all), each with its best suggestion chosen.
    expect(screen.getAllByTestId('import-new-department').map((row) => row.getAttribute('data-name'))).toEqual(['省工信委', '省大数据局', '省乡村振兴局']);
    expect(within(newDepartmentRow('省工信委')).getByText('省经济和信息化委')).toBeTruthy();
    expect(within(newDepartmentRow('省大数据局')).getByText('省政务服务数据管理局')).toBeTruthy();
    expect(within(newDepartmentRow('省乡村振兴局')).getByText('新建该单位')).toBeTruthy();
    expect(screen.getByTestId('import-known-departments').textContent).toContain('已有单位 3 个');

    // Indicators with their allocation check.
    expect(screen.getByText('工业投资')).toBeTruthy();
    expect(screen.getByText('2026年分解合计110，与目标120不符')).toBeTruthy();
  });

  it('says so when everything was placed', async () => {
    renderAs(USERS.coordinator, [importMock([], () => ({ data: { importPlan: importResult({ unplacedLines: [] }) } }))], <PlanImportPage />);
    await pasteAndPreview();
    expect(within(screen.getByTestId('import-unplaced')).getByText('全部内容已识别')).toBeTruthy();
  });

  it('shows the server’s message for BAD_USER_INPUT and stays on the first step', async () => {
    renderAs(
      USERS.coordinator,
      [importMock([], () => ({ errors: [new GraphQLError('未找到任何任务：请确认这是一份工作方案', { extensions: { code: 'BAD_USER_INPUT' } })] }))],
      <PlanImportPage />,
    );
    fireEvent.change(await screen.findByTestId('import-paste'), { target: { value: '随便一段话' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('import-preview-button'));
    });
    expect(await screen.findByText('输入有误：未找到任何任务：请确认这是一份工作方案')).toBeTruthy();
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect((screen.getByTestId('import-paste') as HTMLTextAreaElement).value).toBe('随便一段话');
  });

  it('reads an uploaded .docx as base64, and refuses files that are too large or not .docx/.txt', async () => {
    const sent: ImportPlanInput[] = [];
    renderAs(USERS.coordinator, [importMock(sent, () => ({ data: { importPlan: importResult() } }))], <PlanImportPage />);
    const input = (await screen.findByTestId('import-upload')) as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('.docx,.txt');

    const huge = new File(['x'], '大文件.docx');
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 });
    await act(async () => {
      fireEvent.change(input, { target: { files: [huge] } });
    });
    expect(await screen.findByText('文件不能超过 10 MB')).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByTestId('import-upload'), { target: { files: [new File(['x'], '方案.pdf')] } });
    });
    expect(await screen.findByText('仅支持 .docx 或 .txt 文件（旧版 .doc 请先另存为 .docx）')).toBeTruthy();
    expect((screen.getByTestId('import-preview-button') as HTMLButtonElement).disabled).toBe(true);

    await act(async () => {
      fireEvent.change(screen.getByTestId('import-upload'), { target: { files: [new File(['PK-docx-bytes'], '实施方案.docx')] } });
    });
    expect(await screen.findByText('实施方案.docx')).toBeTruthy();
    expect((screen.getByTestId('import-paste') as HTMLTextAreaElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByTestId('import-preview-button'));
    });
    await screen.findByTestId('import-preview');
    expect(sent).toEqual([{ fileName: '实施方案.docx', fileBase64: Buffer.from('PK-docx-bytes').toString('base64'), dryRun: true }]);
  });
});

describe('confirming the import', () => {
  it('sends dryRun false with the department choices, then opens the board on the new plan', async () => {
    const sent: ImportPlanInput[] = [];
    renderAs(
      USERS.coordinator,
      [
        importMock(sent, () => ({ data: { importPlan: importResult() } })),
        importMock(sent, () => ({ data: { importPlan: importResult({ dryRun: false, planId: 'p9' }) } })),
      ],
      <PlanImportPage />,
    );
    await pasteAndPreview();

    // 省大数据局 is not 省政务服务数据管理局 after all: create it.
    fireEvent.mouseDown(within(newDepartmentRow('省大数据局')).getByRole('combobox'));
    const create = (await screen.findAllByTitle('新建该单位')).find((el) => el.closest('.ant-select-dropdown'))!;
    fireEvent.click(create);
    await waitFor(() => expect(within(newDepartmentRow('省大数据局')).queryByText('省政务服务数据管理局')).toBeNull());

    await act(async () => {
      fireEvent.click(screen.getByTestId('import-confirm'));
    });
    expect(await screen.findByText('已导入「关于加快工业转型升级的实施方案」，共 3 项任务')).toBeTruthy();
    expect(sent[1]).toEqual({
      text: PASTED,
      fileName: '粘贴文本.txt',
      dryRun: false,
      departmentChoices: [
        { name: '省工信委', departmentId: 'd-jxw' },
        { name: '省大数据局', departmentId: null },
        { name: '省乡村振兴局', departmentId: null },
      ],
    });
    expect(`${location.pathname}${location.search}`).toBe('/?plan=p9');
  });

  it('for a document imported before offers its board instead of importing again', async () => {
    renderAs(USERS.coordinator, [importMock([], () => ({ data: { importPlan: importResult({ alreadyImported: true, planId: 'p1' }) } }))], <PlanImportPage />);
    await pasteAndPreview();
    expect(screen.getByText('该文档此前已经导入过，不会重复创建任务。')).toBeTruthy();
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('import-open-board'));
    expect(`${location.pathname}${location.search}`).toBe('/?plan=p1');
  });

  it('shows a failed import and keeps the preview', async () => {
    renderAs(
      USERS.coordinator,
      [
        importMock([], () => ({ data: { importPlan: importResult() } })),
        importMock([], () => ({ errors: [new GraphQLError('Coordinators import plans', { extensions: { code: 'FORBIDDEN' } })] })),
      ],
      <PlanImportPage />,
    );
    await pasteAndPreview();
    await act(async () => {
      fireEvent.click(screen.getByTestId('import-confirm'));
    });
    expect(await screen.findByText('您没有权限执行此操作')).toBeTruthy();
    expect(screen.getByTestId('import-preview')).toBeTruthy();
    expect(location.pathname).toBe('/import');
  });
});

it('tells other roles that only coordinators import plans', async () => {
  renderAs(USERS.leadStaff, [], <PlanImportPage />);
  expect(await screen.findByText('仅协调办可以导入工作方案')).toBeTruthy();
  expect(screen.queryByTestId('import-paste')).toBeNull();
});
