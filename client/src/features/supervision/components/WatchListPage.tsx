import { useQuery } from '@apollo/client/react';
import { daysBetween, periodOf, scopeOf, todayIn, type Light } from '@workplan/shared';
import { Alert, Badge, Button, Card, Empty, Select, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState, type HTMLAttributes } from 'react';
import { AppHeader } from '../../../app/AppHeader';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/session';
import { bulletinPath, supervisionLedgerPath, useBulletinText } from '../../bulletin';
import { ExportButton } from '../../export';
import { TaskDrawer } from '../../board/components/TaskDrawer';
import { BOARD_OPTIONS } from '../../board/graphql/board.graphql';
import { BoardRefreshProvider, useOnBoardRefresh } from '../../board/hooks/board-refresh';
import { TaskMovesProvider } from '../../board/hooks/task-moves';
import { WATCH_GROUPS, WATCH_LIST, type WatchedTask, type WatchGroup } from '../graphql/supervision.graphql';
import { useWatchFilter } from '../hooks/use-watch-filter';
import { useSupervisionText } from '../supervision.messages';
import { LIGHT_COLOR, LightDot, ReasonTags } from './TaskLight';

/** The colour a group stands for: overdue is red, the rest amber (a task's own dot may be redder). */
const GROUP_LIGHT: Record<WatchGroup, Light> = { overdue: 'RED', dueSoon: 'YELLOW', behindPace: 'YELLOW', reportsMissed: 'YELLOW', reportsReturned: 'YELLOW', signedLate: 'YELLOW', stale: 'YELLOW' };

/** 督办: tasks whose light is not green, by reason. Rows open the task drawer, as on the board. */
export function WatchListPage() {
  return (
    <BoardRefreshProvider>
      <TaskMovesProvider>
        <Watch />
      </TaskMovesProvider>
    </BoardRefreshProvider>
  );
}

function Watch() {
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  return (
    <div className="board-page">
      <AppHeader onOpenTask={setOpenTaskId} />
      <main className="watch-page" data-testid="watch-page">
        <WatchList onOpen={setOpenTaskId} />
      </main>
      <TaskDrawer taskId={openTaskId} onClose={() => setOpenTaskId(null)} />
    </div>
  );
}

/** The filters, the five groups with their counts, and the rows. */
export function WatchList({ onOpen }: { onOpen(taskId: string): void }) {
  const text = useSupervisionText();
  const { stage: stageName, language } = useI18n();
  const [filter, setFilter] = useWatchFilter();
  const options = useQuery(BOARD_OPTIONS, { fetchPolicy: 'cache-first' });
  const department = options.data?.departments.find((d) => d.code === filter.departmentCode) ?? null;
  // A department in the link cannot be applied until the departments are known: wait rather than show everything.
  const waiting = filter.departmentCode !== null && !options.data;
  const watch = useQuery(WATCH_LIST, {
    variables: { planId: filter.planId, departmentId: department?.id ?? null },
    skip: waiting,
    fetchPolicy: 'cache-and-network',
  });
  // A move made from the drawer changes what needs chasing.
  useOnBoardRefresh(null, () => void watch.refetch());

  const list = watch.data?.watchList;
  const total = useMemo(() => (list ? new Set(WATCH_GROUPS.flatMap((g) => list[g].map((t) => t.id))).size : 0), [list]);
  const today = todayIn();
  const jump = useCallback((group: WatchGroup) => document.getElementById(`watch-group-${group}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), []);

  const columns: TableColumnsType<WatchedTask> = [
    { key: 'light', width: 36, render: (_, task) => <LightDot facts={task} /> },
    { title: text.code, dataIndex: 'code', width: 96, render: (code: string) => <span className="task-card__code">{code}</span> },
    {
      title: text.task,
      key: 'title',
      render: (_, task) => (
        <div className="watch-row__title">
          <div>{task.title}</div>
          {!filter.planId && task.plan && <div className="watch-row__plan">{task.plan.title}</div>}
        </div>
      ),
    },
    { title: text.lead, key: 'lead', width: 170, ellipsis: true, render: (_, task) => task.leadDepartment.name },
    { key: 'stage', width: language === 'en' ? 120 : 76, render: (_, task) => <Tag className="task-card__chip">{stageName(task.stage)}</Tag> },
    {
      title: text.due,
      dataIndex: 'dueDate',
      width: 104,
      render: (due: string | null, task) => {
        if (!due) return '—';
        // Calendar days, as a person counts them when chasing; the light itself may count working days.
        const left = daysBetween(today, due);
        return (
          <div className="watch-row__due">
            <span className={task.overdue ? 'task-card__due--overdue' : undefined}>{due}</span>
            {left < 0 ? <div className="watch-row__late">{text.daysOverdue(-left)}</div> : left <= 30 && <div className="watch-row__left">{text.daysLeft(left)}</div>}
          </div>
        );
      },
    },
    { title: text.reasons, key: 'reasons', width: 230, render: (_, task) => <ReasonTags facts={task} /> },
  ];

  let body;
  if (watch.error && !watch.data) {
    body = <Alert type="error" showIcon title={text.loadFailed} description={watch.error.message} action={<Button size="small" onClick={() => void watch.refetch()}>{text.retry}</Button>} />;
  } else if (!list) {
    body = (
      <div data-testid="watch-loading">
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  } else if (total === 0) {
    body = (
      <Card size="small">
        <Empty data-testid="watch-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.nothingToWatch} />
      </Card>
    );
  } else {
    body = WATCH_GROUPS.map((group) => (
      <Card
        key={group}
        id={`watch-group-${group}`}
        size="small"
        className="watch-group"
        data-testid={`watch-group-${group}`}
        data-count={list[group].length}
        title={
          <span className="watch-group__title">
            <span className={`light-dot light-dot--${GROUP_LIGHT[group]}`} aria-hidden />
            {text.groups[group]}
            <Badge count={list[group].length} showZero color={list[group].length ? LIGHT_COLOR[GROUP_LIGHT[group]] : '#d9d9d9'} />
            <Typography.Text type="secondary" className="watch-group__hint">{text.groupHint[group]}</Typography.Text>
          </span>
        }
      >
        {list[group].length === 0 ? (
          <Typography.Text type="secondary">{text.groupEmpty}</Typography.Text>
        ) : (
          <Table<WatchedTask>
            size="small"
            rowKey="id"
            dataSource={list[group]}
            columns={columns}
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            onRow={(task) => ({
              'data-testid': 'watch-row',
              'data-task-id': task.id,
              'data-light': task.light,
              tabIndex: 0,
              style: { cursor: 'pointer' },
              onClick: () => onOpen(task.id),
              onKeyDown: (e) => {
                if (e.key === 'Enter') onOpen(task.id);
              },
            }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
    ));
  }

  return (
    <>
      <div className="watch-toolbar" role="toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>{text.watchTitle}</Typography.Title>
        <Select
          data-testid="watch-plan"
          style={{ minWidth: 220, maxWidth: 360 }}
          value={filter.planId ?? ''}
          onChange={(planId: string) => setFilter({ planId: planId || null })}
          options={[{ value: '', label: text.allPlans }, ...(options.data?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))]}
          aria-label={text.allPlans}
          popupMatchSelectWidth={false}
        />
        <Select
          data-testid="watch-department"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          style={{ minWidth: 220 }}
          placeholder={text.departmentPlaceholder}
          value={filter.departmentCode ?? undefined}
          onChange={(code: string | undefined) => setFilter({ departmentCode: code ?? null })}
          options={(options.data?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
          aria-label={text.allDepartments}
        />
        {list && total > 0 && (
          <nav className="watch-summary" aria-label={text.watchTitle}>
            {WATCH_GROUPS.map((group) => (
              <Button key={group} size="small" type="text" onClick={() => jump(group)} disabled={list[group].length === 0} data-testid={`watch-jump-${group}`}>
                {text.groups[group]} <strong style={{ color: list[group].length ? LIGHT_COLOR[GROUP_LIGHT[group]] : undefined }}>{list[group].length}</strong>
              </Button>
            ))}
          </nav>
        )}
        <span style={{ flex: 1 }} />
        <Typography.Text type="secondary" className="watch-toolbar__hint">{text.watchHint}</Typography.Text>
        <SupervisionOutputs planId={filter.planId} departmentCode={filter.departmentCode} />
      </div>
      <div className="watch-body">{body}</div>
    </>
  );
}

/**
 * The office's outputs for this quarter: the bulletin (督办通报, one plan's, printable) and the
 * ledger (督办台账, the list's plan and department). Only for those the permission table lets read them.
 */
function SupervisionOutputs({ planId, departmentCode }: { planId: string | null; departmentCode: string | null }) {
  const text = useBulletinText();
  const { user } = useSession();
  if (scopeOf(user.role, 'supervisionBulletin') === null) return null;
  const period = periodOf(todayIn(), 'QUARTER');
  const bulletin = (
    <Button href={planId ? bulletinPath(planId, period) : undefined} disabled={!planId} data-testid="watch-bulletin">
      {text.title}
    </Button>
  );
  return (
    <>
      {planId ? bulletin : <Tooltip title={text.choosePlan}><span style={{ display: 'inline-block' }}>{bulletin}</span></Tooltip>}
      {scopeOf(user.role, 'exportSupervisionLedger') !== null && (
        <ExportButton path={supervisionLedgerPath({ planId, departmentCode }, period)} label={text.exportLedger} fallbackName="督办台账.xlsx" data-testid="watch-export-ledger" />
      )}
    </>
  );
}
