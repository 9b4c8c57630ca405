import { useQuery, useSubscription } from '@apollo/client/react';
import { BOARD_STAGES } from '@workplan/shared';
import { Alert, Button, Spin } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { AppHeader } from '../../../app/AppHeader';
import { useI18n } from '../../../i18n/i18n';
import { BOARD_OPTIONS, BOARD_SUMMARY, TASK_CHANGED } from '../graphql/board.graphql';
import { BoardRefreshProvider, useBoardRefresh, useOnBoardRefresh } from '../hooks/board-refresh';
import { TaskMovesProvider } from '../hooks/task-moves';
import { useCatchUp } from '../hooks/use-catch-up';
import { useBoardFilter } from '../hooks/use-board-filter';
import { isFiltered, toApiFilter } from '../utils/board-filter';
import { BoardDnd } from './BoardDnd';
import { BoardToolbar } from './BoardToolbar';
import { StageColumn } from './StageColumn';
import { SwimlaneBoard } from './SwimlaneBoard';
import { TaskDrawer } from './TaskDrawer';

export function BoardPage() {
  return (
    <BoardRefreshProvider>
      <TaskMovesProvider>
        <Board />
      </TaskMovesProvider>
    </BoardRefreshProvider>
  );
}

function Board() {
  const { t } = useI18n();
  const [filter, setFilter, clearFilter] = useBoardFilter();
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const options = useQuery(BOARD_OPTIONS, { fetchPolicy: 'cache-first' });
  const idByCode = useMemo(() => new Map((options.data?.departments ?? []).map((d) => [d.code, d.id])), [options.data]);
  // Until departments are known, a department filter in the URL cannot be applied: wait rather than show everything.
  const waitingForDepartments = filter.departmentCodes.length > 0 && !options.data;
  const apiFilter = useMemo(() => toApiFilter(filter, idByCode), [filter, idByCode]);
  const summary = useQuery(BOARD_SUMMARY, { variables: { filter: apiFilter, lanes: filter.swimlanes }, skip: waitingForDepartments });
  const refresh = useBoardRefresh();
  useOnBoardRefresh(null, () => void summary.refetch());
  useCatchUp(summary.data?.board.changesCursor, refresh);

  // Live: every change anyone commits reaches this board; the columns it touched reload.
  useSubscription(TASK_CHANGED, {
    onData: ({ data }) => {
      const change = data.data?.taskChanged;
      if (change) refresh.notify(change.transition ? [change.transition.fromStage as never, change.transition.toStage as never] : BOARD_STAGES);
    },
  });

  const open = useCallback((id: string) => setOpenTaskId(id), []);
  const filtered = isFiltered(filter);

  return (
    <div className="board-page">
      <AppHeader total={summary.data?.board.totalCount} onOpenTask={open} />
      <BoardToolbar filter={filter} onChange={setFilter} onClear={clearFilter} options={options.data} />
      {summary.error && !summary.data && (
        <Alert type="error" showIcon style={{ margin: 12 }} message={t('loadFailed')} action={<Button size="small" onClick={() => void summary.refetch()}>{t('retry')}</Button>} />
      )}
      <main className="board-area">
        {waitingForDepartments ? (
          <Spin style={{ margin: 64 }} />
        ) : (
          <BoardDnd onOpen={open}>
            {filter.swimlanes ? (
              <>
                <div className="board-columns-header">
                  {BOARD_STAGES.map((stage) => (
                    <ColumnHeader key={stage} stage={stage} count={summary.data?.board.columns.find((c) => c.stage === stage)?.totalCount} />
                  ))}
                </div>
                {summary.data?.board.lanes ? <SwimlaneBoard lanes={summary.data.board.lanes} filter={apiFilter} onOpen={open} filtered={filtered} /> : <Spin style={{ margin: 64 }} />}
              </>
            ) : (
              <div className="board-columns">
                {BOARD_STAGES.map((stage) => (
                  <StageColumn key={stage} stage={stage} filter={apiFilter} onOpen={open} filtered={filtered} />
                ))}
              </div>
            )}
          </BoardDnd>
        )}
      </main>
      <TaskDrawer taskId={openTaskId} onClose={() => setOpenTaskId(null)} />
    </div>
  );
}

function ColumnHeader({ stage, count }: { stage: (typeof BOARD_STAGES)[number]; count: number | undefined }) {
  const { stage: stageName } = useI18n();
  return (
    <div className="board-column__header" data-testid={`lane-header-${stage}`}>
      <span className={`stage-dot stage-dot--${stage}`} />
      <span className="board-column__title">{stageName(stage)}</span>
      <span className="board-column__count">{count ?? '…'}</span>
    </div>
  );
}
