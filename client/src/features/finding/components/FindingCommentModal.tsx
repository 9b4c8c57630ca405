import type { FindingEventType } from '@workplan/shared';
import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useFindingText } from '../finding.messages';

/**
 * Asks for the words a step needs (整改情况, or why the fix falls short) before anything is sent.
 * Stays open while sending, so a refused request does not lose what was written.
 */
export function FindingCommentModal({ event, sending, onSubmit, onCancel }: { event: FindingEventType | null; sending: boolean; onSubmit(comment: string): void; onCancel(): void }) {
  const text = useFindingText();
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  const confirm = () => {
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(comment.trim());
  };

  return (
    <Modal
      open={event !== null}
      title={event ? text.commentTitle(text.event[event]) : ''}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={sending}
      onOk={confirm}
      onCancel={onCancel}
      afterClose={() => {
        setComment('');
        setMissing(false);
      }}
      destroyOnHidden
    >
      <Input.TextArea
        autoFocus
        data-testid="finding-comment"
        aria-label={event ? text.commentTitle(text.event[event]) : undefined}
        rows={4}
        maxLength={5000}
        status={missing ? 'error' : undefined}
        placeholder={event ? text.commentPlaceholder[event] : undefined}
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) confirm();
        }}
      />
      {missing && <div role="alert" style={{ color: '#cf1322', marginTop: 4 }}>{text.commentRequired}</div>}
    </Modal>
  );
}
