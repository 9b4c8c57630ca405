import { useQuery } from '@apollo/client/react';
import { availableMoves, taskFactsOf } from '@workplan/shared';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Progress, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { TASK_DETAIL } from '../graphql/board.graphql';
import { useTaskMoves } from '../hooks/task-moves';
import { TaskWorkTabs } from '../../task-work';
import { LightTag } from '../../supervision/components/TaskLight';
import { useSupervisionText } from '../../supervision/supervision.messages';
import { TaskFlags } from '../../side-request';
import { useSideRequestText } from '../../side-request/side-request.messages';
import { OutcomeHint } from '../../scoring';

/** Everything about one task: what it is, who is responsible, its full history, and what can be done now. */
export function TaskDrawer({ taskId, onClose }: { taskId: string | null; onClose(): void }) {
  const { t, stage: stageName, event: eventName, role: roleName } = useI18n();
  const { actor } = useSession();
  const { requestMove } = useTaskMoves();
  const supervision = useSupervisionText();
  const requestText = useSideRequestText();
  const { data, loading, error, refetch } = useQuery(TASK_DETAIL, { variables: { id: taskId ?? '' }, skip: !taskId, fetchPolicy: 'cache-and-network' });
  const task = data?.task;
  const moves = task ? availableMoves(task.snapshot, actor, taskFactsOf(task)) : [];
  return (
    <Drawer open={taskId !== null} onClose={onClose} width={Math.min(760, typeof window === 'undefined' ? 760 : window.innerWidth)} title={task ? `${task.code} · ${stageName(task.stage)}` : t('loading')} destroyOnHidden>
      {error && !task ? (
        <Alert type="error" showIcon message={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} />
      ) : !task ? (
        <Skeleton active />
      ) : (
        <TaskWorkTabs
          task={task}
          overview={
        <div data-testid="task-drawer">
          <Typography.Title level={4} style={{ marginTop: 0 }}>{task.title}</Typography.Title>
          <Space wrap style={{ marginBottom: 16 }}>
            <Tag color="blue">{stageName(task.stage)}</Tag>
            <LightTag facts={task} />
            {task.overdue && !task.lightReasons.includes('OVERDUE') && <Tag color="red">{t('overdue')}</Tag>}
            <Tag>{task.origin === 'ASSIGNED' ? t('assigned') : t('proposed')}</Tag>
            <TaskFlags task={task} />
          </Space>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t('actions')}</Typography.Title>
          <OutcomeHint suggestion={task.outcomeSuggestion} />
          <div style={{ margin: '8px 0 16px' }}>
            {moves.length === 0 ? (
              <Typography.Text type="secondary">{t('noActions')}</Typography.Text>
            ) : (
              <Space wrap>
                {moves.map((m) => (
                  <Button
                    key={m.event}
                    data-suggested={task.outcomeSuggestion?.event === m.event || undefined}
                    // The scores' proposal (COMMEND or WARN) is the primary move; the other stays at hand.
                    type={(task.outcomeSuggestion?.event ? task.outcomeSuggestion.event === m.event : !(m.needsComment || m.event === 'WITHDRAW')) ? 'primary' : 'default'} danger={m.event === 'REJECT' || m.event === 'WITHDRAW'} onClick={() => requestMove(task, m)}>
                    {eventName(m.event)}
                  </Button>
                ))}
              </Space>
            )}
          </div>
          <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap', width: 104 } }}>
            <Descriptions.Item label={t('leadDepartment')}>{task.leadDepartment.name}</Descriptions.Item>
            <Descriptions.Item label={t('cooperatingDepartments')}>{task.cooperatingDepartments.map((d) => d.name).join('、') || t('none')}</Descriptions.Item>
            <Descriptions.Item label={t('dueDate')}>
              <span style={{ color: task.overdue ? '#cf1322' : undefined }}>{task.dueDate ?? t('noDueDate')}</span>
              {task.originalDueDate && task.originalDueDate !== task.dueDate && (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }} data-testid="drawer-original-due-date">
                  （{requestText.originalDueDate} {task.originalDueDate}）
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={supervision.percentDone}>
              {task.percentDone === null ? (
                <Typography.Text type="secondary">{supervision.noPercent}</Typography.Text>
              ) : (
                <Flex data-testid="drawer-percent-done" align="center" gap={12} wrap>
                  <Progress percent={task.percentDone} size="small" status={task.lightReasons.includes('FAR_BEHIND_PACE') ? 'exception' : undefined} format={(percent) => `${percent}%`} style={{ flex: '0 1 240px', margin: 0 }} />
                  {task.pointsBehind !== null && (
                    <Typography.Text data-testid="drawer-pace" type={task.lightReasons.includes('BEHIND_PACE') || task.lightReasons.includes('FAR_BEHIND_PACE') ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {supervision.pace(task.pointsBehind)}
                    </Typography.Text>
                  )}
                </Flex>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan')}>{task.plan?.title ?? t('none')}</Descriptions.Item>
          </Descriptions>
          {task.description && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('description')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Typography.Paragraph>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('history')}</Typography.Title>
          {task.history.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              data-testid="task-history"
              items={task.history.map((h) => ({
                color: h.event === 'REJECT' || h.event === 'REQUIRE_RECTIFICATION' || h.event === 'WARN' || h.event === 'CANCEL' || h.event === 'SUSPEND' ? 'red' : h.event === 'RETURN' ? 'orange' : 'blue',
                children: (
                  <div>
                    <div>
                      <strong>{eventName(h.event)}</strong>
                      <span style={{ color: '#888' }}> · {h.fromStage ? `${stageName(h.fromStage)} → ` : ''}{stageName(h.toStage)}</span>
                    </div>
                    <div style={{ color: '#666', fontSize: 12 }}>
                      {h.actor?.name ?? '—'}{h.role ? `（${roleName(h.role)}）` : ''} · {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
                    </div>
                    {h.comment && <div className="history-comment">{h.comment}</div>}
                  </div>
                ),
              }))}
            />
          )}
          {loading && <Skeleton active paragraph={{ rows: 1 }} title={false} />}
        </div>
          }
        />
      )}
    </Drawer>
  );
}
