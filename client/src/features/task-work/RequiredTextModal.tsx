import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * Asks for the words a step needs (a reason, a comment) before anything is sent; Ctrl+Enter sends.
 * Stays open while sending, so a refused request does not lose what was written.
 */
export function RequiredTextModal(props: {
  open: boolean;
  title: string;
  placeholder?: string;
  /** Shown when someone confirms with nothing written. */
  requiredText: string;
  testId: string;
  sending: boolean;
  onSubmit(text: string): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = () => {
    if (!value.trim()) return setMissing(true);
    props.onSubmit(value.trim());
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={props.sending}
      onOk={confirm}
      onCancel={props.onCancel}
      afterClose={() => {
        setValue('');
        setMissing(false);
      }}
      destroyOnHidden
    >
      <Input.TextArea
        autoFocus
        data-testid={props.testId}
        aria-label={props.title}
        rows={4}
        maxLength={5000}
        status={missing ? 'error' : undefined}
        placeholder={props.placeholder}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) confirm();
        }}
      />
      {missing && <div role="alert" style={{ color: '#cf1322', marginTop: 4 }}>{props.requiredText}</div>}
    </Modal>
  );
}
