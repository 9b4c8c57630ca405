import { MoreOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { availableMoves, DEADLINE_STAGES, taskFactsOf, type TaskEventType } from '@workplan/shared';
import { Button, Dropdown, Tag, Tooltip } from 'antd';
import { memo, type CSSProperties } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { UnitRollupChip } from '../../assignment';
import { LightDot, lightLabel } from '../../supervision/components/TaskLight';
import { useSupervisionText } from '../../supervision/supervision.messages';
import type { CardTask } from '../graphql/board.graphql';
import { useTaskMoves } from '../hooks/task-moves';

const SUB_STATE_CHIPS: Record<string, { key: 'rectifying' | 'commended' | 'warned' | 'awaitingGrade'; color: string }> = {
  RECTIFYING: { key: 'rectifying', color: 'orange' },
  COMMENDED: { key: 'commended', color: 'green' },
  WARNED: { key: 'warned', color: 'gold' },
  AWAITING_GRADE: { key: 'awaitingGrade', color: 'blue' },
};

export interface TaskCardProps {
  task: CardTask;
  laneId: string | null;
  onOpen(taskId: string): void;
  /** Rendered in the drag overlay: no drag handle of its own. */
  overlay?: boolean;
}

/** A task on the board: code, title, departments, due date, and what can be done with it. */
export const TaskCard = memo(function TaskCard({ task, laneId, onOpen, overlay }: TaskCardProps) {
  const { t, event: eventName, stage: stageName } = useI18n();
  const { actor } = useSession();
  const { requestMove } = useTaskMoves();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `task:${task.id}:${laneId ?? ''}`, data: { task, laneId }, disabled: overlay });
  const moves = availableMoves(task.snapshot, actor, taskFactsOf(task));
  const chip = task.subState ? SUB_STATE_CHIPS[task.subState] : undefined;
  const supervision = useSupervisionText();
  // Lights judge work against its deadline: past implementation every task is green, so only the
  // stages with a deadline show one, and green only as a faint ring.
  const showLight = task.light !== 'GREEN' || DEADLINE_STAGES.includes(task.stage as (typeof DEADLINE_STAGES)[number]);

  const style: CSSProperties = {
    opacity: isDragging && !overlay ? 0.35 : 1,
    boxShadow: overlay ? '0 8px 24px rgba(0,0,0,.18)' : undefined,
    cursor: overlay ? 'grabbing' : 'grab',
  };
  return (
    <div
      ref={overlay ? undefined : setNodeRef}
      className="task-card"
      data-testid="task-card"
      data-task-id={task.id}
      data-code={task.code}
      style={style}
      {...(overlay ? {} : attributes)}
      {...(overlay ? {} : listeners)}
      aria-roledescription="task card"
      aria-label={`${task.code} ${task.title}${task.light !== 'GREEN' ? ` · ${lightLabel(task, supervision)}` : ''}`}
      data-light={task.light}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented) onOpen(task.id);
      }}
      onDoubleClick={() => onOpen(task.id)}
    >
      <div className="task-card__top">
        <span className="task-card__code">{task.code}</span>
        {task.urgent && (
          <Tooltip title={t('urgentTitle')}>
            <Tag color="volcano" className="task-card__chip" data-testid="chip-urgent">{t('urgentTag')}</Tag>
          </Tooltip>
        )}
        {task.keyTask && (
          <Tooltip title={t('keyTaskTitle')}>
            <Tag color="purple" className="task-card__chip" data-testid="chip-key-task">{t('keyTaskTag')}</Tag>
          </Tooltip>
        )}
        {chip && <Tag color={chip.color} className="task-card__chip">{t(chip.key)}</Tag>}
        {task.returnCount > 0 && <Tag className="task-card__chip">{t('returnedTimes', { n: task.returnCount })}</Tag>}
        {task.lateReportCount > 0 && <Tag color="red" className="task-card__chip" data-testid="chip-late-report">{t('lateReports', { n: task.lateReportCount })}</Tag>}
        {task.lateReportCount === 0 && task.reportsDueSoonCount > 0 && <Tag color="orange" className="task-card__chip">{t('reportDueSoon')}</Tag>}
        <UnitRollupChip rollup={task.assignmentRollup} stage={task.stage} />
        {task.unsignedReminderCount > 0 && (
          <Tooltip title={t('unsignedRemindersTitle', { n: task.unsignedReminderCount })}>
            <Tag color="magenta" className="task-card__chip" data-testid="chip-reminders">{t('unsignedReminders', { n: task.unsignedReminderCount })}</Tag>
          </Tooltip>
        )}
        {task.openFindingCount > 0 && (
          <Tag color={task.openMajorFindingCount > 0 ? 'volcano' : 'default'} className="task-card__chip" data-testid="chip-findings">
            {t('openFindings', { n: task.openFindingCount })}
          </Tag>
        )}
        {!overlay && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'open', label: t('openTask') },
                ...(moves.length ? [{ type: 'divider' as const }] : []),
                ...moves.map((m) => ({
                  key: m.event,
                  label: `${eventName(m.event)}${m.toStage !== task.stage ? ` → ${stageName(m.toStage)}` : ''}`,
                  danger: m.event === 'REJECT' || m.event === 'WITHDRAW' || m.event === 'WARN',
                })),
                ...(moves.length ? [] : [{ key: 'none', label: t('noActions'), disabled: true }]),
              ],
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                if (key === 'open') return onOpen(task.id);
                const move = moves.find((m) => m.event === (key as TaskEventType));
                if (move) requestMove(task, move);
              },
            }}
          >
            <Button
              size="small"
              type="text"
              aria-label={t('actions')}
              className="task-card__menu"
              data-testid="card-menu"
              icon={<MoreOutlined />}
              onPointerDown={(e) => e.stopPropagation()}
              onKeyDown={(e) => e.stopPropagation()}
              onClick={(e) => e.stopPropagation()}
            />
          </Dropdown>
        )}
      </div>
      {/* The light leads the title, where the eye starts, without crowding the chips above. */}
      <div className="task-card__title" onClick={() => onOpen(task.id)}>
        {showLight && <LightDot facts={task} subtle />}
        {task.title}
      </div>
      <div className="task-card__meta">
        <Tooltip title={t('leadDepartment')}>
          <span className="task-card__lead">{task.leadDepartment.name}</span>
        </Tooltip>
        {task.cooperatingDepartments.length > 0 && (
          <Tooltip title={`${t('cooperatingCount', { n: task.cooperatingDepartments.length })}：${task.cooperatingDepartments.map((d) => d.name).join('、')}`}>
            <span className="task-card__coop" aria-label={t('cooperatingCount', { n: task.cooperatingDepartments.length })}>
              +{task.cooperatingDepartments.length}
            </span>
          </Tooltip>
        )}
        <span style={{ flex: 1 }} />
        {task.dueDate && (
          <span className={task.overdue ? 'task-card__due task-card__due--overdue' : 'task-card__due'} title={task.overdue ? t('overdue') : t('dueDate')}>
            {task.overdue ? `⚠ ${task.dueDate}` : task.dueDate}
          </span>
        )}
      </div>
    </div>
  );
});
