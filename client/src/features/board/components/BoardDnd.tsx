import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { taskFactsOf, type AvailableMove, type BoardStage } from '@workplan/shared';
import { App as AntApp } from 'antd';
import { useState, type ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import type { CardTask } from '../graphql/board.graphql';
import { DragStateContext, type DragState } from '../hooks/drag-state';
import { useTaskMoves } from '../hooks/task-moves';
import { dropTargets } from '../utils/drop-targets';
import { dropZoneKeyboardCoordinates } from './keyboard-coordinates';
import { TaskCard } from './TaskCard';

const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length ? within : rectIntersection(args);
};

/** Dragging a card is asking for a transition: the shared machine says where it may land. */
export function BoardDnd({ children, onOpen }: { children: ReactNode; onOpen(id: string): void }) {
  const { actor } = useSession();
  const { t, stage: stageName, event: eventName } = useI18n();
  const { requestMove } = useTaskMoves();
  const { message } = AntApp.useApp();
  // The allowed moves are worked out once, when the card is picked up; drop and hint reuse them.
  const [drag, setDrag] = useState<(DragState & { task: CardTask; moves: Map<BoardStage, AvailableMove> }) | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: dropZoneKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } }),
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    const { task, laneId } = active.data.current as { task: CardTask; laneId: string | null };
    const moves = dropTargets(task.snapshot, task.stage as BoardStage, actor, taskFactsOf(task));
    setDrag({ task, taskId: task.id, laneId, moves, targets: new Set(moves.keys()) });
  };

  const onDragEnd = ({ over }: DragEndEvent) => {
    const current = drag;
    setDrag(null);
    if (!current || !over) return;
    const { stage, laneId } = over.data.current as { stage: BoardStage; laneId: string | null };
    if (stage === current.task.stage) return;
    const move = laneId === current.laneId ? current.moves.get(stage) : undefined;
    if (!move) {
      void message.warning(t('dropNotAllowed', { stage: stageName(stage) }));
      return;
    }
    requestMove(current.task, move);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDrag(null)}
      accessibility={{
        screenReaderInstructions: { draggable: t('keyboardHint') },
        announcements: {
          onDragStart: () => (drag ? `${drag.task.code} ${drag.task.title}` : ''),
          onDragOver: ({ over }) => (over ? stageName((over.data.current as { stage: string }).stage) : ''),
          onDragEnd: ({ over }) => (over ? stageName((over.data.current as { stage: string }).stage) : t('cancel')),
          onDragCancel: () => t('cancel'),
        },
      }}
    >
      <DragStateContext.Provider value={drag}>{children}</DragStateContext.Provider>
      <DragOverlay dropAnimation={null}>{drag ? <TaskCard task={drag.task} laneId={drag.laneId} onOpen={onOpen} overlay /> : null}</DragOverlay>
      {drag && drag.targets.size > 0 && (
        <div className="drag-hint" role="status">
          {[...drag.moves].map(([s, move]) => `${stageName(s)}（${eventName(move.event)}）`).join(' · ')}
        </div>
      )}
    </DndContext>
  );
}
