import { Form, Input, InputNumber, Modal } from 'antd';
import { useI18n } from '../../../i18n/i18n';
import { useAssignmentText } from '../assignment.messages';
import type { AssignmentReportInput } from '../graphql/assignment.graphql';

interface Values {
  percentDone: number;
  workDone: string;
  problems?: string;
  supportNeeded?: string;
  nextPlan?: string;
}

/**
 * 填报办理进展: a unit's report on its own assignment. Files are attached on the filed report's row
 * (ReportAttachments) while it awaits review: an upload needs the report to exist, and a failed
 * upload then never loses the text typed here.
 */
export function AssignmentReportModal({
  assignmentId,
  initialPercent,
  sending,
  onSubmit,
  onCancel,
}: {
  assignmentId: string | null;
  initialPercent: number | null;
  sending: boolean;
  onSubmit(input: AssignmentReportInput): void;
  onCancel(): void;
}) {
  const text = useAssignmentText();
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const optional = (s: string) => `${s}（${text.optional}）`;
  return (
    <Modal
      open={assignmentId !== null}
      title={text.reportTitle}
      okText={text.submit}
      cancelText={t('cancel')}
      confirmLoading={sending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="assignment-report-form"
        preserve={false}
        initialValues={{ percentDone: initialPercent ?? undefined }}
        onFinish={(v) =>
          assignmentId &&
          onSubmit({
            assignmentId,
            percentDone: v.percentDone,
            workDone: v.workDone.trim(),
            problems: v.problems?.trim() || null,
            supportNeeded: v.supportNeeded?.trim() || null,
            nextPlan: v.nextPlan?.trim() || null,
          })
        }
      >
        <Form.Item name="percentDone" label={text.percentDone} rules={[{ required: true, type: 'integer', min: 0, max: 100, message: text.percentRule }]}>
          <InputNumber data-testid="assignment-percent" min={0} max={100} step={5} precision={0} suffix="%" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="workDone" label={text.workDone} rules={[{ required: true, whitespace: true, message: text.workDoneRequired }]}>
          <Input.TextArea data-testid="assignment-work-done" rows={3} maxLength={20000} placeholder={text.workDonePlaceholder} />
        </Form.Item>
        <Form.Item name="problems" label={optional(text.problems)}>
          <Input.TextArea data-testid="assignment-problems" rows={2} maxLength={20000} />
        </Form.Item>
        <Form.Item name="supportNeeded" label={optional(text.supportNeeded)}>
          <Input.TextArea data-testid="assignment-support-needed" rows={2} maxLength={20000} />
        </Form.Item>
        <Form.Item name="nextPlan" label={optional(text.nextPlan)}>
          <Input.TextArea data-testid="assignment-next-plan" rows={2} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
