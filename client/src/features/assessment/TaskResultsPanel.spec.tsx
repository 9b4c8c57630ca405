import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderAs, TASK, USERS } from '../task-work/test-providers';
import { ASSESS_TASK, TASK_RESULTS } from './assessment.graphql';
import { TaskResultsPanel } from './TaskResultsPanel';

const results = (assessments: unknown[] = []) => ({
  request: { query: TASK_RESULTS, variables: { taskId: TASK.id } },
  result: {
    data: {
      indicators: [
        {
          __typename: 'Indicator', id: 'i1', name: '工业投资', unit: '亿元', baselineValue: 300,
          targets: [{ __typename: 'YearValue', year: new Date().getFullYear(), value: 360 }], actuals: [], progress: null, expectedPace: 0.9, paceStatus: null,
        },
      ],
      assessments,
    },
  },
  maxUsageCount: 5,
});

describe('results tab', () => {
  it('shows indicators against target and pace; people who do not grade see no form', async () => {
    renderAs(USERS.leadStaff, [results()], <TaskResultsPanel task={TASK} />);
    await screen.findByText('工业投资');
    expect(screen.getByText(/目标 360亿元/)).toBeTruthy();
    expect(screen.getByText('序时进度 90%')).toBeTruthy();
    expect(screen.queryByTestId('assess-form')).toBeNull();
  });

  it('a coordinator sees the grade follow the score, and the score is sent for the period', async () => {
    let sent: unknown;
    const assess = {
      request: { query: ASSESS_TASK, variables: (v: { input: unknown }) => ((sent = v.input), true) },
      result: { data: { assessTask: { __typename: 'Assessment', id: 'a1', period: '2026-Q3', score: 85, grade: 'GOOD', comment: null, assessedByName: '刘协调', assessedAt: '2026-10-01T00:00:00Z' } } },
    };
    renderAs(USERS.coordinator, [results(), assess, results()], <TaskResultsPanel task={TASK} />);
    await screen.findByTestId('assess-form');
    fireEvent.change(screen.getByRole('textbox', { name: '考核期' }), { target: { value: '2026-Q3' } });
    fireEvent.change(screen.getByTestId('assess-score'), { target: { value: '85' } });
    await screen.findByText('良好');
    fireEvent.click(screen.getByTestId('assess-submit'));
    await waitFor(() => expect(sent).toEqual({ taskId: TASK.id, period: '2026-Q3', score: 85, comment: null }));
  });
});
