import type { FindingEventType } from '@workplan/shared';
import { RequiredTextModal } from '../../task-work/RequiredTextModal';
import { useFindingText } from '../finding.messages';

/** Asks for the words a step needs (整改情况, or why the fix falls short) before anything is sent. */
export function FindingCommentModal({ event, sending, onSubmit, onCancel }: { event: FindingEventType | null; sending: boolean; onSubmit(comment: string): void; onCancel(): void }) {
  const text = useFindingText();
  return (
    <RequiredTextModal
      open={event !== null}
      title={event ? text.commentTitle(text.event[event]) : ''}
      placeholder={event ? text.commentPlaceholder[event] : undefined}
      requiredText={text.commentRequired}
      testId="finding-comment"
      sending={sending}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}
