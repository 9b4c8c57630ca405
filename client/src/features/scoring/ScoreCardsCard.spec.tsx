import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n';
import { SCORE_CARDS } from './scoring.graphql';
import { ScoreCardsCard } from './ScoreCardsCard';

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ RightOutlined: () => null, DownOutlined: () => null }));

const card = (id: string, name: string, rank: number, score: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'DepartmentScoreCard',
  department: { __typename: 'Department', id, code: id, name },
  score,
  deductions: 0,
  additions: 0,
  rank,
  grade: 'EXCELLENT',
  commended: false,
  warned: false,
  items: [],
  ...extra,
});
const item = (kind: string, points: number, nth: number | null = null) => ({ __typename: 'ScoreItem', kind, points, taskId: 't1', taskCode: '1.2.3', on: '2026-11-02', nth });

describe('the supervision score card', () => {
  it('ranks the units with what was deducted and added, and opens a unit’s items with their reasons', async () => {
    const mocks = [
      {
        request: { query: SCORE_CARDS, variables: { planId: 'p1', period: '2026-Q4' } },
        result: {
          data: {
            scoreCards: [
              card('a', '省科技厅', 1, 101, { additions: 1, commended: true, items: [item('FINISHED_ON_TIME', 1)] }),
              card('b', '省工信厅', 2, 83.5, { deductions: 16.5, additions: 0, warned: true, grade: 'GOOD', items: [item('RETURN', -0.5, 1), item('RETURN', -1, 2), item('RED_CARD', -10), item('YELLOW_CARD', -5)] }),
            ],
          },
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <I18nProvider>
          <ScoreCardsCard planId="p1" initialPeriod="2026-Q4" />
        </I18nProvider>
      </MockedProvider>,
    );
    const rows = await screen.findAllByTestId('score');
    expect(rows.map((r) => r.textContent)).toEqual(['101', '83.5']);
    expect(screen.getByText('拟表彰')).toBeTruthy();
    expect(screen.getByText('黄牌警告')).toBeTruthy();
    expect(screen.getByText('−16.5')).toBeTruthy();
    fireEvent.click(screen.getByText('省工信厅'));
    const items = await screen.findAllByTestId('score-item');
    expect(items.map((i) => within(i).getAllByText(/.+/).map((e) => e.textContent).join(' '))).toEqual([
      expect.stringContaining('第 1 次退回'),
      expect.stringContaining('第 2 次退回'),
      expect.stringContaining('督办通知单（红牌）'),
      expect.stringContaining('催办（黄牌）'),
    ]);
    expect(items[2].textContent).toContain('-10');
  });

  it('asks for a plan before it scores anything', () => {
    render(
      <MockedProvider mocks={[]}>
        <I18nProvider>
          <ScoreCardsCard planId={null} />
        </I18nProvider>
      </MockedProvider>,
    );
    expect(screen.getByText('选择一个方案后查看评分')).toBeTruthy();
  });
});
