import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Skeleton, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { ENDED_BY_REQUEST, type SideRequest } from '../graphql/side-request.graphql';
import { useSideRequestText } from '../side-request.messages';

/**
 * 我的待办 → 已中止、撤销的任务: suspended and cancelled tasks leave the board; they are found here,
 * with the reason, and a row opens the task (its history and 申请 tab say the rest).
 */
export function EndedTasksSection({ onOpen }: { onOpen(taskId: string): void }) {
  const text = useSideRequestText();
  const { data, loading, error } = useQuery(ENDED_BY_REQUEST, { fetchPolicy: 'cache-and-network' });
  return (
    <Card title={text.endedTitle} size="small" style={{ marginBottom: 16 }} data-testid="inbox-ended">
      {error && !data ? (
        <Alert type="error" showIcon title={error.message} />
      ) : loading && !data ? (
        <Skeleton active />
      ) : (
        <Table<SideRequest>
          size="small"
          rowKey="id"
          dataSource={data?.decidedSideRequests ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.endedNothing} /> }}
          onRow={(r) => ({ onClick: () => onOpen(r.taskId), style: { cursor: 'pointer' } })}
          columns={[
            { title: text.task, dataIndex: 'taskTitle', ellipsis: true, render: (title: string, r) => `${r.taskCode} ${title}` },
            { title: text.kind, dataIndex: 'kind', width: 80, render: (kind: SideRequest['kind']) => <Tag color="red">{text.kinds[kind]}</Tag> },
            { title: text.department, dataIndex: ['department', 'name'], width: 160, ellipsis: true },
            { title: text.reason, dataIndex: 'reason', ellipsis: true },
            { title: text.decidedAt, dataIndex: ['finalDecision', 'at'], width: 130, render: (at: string | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—') },
          ]}
        />
      )}
    </Card>
  );
}
