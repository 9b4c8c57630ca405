import type { BoardStage } from '@workplan/shared';
import { createContext, useContext } from 'react';

/** While a card is dragged: which columns (and which lane) may take it. */
export interface DragState {
  taskId: string;
  laneId: string | null;
  targets: ReadonlySet<BoardStage>;
}

export const DragStateContext = createContext<DragState | null>(null);
export const useDragState = () => useContext(DragStateContext);
