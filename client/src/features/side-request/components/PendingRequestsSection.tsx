import { useQuery } from '@apollo/client/react';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { WorkSection, WorkTable } from '../../task-work/WorkTable';
import { PENDING_SIDE_REQUESTS, type SideRequest } from '../graphql/side-request.graphql';
import { useSideRequestText } from '../side-request.messages';
import { STATUS_COLOR } from './TaskRequestsPanel';

/**
 * 我的待办 → 待审批申请: requests waiting on the signed-in person (a unit leader's first level, a
 * coordinator's or the approver's second). A row opens the task; its 申请 tab holds the buttons.
 */
export function PendingRequestsSection({ onOpen, hideWhenEmpty = false }: { onOpen(taskId: string): void; hideWhenEmpty?: boolean }) {
  const text = useSideRequestText();
  const query = useQuery(PENDING_SIDE_REQUESTS, { fetchPolicy: 'cache-and-network' });
  const rows = query.data?.pendingSideRequests ?? [];
  // Department staff see it only as their unit's leader, when something waits on them.
  if (hideWhenEmpty && rows.length === 0) return null;
  return (
    <WorkSection title={text.pendingTitle} testId="inbox-requests">
      <WorkTable<SideRequest>
        query={query}
        rows={rows}
        rowKey="id"
        empty={text.nothing}
        onOpen={onOpen}
        columns={[
          { title: text.task, dataIndex: 'taskTitle', ellipsis: true, render: (title: string, r) => `${r.taskCode} ${title}` },
          { title: text.kind, dataIndex: 'kind', width: 90, render: (kind: SideRequest['kind']) => <Tag color="blue">{text.kinds[kind]}</Tag> },
          { title: text.department, dataIndex: ['department', 'name'], width: 160, ellipsis: true },
          { title: text.requestedDueDate, dataIndex: 'requestedDueDate', width: 110, render: (d: string | null) => d ?? '—' },
          { title: text.level, dataIndex: 'status', width: 150, render: (s: SideRequest['status']) => <Tag color={STATUS_COLOR[s]}>{text.statuses[s]}</Tag> },
          { title: text.filedAt, dataIndex: 'filedAt', width: 130, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </WorkSection>
  );
}
