import { fireEvent, screen } from '@testing-library/react';
import { TASK_FINDINGS } from '../finding/graphql/finding.graphql';
import { TASK, USERS, renderAs } from './test-providers';
import { TaskWorkTabs } from './TaskWorkTabs';

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ PaperClipOutlined: () => null, UploadOutlined: () => null }));

describe('the task drawer tabs', () => {
  it('show the overview, reminders, side requests and instructions before the task is implemented; no reminders once it ended there', async () => {
    const { unmount } = renderAs(USERS.leadStaff, [], <TaskWorkTabs task={{ ...TASK, stage: 'REVIEW' }} overview={<p>概况内容</p>} />);
    expect(await screen.findByText('概况内容')).toBeTruthy();
    expect(screen.getByText('催办')).toBeTruthy();
    expect(screen.getByText('申请')).toBeTruthy();
    expect(screen.getByText('批示')).toBeTruthy();
    expect(screen.queryByText('进度报告')).toBeNull();
    expect(screen.queryByText('发现问题')).toBeNull();
    unmount();
    renderAs(USERS.leadStaff, [], <TaskWorkTabs task={{ ...TASK, stage: 'REJECTED' }} overview={<p>概况内容</p>} />);
    expect(await screen.findByText('概况内容')).toBeTruthy();
    expect(screen.getByText('申请')).toBeTruthy();
    expect(screen.getByText('批示')).toBeTruthy();
    expect(screen.queryByText('催办')).toBeNull();
  });

  it('load a tab only when it is opened, with open counts in the names', async () => {
    renderAs(
      USERS.inspector,
      [{ request: { query: TASK_FINDINGS, variables: { taskId: 't1' } }, result: { data: { findings: [] } } }],
      <TaskWorkTabs task={{ ...TASK, openFindingCount: 2, progressReportCount: 0 }} overview={<p>概况内容</p>} />,
    );
    expect(await screen.findByText('概况内容')).toBeTruthy();
    expect(screen.getByText('进度报告')).toBeTruthy();
    expect(screen.queryByTestId('task-findings')).toBeNull();
    fireEvent.click(screen.getByText('发现问题 (2)'));
    expect(await screen.findByTestId('log-finding-form')).toBeTruthy();
    expect(await screen.findByText('未发现问题')).toBeTruthy();
  });
});
