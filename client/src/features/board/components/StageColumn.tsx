import { useDroppable } from '@dnd-kit/core';
import { useQuery } from '@apollo/client/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BoardStage } from '@workplan/shared';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { BOARD_COLUMN } from '../graphql/board.graphql';
import { useOnBoardRefresh } from '../hooks/board-refresh';
import { useDragState } from '../hooks/drag-state';
import { useTaskMoves } from '../hooks/task-moves';
import type { ApiBoardFilter } from '../utils/board-filter';
import { overlayColumn, overlayCount } from '../utils/pending-moves';
import { TaskCard } from './TaskCard';

export const PAGE_SIZE = 30;
const CARD_HEIGHT = 104;

/** A drop zone for one stage (in one lane, in swimlane mode) that lights up when the machine allows the drop. */
export function StageDropZone({ stage, laneId, children, className }: { stage: BoardStage; laneId: string | null; children: ReactNode; className?: string }) {
  const drag = useDragState();
  const { setNodeRef, isOver } = useDroppable({ id: `drop:${laneId ?? ''}:${stage}`, data: { stage, laneId } });
  const sameLane = drag !== null && drag.laneId === laneId;
  const allowed = sameLane && drag.targets.has(stage);
  const state = drag === null ? '' : allowed ? (isOver ? 'drop--over' : 'drop--allowed') : 'drop--blocked';
  return (
    <div ref={setNodeRef} className={`${className ?? ''} ${state}`} data-stage={stage} data-drop={drag ? (allowed ? 'allowed' : 'blocked') : undefined}>
      {children}
    </div>
  );
}

/**
 * One column of the board without swimlanes. It loads a page of cards and the next as the user
 * scrolls, and only the cards in view are in the page (a column of 2,000 stays light).
 */
export function StageColumn({ stage, filter, onOpen, filtered }: { stage: BoardStage; filter: ApiBoardFilter; onOpen(id: string): void; filtered: boolean }) {
  const { t, stage: stageName } = useI18n();
  const { pending } = useTaskMoves();
  const { data, error, loading, fetchMore, refetch } = useQuery(BOARD_COLUMN, {
    variables: { filter, stage, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: false,
  });
  const column = data?.board.column;
  const loaded = column?.tasks.nodes.length ?? 0;
  useOnBoardRefresh(stage, () => void refetch({ first: Math.min(100, Math.max(PAGE_SIZE, loaded)), after: null }));

  // A live update can change a card's stage before this column reloads: never show it in two places.
  const tasks = overlayColumn(stage, (column?.tasks.nodes ?? []).filter((task) => task.stage === stage), pending);
  const count = overlayCount(stage, column?.totalCount ?? 0, pending);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: tasks.length, getScrollElement: () => scrollRef.current, estimateSize: () => CARD_HEIGHT, overscan: 6, gap: 8 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const loadingMore = useRef(false);
  const hasNextPage = column?.tasks.pageInfo.hasNextPage ?? false;
  const endCursor = column?.tasks.pageInfo.endCursor ?? null;

  useEffect(() => {
    if (!hasNextPage || loadingMore.current || lastIndex < tasks.length - 8) return;
    loadingMore.current = true;
    void fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        const prev = previous?.board?.column;
        if (!fetchMoreResult || !prev) return (fetchMoreResult ?? previous) as never;
        const next = fetchMoreResult.board.column;
        return { board: { ...previous.board, column: { ...next, tasks: { ...next.tasks, nodes: [...prev.tasks.nodes, ...next.tasks.nodes] } } } } as never;
      },
    }).finally(() => {
      loadingMore.current = false;
    });
  }, [hasNextPage, lastIndex, tasks.length, endCursor, fetchMore]);

  return (
    <section className="board-column" aria-label={stageName(stage)} data-testid={`column-${stage}`}>
      <header className="board-column__header">
        <span className={`stage-dot stage-dot--${stage}`} />
        <span className="board-column__title">{stageName(stage)}</span>
        <span className="board-column__count" data-testid={`count-${stage}`}>{column ? count : '…'}</span>
      </header>
      <StageDropZone stage={stage} laneId={null} className="board-column__body">
        <div ref={scrollRef} className="board-column__scroll">
          {error && !column ? (
            <Alert type="error" showIcon message={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} />
          ) : loading && !column ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : tasks.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('noMatch') : t('noTasks')} />
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const task = tasks[item.index];
                return (
                  <div key={task.id} data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                    <TaskCard task={task} laneId={null} onOpen={onOpen} />
                  </div>
                );
              })}
            </div>
          )}
          {hasNextPage && tasks.length > 0 && <div className="board-column__more">{t('loading')}</div>}
        </div>
      </StageDropZone>
    </section>
  );
}
