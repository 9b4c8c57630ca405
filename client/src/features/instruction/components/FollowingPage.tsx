import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Empty, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { AppHeader } from '../../../app/AppHeader';
import { useI18n } from '../../../i18n/i18n';
import { TaskDrawer } from '../../board/components/TaskDrawer';
import { BoardRefreshProvider, useOnBoardRefresh } from '../../board/hooks/board-refresh';
import { TaskMovesProvider } from '../../board/hooks/task-moves';
import { LightDot } from '../../supervision/components/TaskLight';
import { FOLLOWING, type FollowedTask, type LeaderInstruction } from '../instruction.graphql';
import { useInstructionText } from '../instruction.messages';
import { TONE_COLOR } from './TaskInstructionsPanel';

/** 我关注的: the tasks a leader follows and the instructions still awaiting an answer. Rows open the task drawer. */
export function FollowingPage() {
  return (
    <BoardRefreshProvider>
      <TaskMovesProvider>
        <Following />
      </TaskMovesProvider>
    </BoardRefreshProvider>
  );
}

const rowProps = (id: string, onOpen: (taskId: string) => void, testId: string) =>
  ({
    'data-testid': testId,
    'data-task-id': id,
    tabIndex: 0,
    style: { cursor: 'pointer' },
    onClick: () => onOpen(id),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter') onOpen(id);
    },
  }) as HTMLAttributes<HTMLElement>;

function Following() {
  const text = useInstructionText();
  const { stage: stageName } = useI18n();
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const { data, error, refetch } = useQuery(FOLLOWING, { fetchPolicy: 'cache-and-network' });
  // A move or an answer made from the drawer changes both lists.
  useOnBoardRefresh(null, () => void refetch());

  const taskColumns: TableColumnsType<FollowedTask> = [
    { key: 'light', width: 36, render: (_, task) => <LightDot facts={task} /> },
    { title: text.code, dataIndex: 'code', width: 96, render: (code: string) => <span className="task-card__code">{code}</span> },
    { title: text.task, dataIndex: 'title' },
    { title: text.lead, key: 'lead', width: 170, ellipsis: true, render: (_, task) => task.leadDepartment.name },
    { title: text.stage, key: 'stage', width: 96, render: (_, task) => <Tag className="task-card__chip">{stageName(task.stage)}</Tag> },
    { title: text.due, dataIndex: 'dueDate', width: 104, render: (due: string | null) => due ?? '—' },
  ];
  const instructionColumns: TableColumnsType<LeaderInstruction> = [
    { title: text.number, dataIndex: 'number', width: 190 },
    { title: text.issuedOn, dataIndex: 'issuedOn', width: 104 },
    { title: text.tone, key: 'tone', width: 110, render: (_, i) => <Tag color={TONE_COLOR[i.tone]}>{text.toneName[i.tone]}</Tag> },
    { title: text.task, key: 'task', render: (_, i) => <span><span className="task-card__code">{i.taskCode}</span> {i.taskTitle}</span> },
    { title: text.content, dataIndex: 'content', ellipsis: true },
  ];

  let body;
  if (error && !data) {
    body = <Alert type="error" showIcon title={text.loadFailed} description={error.message} action={<Button size="small" onClick={() => void refetch()}>{text.retry}</Button>} />;
  } else if (!data) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else {
    body = (
      <>
        <Card size="small" className="watch-group" data-testid="following-tasks" title={<span className="watch-group__title">{text.followedTitle} <Badge count={data.followedTasks.length} showZero color="#1677ff" /></span>}>
          {data.followedTasks.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.followedEmpty} />
          ) : (
            <Table<FollowedTask> size="small" rowKey="id" dataSource={data.followedTasks} columns={taskColumns} pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }} onRow={(task) => rowProps(task.id, setOpenTaskId, 'following-row')} />
          )}
        </Card>
        <Card size="small" className="watch-group" data-testid="unanswered-instructions" title={<span className="watch-group__title">{text.unansweredTitle} <Badge count={data.unansweredInstructions.length} showZero color="#faad14" /></span>}>
          {data.unansweredInstructions.length === 0 ? (
            <Typography.Text type="secondary">{text.unansweredEmpty}</Typography.Text>
          ) : (
            <Table<LeaderInstruction> size="small" rowKey="id" dataSource={data.unansweredInstructions} columns={instructionColumns} pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }} onRow={(i) => rowProps(i.taskId, setOpenTaskId, 'unanswered-row')} />
          )}
        </Card>
      </>
    );
  }

  return (
    <div className="board-page">
      <AppHeader onOpenTask={setOpenTaskId} />
      <main className="watch-page" data-testid="following-page">
        <div className="watch-toolbar" role="toolbar">
          <Typography.Title level={5} style={{ margin: 0 }}>{text.nav}</Typography.Title>
        </div>
        <div className="watch-body">{body}</div>
      </main>
      <TaskDrawer taskId={openTaskId} onClose={() => setOpenTaskId(null)} />
    </div>
  );
}
