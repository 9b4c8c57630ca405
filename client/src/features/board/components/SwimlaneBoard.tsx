import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { BOARD_STAGES, type BoardStage } from '@workplan/shared';
import { Button, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { BOARD_COLUMN, CARD_FIELDS, type CardTask, type Page, type SummaryData } from '../graphql/board.graphql';
import { useOnBoardRefresh } from '../hooks/board-refresh';
import { useInView } from '../hooks/use-in-view';
import { useTaskMoves } from '../hooks/task-moves';
import type { ApiBoardFilter } from '../utils/board-filter';
import { overlayColumn, overlayCount } from '../utils/pending-moves';
import { StageDropZone } from './StageColumn';
import { TaskCard } from './TaskCard';

const CELL_PAGE = 20;

const BOARD_LANE: TypedDocumentNode<{ board: { columns: Array<{ stage: BoardStage; totalCount: number; tasks: Page }> } }, { filter: ApiBoardFilter & { laneDepartmentId: string }; first: number }> = gql`
  query BoardLane($filter: BoardFilter, $first: Int!) {
    board(filter: $filter) { columns { stage totalCount tasks(first: $first) { nodes { ...CardFields } pageInfo { endCursor hasNextPage } } } }
  }
  ${CARD_FIELDS}
`;

type Lane = NonNullable<SummaryData['board']['lanes']>[number];

/** The board split into one row per lead department, each collapsible, with lane and column totals. */
export function SwimlaneBoard({ lanes, filter, onOpen, filtered }: { lanes: Lane[]; filter: ApiBoardFilter; onOpen(id: string): void; filtered: boolean }) {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  if (lanes.length === 0) return <Empty style={{ marginTop: 64 }} description={filtered ? t('noMatch') : t('noTasks')} />;
  return (
    <div className="swimlanes">
      {lanes.map((lane) => {
        const isCollapsed = collapsed.has(lane.department.id);
        const toggle = () =>
          setCollapsed((set) => {
            const next = new Set(set);
            if (next.has(lane.department.id)) next.delete(lane.department.id);
            else next.add(lane.department.id);
            return next;
          });
        return (
          <section key={lane.department.id} className="swimlane" data-testid="swimlane" aria-label={lane.department.name}>
            <header className="swimlane__header">
              <Button type="text" size="small" icon={isCollapsed ? <RightOutlined /> : <DownOutlined />} aria-label={isCollapsed ? t('expand') : t('collapse')} aria-expanded={!isCollapsed} onClick={toggle} />
              <span className="swimlane__name" onClick={toggle}>{lane.department.name}</span>
              <span className="swimlane__total">{lane.totalCount}</span>
              {isCollapsed && (
                <span className="swimlane__counts">
                  {lane.columns.map((c) => (
                    <span key={c.stage} className="swimlane__count"><span className={`stage-dot stage-dot--${c.stage}`} />{c.totalCount}</span>
                  ))}
                </span>
              )}
            </header>
            {!isCollapsed && <LaneCells lane={lane} filter={filter} onOpen={onOpen} />}
          </section>
        );
      })}
    </div>
  );
}

function LaneCells({ lane, filter, onOpen }: { lane: Lane; filter: ApiBoardFilter; onOpen(id: string): void }) {
  const [ref, inView] = useInView<HTMLDivElement>();
  const laneFilter = { ...filter, laneDepartmentId: lane.department.id };
  const { data, refetch } = useQuery(BOARD_LANE, { variables: { filter: laneFilter, first: CELL_PAGE }, skip: !inView });
  useOnBoardRefresh(null, () => {
    if (inView) void refetch();
  });
  return (
    <div ref={ref} className="swimlane__cells">
      {BOARD_STAGES.map((stage) => {
        const column = data?.board.columns.find((c) => c.stage === stage);
        const fallback = lane.columns.find((c) => c.stage === stage)?.totalCount ?? 0;
        return (
          <StageDropZone key={stage} stage={stage} laneId={lane.department.id} className="swimlane__cell">
            {column ? <LaneCell stage={stage} laneId={lane.department.id} filter={laneFilter} tasks={column.tasks} total={column.totalCount} onOpen={onOpen} /> : fallback > 0 ? <Skeleton active paragraph={{ rows: 1 }} title={false} /> : null}
          </StageDropZone>
        );
      })}
    </div>
  );
}

function LaneCell(props: { stage: BoardStage; laneId: string; filter: ApiBoardFilter & { laneDepartmentId: string }; tasks: Page; total: number; onOpen(id: string): void }) {
  const { t } = useI18n();
  const client = useApolloClient();
  const { pending } = useTaskMoves();
  const [more, setMore] = useState<{ nodes: CardTask[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const laneMoves = pending.filter((m) => m.task.leadDepartment.id === props.laneId);
  const serverTasks = [...props.tasks.nodes, ...(more?.nodes ?? [])].filter((task) => task.stage === props.stage);
  const tasks = overlayColumn(props.stage, serverTasks, laneMoves);
  const hasNextPage = more ? more.hasNextPage : props.tasks.pageInfo.hasNextPage;
  const loadMore = async () => {
    const { data } = await client.query({
      query: BOARD_COLUMN,
      variables: { filter: props.filter, stage: props.stage, first: 50, after: more?.endCursor ?? props.tasks.pageInfo.endCursor },
      fetchPolicy: 'network-only',
    });
    if (!data) return;
    const page = data.board.column.tasks;
    setMore({ nodes: [...(more?.nodes ?? []), ...page.nodes], endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage });
  };
  return (
    <>
      <div className="swimlane__cell-count">{overlayCount(props.stage, props.total, laneMoves)}</div>
      {tasks.map((task) => (
        <TaskCard key={task.id} task={task} laneId={props.laneId} onOpen={props.onOpen} />
      ))}
      {hasNextPage && (
        <Button size="small" type="link" onClick={() => void loadMore()}>
          {t('loadMore')}
        </Button>
      )}
    </>
  );
}
