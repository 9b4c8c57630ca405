// Test support for the task-work panels: a signed-in user of a chosen role, Chinese, mocked API.
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { ME, type CurrentUser } from '../auth/auth.graphql';
import { SessionProvider } from '../auth/session';
import { sessionStore } from '../auth/session-store';
import { I18nProvider } from '../../i18n/i18n';
import type { WorkTask } from './work-task';


const department = (id: string, name: string) => ({ __typename: 'Department', id, name, code: id });

export const USERS = {
  leadStaff: { id: 'u1', email: 'lead@demo.gov', name: '王牵头', role: 'STAFF', department: department('d-lead', '省经济和信息化委') },
  coopStaff: { id: 'u2', email: 'coop@demo.gov', name: '李配合', role: 'STAFF', department: department('d-coop', '省科技厅') },
  otherStaff: { id: 'u3', email: 'other@demo.gov', name: '赵无关', role: 'STAFF', department: department('d-other', '省财政厅') },
  inspector: { id: 'u4', email: 'inspector@demo.gov', name: '陈检查', role: 'INSPECTOR', department: null },
  coordinator: { id: 'u5', email: 'coord@demo.gov', name: '刘协调', role: 'COORDINATOR', department: department('d-office', '省政府办公厅') },
} satisfies Record<string, CurrentUser>;

export const TASK: WorkTask = {
  id: 't1',
  stage: 'IMPLEMENTATION',
  planId: null,
  leadDepartment: { id: 'd-lead' },
  cooperatingDepartments: [{ id: 'd-coop' }],
};

/** Renders `ui` as the given user would see it; `mocks` answer the panel's queries and mutations. */
export function renderAs(user: CurrentUser, mocks: MockLink.MockedResponse[], ui: ReactNode) {
  sessionStore.save({ token: 'test-token', refreshToken: 'test-refresh', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() });
  const me = { request: { query: ME }, result: { data: { me: { __typename: 'User', ...user } } } };
  return render(
    <I18nProvider language="zh-CN">
      <AntApp>
        <MockedProvider mocks={[me, ...mocks]}>
          <SessionProvider signedOut={<div>signed out</div>} loading={<div>loading session</div>}>
            {ui}
          </SessionProvider>
        </MockedProvider>
      </AntApp>
    </I18nProvider>,
  );
}
