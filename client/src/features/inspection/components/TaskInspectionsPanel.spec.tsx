import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { TASK, USERS, renderAs } from '../../task-work/test-providers';
import { INSPECTION_TEAMS, RECORD_INSPECTION_VISIT, TASK_INSPECTIONS, type Inspection } from '../graphql/inspection.graphql';
import { TaskInspectionsPanel } from './TaskInspectionsPanel';

const planned: Inspection & { __typename: 'Inspection' } = {
  __typename: 'Inspection',
  id: 'i1',
  taskId: 't1',
  scheduledOn: '2026-06-10',
  teamId: 'g1',
  teamName: '第一专题检查组',
  visitedOn: null,
  conclusion: null,
};

const mocks = (extra: MockLink.MockedResponse[] = []): MockLink.MockedResponse[] => [
  { request: { query: TASK_INSPECTIONS, variables: { taskId: 't1' } }, result: { data: { inspections: [planned] } } },
  { request: { query: INSPECTION_TEAMS, variables: { planId: null } }, result: { data: { inspectionTeams: [{ __typename: 'InspectionTeam', id: 'g1', name: '第一专题检查组' }] } } },
  ...extra,
];

describe('the inspections tab', () => {
  it('lets an inspector record a visit, dated today unless changed', async () => {
    const sent: unknown[] = [];
    renderAs(USERS.inspector, mocks([
      {
        request: { query: RECORD_INSPECTION_VISIT, variables: () => true },
        result: (vars: { input: unknown }) => {
          sent.push(vars.input);
          return { data: { recordInspectionVisit: { ...planned, visitedOn: dayjs().format('YYYY-MM-DD'), conclusion: '项目已开工，进度符合计划' } } };
        },
      },
    ]), <TaskInspectionsPanel task={TASK} />);

    expect(await screen.findByTestId('schedule-inspection-form')).toBeTruthy();
    fireEvent.click(await screen.findByText('登记检查情况'));
    const conclusion = await screen.findByTestId('visit-conclusion');
    fireEvent.change(conclusion, { target: { value: '项目已开工，进度符合计划' } });
    await act(async () => {
      fireEvent.click(within(conclusion.closest<HTMLElement>('[role="dialog"]')!).getByText(/确\s*定/));
    });
    await screen.findByText('检查情况已登记');
    // The answer updates the cached visit in place: it shows as visited, with its conclusion.
    const item = within(screen.getByTestId('inspection-item'));
    expect(item.getByText('项目已开工，进度符合计划')).toBeTruthy();
    expect(item.queryByText('登记检查情况')).toBeNull();
    expect(sent).toEqual([{ inspectionId: 'i1', visitedOn: dayjs().format('YYYY-MM-DD'), conclusion: '项目已开工，进度符合计划' }]);
  });

  it('shows department staff the visits but not the inspectors\' controls', async () => {
    renderAs(USERS.leadStaff, mocks(), <TaskInspectionsPanel task={TASK} />);
    const item = within(await screen.findByTestId('inspection-item'));
    expect(item.getByText('第一专题检查组')).toBeTruthy();
    expect(item.getByText('待检查')).toBeTruthy();
    expect(screen.queryByTestId('schedule-inspection-form')).toBeNull();
    expect(screen.queryByText('登记检查情况')).toBeNull();
  });
});
