import { useMutation } from '@apollo/client/react';
import { App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n/i18n';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { RECORD_INSPECTION_VISIT } from '../graphql/inspection.graphql';
import { useInspectionText } from '../inspection.messages';

interface Values {
  visitedOn: Dayjs;
  conclusion?: string;
}

/** 登记检查情况: the day the team was on site and its overall conclusion. */
export function RecordVisitModal({ inspectionId, onClose }: { inspectionId: string | null; onClose(): void }) {
  const text = useInspectionText();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<Values>();
  // The answer is the whole inspection, so the cached list updates by itself.
  const [record, { loading }] = useMutation(RECORD_INSPECTION_VISIT);

  const submit = async (values: Values) => {
    if (!inspectionId) return;
    try {
      await record({ variables: { input: { inspectionId, visitedOn: values.visitedOn.format('YYYY-MM-DD'), conclusion: values.conclusion?.trim() || null } } });
      void message.success(text.recorded);
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Modal open={inspectionId !== null} title={text.recordVisit} okText={t('confirm')} cancelText={t('cancel')} confirmLoading={loading} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" data-testid="record-visit-form" initialValues={{ visitedOn: dayjs() }} onFinish={(values) => void submit(values)} preserve={false}>
        <Form.Item name="visitedOn" label={text.visitedOn} rules={[{ required: true, message: text.dateRequired }]}>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="conclusion" label={text.conclusion}>
          <Input.TextArea autoFocus rows={4} maxLength={10000} placeholder={text.conclusionPlaceholder} data-testid="visit-conclusion" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
