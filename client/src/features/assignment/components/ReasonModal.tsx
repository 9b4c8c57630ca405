import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useAssignmentText } from '../assignment.messages';

/**
 * Asks for the reason a step needs (a return, a send-back) before anything is sent; stays open while
 * sending, so a refused request does not lose what was written.
 */
export function ReasonModal({ open, title, placeholder, sending, onSubmit, onCancel }: { open: boolean; title: string; placeholder: string; sending: boolean; onSubmit(reason: string): void; onCancel(): void }) {
  const text = useAssignmentText();
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = () => {
    if (!reason.trim()) return setMissing(true);
    onSubmit(reason.trim());
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={sending}
      onOk={confirm}
      onCancel={onCancel}
      afterClose={() => {
        setReason('');
        setMissing(false);
      }}
      destroyOnHidden
    >
      <Input.TextArea
        autoFocus
        data-testid="assignment-reason"
        aria-label={title}
        rows={4}
        maxLength={5000}
        status={missing ? 'error' : undefined}
        placeholder={placeholder}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
      />
      {missing && <div role="alert" style={{ color: '#cf1322', marginTop: 4 }}>{text.reasonRequired}</div>}
    </Modal>
  );
}
