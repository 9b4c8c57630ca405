import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../i18n/i18n';
import { USERS, renderAs } from '../../task-work/test-providers';
import { PLAN_SETTINGS, PLAN_TEAMS } from '../graphql/plan-admin.graphql';
import { PlanAdminCards } from './PlanAdminCards';

const mocks = [
  { request: { query: PLAN_TEAMS, variables: { planId: 'p1' } }, result: { data: { inspectionTeams: [] } } },
  { request: { query: PLAN_SETTINGS }, result: { data: { plans: [{ __typename: 'Plan', id: 'p1', title: '方案', reportCadence: 'QUARTER', reportDueOffsetDays: 5, commendCount: 3, warnCount: 3, taskVisibility: 'FULL', lightRules: { __typename: 'LightRules', dueSoonDays: 3, workingDays: true, paceYellowPoints: 10, paceRedPoints: 30, staleDays: 10 }, escalationRules: { __typename: 'EscalationRules', reminderAfterDays: 1, noticeAfterDays: 5 } }] } } },
];

describe('PlanAdminCards', () => {
  it('shows the teams and the rules of a chosen plan', async () => {
    renderAs(USERS.coordinator, mocks, <PlanAdminCards planId="p1" />);
    expect(await screen.findByTestId('teams-card')).toBeTruthy();
    expect(screen.getByTestId('plan-settings-card')).toBeTruthy();
    await screen.findByText('尚未组建检查组');
  });

  it('shows nothing for all plans', async () => {
    renderAs(USERS.coordinator, [], <><div>ready</div><PlanAdminCards planId={null} /></>);
    await screen.findByText('ready');
    expect(screen.queryByTestId('plan-admin-cards')).toBeNull();
  });

  it('shows nothing outside a signed-in session', () => {
    render(
      <I18nProvider language="zh-CN">
        <MockedProvider mocks={[]}>
          <PlanAdminCards planId="p1" />
        </MockedProvider>
      </I18nProvider>,
    );
    expect(screen.queryByTestId('plan-admin-cards')).toBeNull();
  });
});
