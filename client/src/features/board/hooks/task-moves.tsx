import { useMutation } from '@apollo/client/react';
import { isBoardStage, type AvailableMove, type BoardStage } from '@workplan/shared';
import { App as AntApp, Input, Modal } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { errorMessageKey, toApiError } from '../../../app/errors';
import { useI18n } from '../../../i18n/i18n';
import { TRANSITION_TASK, type CardTask } from '../graphql/board.graphql';
import type { PendingMove } from '../utils/pending-moves';
import { useBoardRefresh } from './board-refresh';

export interface TaskMoves {
  pending: readonly PendingMove[];
  /** Moves a task: asks for a comment first where the event needs one, shows the move at once, rolls back if refused. */
  requestMove(task: CardTask, move: Pick<AvailableMove, 'event' | 'toStage' | 'needsComment'>): void;
}

const Context = createContext<TaskMoves | null>(null);

export function TaskMovesProvider({ children }: { children: ReactNode }) {
  const { t, event: eventName } = useI18n();
  const { message } = AntApp.useApp();
  const refresh = useBoardRefresh();
  const [transitionTask] = useMutation(TRANSITION_TASK);
  const [pending, setPending] = useState<PendingMove[]>([]);
  const [asking, setAsking] = useState<{ task: CardTask; move: Pick<AvailableMove, 'event' | 'toStage' | 'needsComment'> } | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState(false);

  const perform = useCallback(
    async (task: CardTask, move: Pick<AvailableMove, 'event' | 'toStage'>, text: string | null) => {
      const fromStage = task.stage as BoardStage;
      const toStage = isBoardStage(move.toStage) ? move.toStage : null;
      const changesColumn = toStage !== fromStage;
      const entry: PendingMove = { task, fromStage, toStage };
      if (changesColumn) setPending((list) => [...list.filter((m) => m.task.id !== task.id), entry]);
      const settle = () => setPending((list) => list.filter((m) => m !== entry));
      try {
        await transitionTask({
          variables: { input: { taskId: task.id, event: move.event, expectedVersion: task.version, comment: text, idempotencyKey: crypto.randomUUID() } },
        });
        refresh.notify([fromStage, toStage]);
        // Keep the card where the user put it until the columns have reloaded, so it never flickers back.
        setTimeout(settle, 800);
        void message.success(t('moved', { event: eventName(move.event), title: task.title }));
      } catch (error) {
        settle();
        const apiError = toApiError(error);
        const { key, params } = errorMessageKey(apiError);
        void message.error({ content: t(key, params), key: `move-${task.id}`, duration: 6 });
        if (apiError.code === 'VERSION_CONFLICT' || apiError.code === 'TRANSITION_NOT_ALLOWED') refresh.notify([fromStage, toStage]);
      }
    },
    [transitionTask, refresh, message, t, eventName],
  );

  const requestMove = useCallback<TaskMoves['requestMove']>(
    (task, move) => {
      if (move.needsComment) {
        setComment('');
        setCommentError(false);
        setAsking({ task, move });
      } else void perform(task, move, null);
    },
    [perform],
  );

  const confirmComment = () => {
    if (!asking) return;
    if (!comment.trim()) {
      setCommentError(true);
      return;
    }
    const { task, move } = asking;
    setAsking(null);
    void perform(task, move, comment.trim());
  };

  const value = useMemo(() => ({ pending, requestMove }), [pending, requestMove]);
  return (
    <Context.Provider value={value}>
      {children}
      <Modal
        open={asking !== null}
        title={asking ? t('commentTitle', { event: eventName(asking.move.event) }) : ''}
        okText={t('confirm')}
        cancelText={t('cancel')}
        onOk={confirmComment}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <p style={{ marginBottom: 8, color: '#666' }}>{asking?.task.code} {asking?.task.title}</p>
        <Input.TextArea
          autoFocus
          aria-label={t('commentPlaceholder')}
          rows={4}
          maxLength={5000}
          status={commentError ? 'error' : undefined}
          placeholder={t('commentPlaceholder')}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim()) setCommentError(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) confirmComment();
          }}
        />
        {commentError && <div role="alert" style={{ color: '#cf1322', marginTop: 4 }}>{t('commentRequired')}</div>}
      </Modal>
    </Context.Provider>
  );
}

export function useTaskMoves(): TaskMoves {
  const value = useContext(Context);
  if (!value) throw new Error('useTaskMoves outside TaskMovesProvider');
  return value;
}
