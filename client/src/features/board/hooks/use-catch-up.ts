import { useApolloClient } from '@apollo/client/react';
import { BOARD_STAGES, type BoardStage } from '@workplan/shared';
import { useEffect, useRef } from 'react';
import { useLiveStatus } from '../../../app/live-status';
import { TASK_CHANGES } from '../graphql/board.graphql';
import type { BoardRefresh } from './board-refresh';

/**
 * Live updates only reach a connected board. When the connection comes back, ask the server what
 * committed since the board (or the last catch-up) was read, and reload just the columns those
 * changes touched — or all of them if more changed than one answer holds.
 */
export function useCatchUp(boardCursor: string | undefined, refresh: BoardRefresh): void {
  const client = useApolloClient();
  const live = useLiveStatus();
  const cursor = useRef<string | undefined>(undefined);
  const wasLive = useRef(live);

  // A fresh board read is a fresh starting point.
  useEffect(() => {
    if (boardCursor) cursor.current = boardCursor;
  }, [boardCursor]);

  useEffect(() => {
    const reconnected = live && !wasLive.current;
    wasLive.current = live;
    if (!reconnected || !cursor.current) return;
    void client
      .query({ query: TASK_CHANGES, variables: { after: cursor.current }, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (!data) return;
        cursor.current = data.taskChanges.cursor;
        const stages = data.taskChanges.complete
          ? data.taskChanges.changes.flatMap((c) => (c.transition ? [c.transition.fromStage, c.transition.toStage] : [...BOARD_STAGES]))
          : [...BOARD_STAGES];
        if (stages.length) refresh.notify(stages as Array<BoardStage | null>);
      })
      .catch(() => refresh.notify(BOARD_STAGES)); // cannot tell what changed: reload it all
  }, [live, client, refresh]);
}
