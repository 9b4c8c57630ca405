import { useQuery } from '@apollo/client/react';
import { Tag, Typography } from 'antd';
import { WorkTable } from '../../task-work/WorkTable';
import { MY_ASSIGNMENTS, type Assignment } from '../graphql/assignment.graphql';
import { useAssignmentText } from '../assignment.messages';

/**
 * The unit's work list rows for its own assignments: tasks to sign for (with the sign-for deadline,
 * red once missed) and reports returned for rework. A row opens the task, where the 承办单位 tab acts.
 */
export function MyAssignmentsTable({ onOpenTask }: { onOpenTask(taskId: string): void }) {
  const text = useAssignmentText();
  const query = useQuery(MY_ASSIGNMENTS, { fetchPolicy: 'cache-and-network' });
  return (
    <WorkTable<Assignment>
      query={query}
      rows={query.data?.myAssignments}
      rowKey="id"
      empty={text.mineEmpty}
      onOpen={onOpenTask}
      rowProps={(a) => ({ 'data-testid': 'my-assignment', 'data-task-id': a.taskId, 'data-status': a.status })}
      columns={[
        { title: text.code, dataIndex: 'taskCode', width: 110 },
        { title: text.task, dataIndex: 'taskTitle', ellipsis: true },
        { title: '', dataIndex: 'lead', width: 70, render: (lead: boolean) => <Tag>{lead ? text.lead : text.cooperating}</Tag> },
        {
          title: text.signDue,
          dataIndex: 'signDueOn',
          width: 190,
          render: (due: string, a) =>
            a.status === 'ASSIGNED' ? <Typography.Text type={a.signedLate ? 'danger' : undefined}>{a.signedLate ? `${due} · ${text.unsignedLate}` : due}</Typography.Text> : '—',
        },
        { title: text.dueDate, dataIndex: 'dueDate', width: 110, render: (due: string | null) => due ?? text.noDueDate },
        {
          title: '',
          dataIndex: 'status',
          width: 140,
          render: (status: Assignment['status'], a) => (
            <Tag color={status === 'RETURNED' ? 'orange' : 'blue'}>{status === 'RETURNED' ? text.returnedTimes(a.returnCount) : text.status[status]}</Tag>
          ),
        },
      ]}
    />
  );
}
