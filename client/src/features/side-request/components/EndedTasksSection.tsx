import { useQuery } from '@apollo/client/react';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { WorkSection, WorkTable } from '../../task-work/WorkTable';
import { ENDED_BY_REQUEST, type SideRequest } from '../graphql/side-request.graphql';
import { useSideRequestText } from '../side-request.messages';

/**
 * 我的待办 → 已中止、撤销的任务: suspended and cancelled tasks leave the board; they are found here,
 * with the reason, and a row opens the task (its history and 申请 tab say the rest).
 */
export function EndedTasksSection({ onOpen }: { onOpen(taskId: string): void }) {
  const text = useSideRequestText();
  const query = useQuery(ENDED_BY_REQUEST, { fetchPolicy: 'cache-and-network' });
  return (
    <WorkSection title={text.endedTitle} testId="inbox-ended">
      <WorkTable<SideRequest>
        query={query}
        rows={query.data?.decidedSideRequests}
        rowKey="id"
        empty={text.endedNothing}
        onOpen={onOpen}
        columns={[
          { title: text.task, dataIndex: 'taskTitle', ellipsis: true, render: (title: string, r) => `${r.taskCode} ${title}` },
          { title: text.kind, dataIndex: 'kind', width: 80, render: (kind: SideRequest['kind']) => <Tag color="red">{text.kinds[kind]}</Tag> },
          { title: text.department, dataIndex: ['department', 'name'], width: 160, ellipsis: true },
          { title: text.reason, dataIndex: 'reason', ellipsis: true },
          { title: text.decidedAt, dataIndex: ['finalDecision', 'at'], width: 130, render: (at: string | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—') },
        ]}
      />
    </WorkSection>
  );
}
