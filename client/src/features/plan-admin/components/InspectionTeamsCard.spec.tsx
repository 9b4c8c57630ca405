import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CurrentUser } from '../../auth/auth.graphql';
import { USERS, renderAs } from '../../task-work/test-providers';
import { CREATE_TEAM, PLAN_TEAMS, TEAM_FORM_OPTIONS, type CreateTeamInput, type PlanTeam } from '../graphql/plan-admin.graphql';
import { InspectionTeamsCard } from './InspectionTeamsCard';

const MANAGER: CurrentUser = { id: 'u6', email: 'manager@demo.gov', name: '孙管理', role: 'MANAGER', department: null };

const dept = (id: string, name: string, level: string, parentId: string | null = null) => ({ __typename: 'Department', id, name, level, parentId });
const user = (id: string, name: string, role: string, department: { id: string; name: string } | null = null) => ({
  __typename: 'User',
  id,
  name,
  role,
  department: department && { __typename: 'Department', ...department },
});
const task = (id: string, code: string, title: string) => ({ __typename: 'Task', id, code, title });
const column = (tasks: ReturnType<typeof task>[]) => ({
  __typename: 'BoardColumn',
  tasks: { __typename: 'TaskConnection', nodes: tasks, pageInfo: { __typename: 'PageInfo', hasNextPage: false } },
});

const team = (overrides: Partial<PlanTeam> = {}): PlanTeam & { __typename: 'InspectionTeam' } => ({
  __typename: 'InspectionTeam',
  id: 'g1',
  name: '第一专题检查组',
  planId: 'p1',
  leadDepartment: { __typename: 'Department', id: 'd-jxw', name: '省经济和信息化委' } as never,
  members: [{ __typename: 'InspectionTeamMember', id: 'u4', name: '陈检查' }] as never,
  regions: [{ __typename: 'Department', id: 'c-fs', name: '佛山市' }] as never,
  taskIds: ['t1', 't2'],
  ...overrides,
});

const teamsMock = (teams: PlanTeam[]): MockLink.MockedResponse => ({
  request: { query: PLAN_TEAMS, variables: { planId: 'p1' } },
  result: { data: { inspectionTeams: teams } },
});

const optionsMock: MockLink.MockedResponse = {
  request: { query: TEAM_FORM_OPTIONS, variables: { filter: { planId: 'p1' } } },
  result: {
    data: {
      departments: [
        dept('d-jxw', '省经济和信息化委', 'province'),
        dept('c-fs', '佛山市', 'city'),
        dept('x-sd', '顺德区', 'district', 'c-fs'),
        dept('z-bj', '北滘镇', 'town', 'x-sd'),
      ],
      inspectors: [user('u4', '陈检查', 'INSPECTOR'), user('u7', '周督查', 'INSPECTOR')],
      coordinators: [user('u5', '刘协调', 'COORDINATOR', { id: 'd-office', name: '省政府办公厅' })],
      board: {
        __typename: 'Board',
        implementation: column([task('t1', '1.1', '推进工业技术改造'), task('t3', '1.3', '培育龙头企业')]),
        inspection: column([task('t2', '2.1', '落实技改资金')]),
      },
    },
  },
};

/** Opens an antd Select inside `scope` and clicks the option whose label is `label`. */
async function pick(testId: string, label: string) {
  const select = screen.getByTestId(testId);
  const box = select.closest('.ant-select') ?? select;
  fireEvent.mouseDown(within(box as HTMLElement).getByRole('combobox'));
  const option = await waitFor(() => {
    const found = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((el) => el.getAttribute('title') === label);
    if (!found) throw new Error(`no option ${label}`);
    return found;
  });
  fireEvent.click(option);
}

describe('InspectionTeamsCard', () => {
  it('lets a coordinator create a team with name, members and tasks, and then lists it', async () => {
    const sent: CreateTeamInput[] = [];
    const created = team({ id: 'g2', name: '技改专题检查组', leadDepartment: null, regions: [], members: [{ __typename: 'InspectionTeamMember', id: 'u4', name: '陈检查' }, { __typename: 'InspectionTeamMember', id: 'u5', name: '刘协调' }] as never, taskIds: ['t1', 't2'] });
    renderAs(USERS.coordinator, [
      teamsMock([]),
      optionsMock,
      {
        request: { query: CREATE_TEAM, variables: () => true },
        result: (vars: { input: CreateTeamInput }) => {
          sent.push(vars.input);
          return { data: { createInspectionTeam: created } };
        },
      },
      teamsMock([created]),
    ], <InspectionTeamsCard planId="p1" />);

    const card = await screen.findByTestId('teams-card');
    expect(await within(card).findByText('尚未组建检查组')).toBeTruthy();
    fireEvent.click(screen.getByTestId('create-team'));

    // A name is required.
    const name = await screen.findByTestId('team-name');
    await act(async () => {
      fireEvent.click(screen.getByTestId('team-submit'));
    });
    expect(await screen.findByText('请填写检查组名称')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(name, { target: { value: '  技改专题检查组 ' } });
    await pick('team-members', '陈检查');
    await pick('team-members', '刘协调（省政府办公厅）');
    await pick('team-tasks', '1.1 推进工业技术改造');
    await pick('team-tasks', '2.1 落实技改资金');
    await act(async () => {
      fireEvent.click(screen.getByTestId('team-submit'));
    });

    await screen.findByText('已新建检查组：技改专题检查组');
    expect(sent).toEqual([{ name: '技改专题检查组', planId: 'p1', leadDepartmentId: null, memberIds: ['u4', 'u5'], taskIds: ['t1', 't2'], regionIds: [] }]);
    const item = await within(card).findByTestId('team-item');
    expect(item.textContent).toContain('技改专题检查组');
    expect(item.textContent).toContain('陈检查、刘协调');
    expect(item.textContent).toContain('覆盖 2 项任务');
    await waitFor(() => expect(screen.queryByTestId('create-team-form')).toBeNull());
  });

  it('offers only cities, districts and towns as regions, naming the parent of districts and towns', async () => {
    renderAs(USERS.coordinator, [teamsMock([]), optionsMock], <InspectionTeamsCard planId="p1" />);
    fireEvent.click(await screen.findByTestId('create-team'));
    await screen.findByTestId('team-name');
    const select = screen.getByTestId('team-regions');
    fireEvent.mouseDown(within((select.closest('.ant-select') ?? select) as HTMLElement).getByRole('combobox'));
    await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="北滘镇（顺德区）"]')).toBeTruthy());
    expect(document.querySelector('.ant-select-item-option[title="佛山市"]')).toBeTruthy();
    expect(document.querySelector('.ant-select-item-option[title="顺德区（佛山市）"]')).toBeTruthy();
    expect(document.querySelector('.ant-select-item-option[title="省经济和信息化委"]')).toBeNull();
  });

  it('shows a manager the teams with lead, members, tasks and regions, but no create button', async () => {
    renderAs(MANAGER, [teamsMock([team()])], <InspectionTeamsCard planId="p1" />);
    const item = await screen.findByTestId('team-item');
    expect(item.textContent).toContain('第一专题检查组');
    expect(item.textContent).toContain('省经济和信息化委');
    expect(item.textContent).toContain('陈检查');
    expect(item.textContent).toContain('覆盖 2 项任务');
    expect(within(item).getByText('佛山市').closest('.ant-tag')).toBeTruthy();
    expect(screen.queryByTestId('create-team')).toBeNull();
  });
});
