import { useMutation } from '@apollo/client/react';
import { App as AntApp, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { FILE_PROGRESS_REPORT, type ProgressStatus } from '../graphql/report.graphql';
import { useReportText } from '../report.messages';

interface Values {
  period?: string;
  narrative: string;
  problems?: string;
  status: ProgressStatus;
  percentDone?: number | null;
}

const STATUSES: ProgressStatus[] = ['ON_TRACK', 'AT_RISK', 'DELAYED'];

/**
 * 报送进度: one department's report for one period. `periods` are the ones it still owes; left
 * empty, the server files for the current period of the plan's cycle.
 */
export function FileReportForm({ taskId, periods, initialPeriod }: { taskId: string; periods: readonly string[]; initialPeriod?: string }) {
  const text = useReportText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<Values>();
  // TaskDetail carries progressReportCount (REQUEST_INSPECTION needs a report); its refetch also
  // updates the board's card, which is the same cached Task.
  const [fileReport, { loading }] = useMutation(FILE_PROGRESS_REPORT, { refetchQueries: ['TaskReports', 'TaskDetail'] });

  const submit = async (values: Values) => {
    try {
      const { data } = await fileReport({
        variables: {
          input: {
            taskId,
            period: values.period ?? null,
            narrative: values.narrative.trim(),
            problems: values.problems?.trim() || null,
            status: values.status,
            // Left empty, nothing is said about it (the light then goes by the last reported figure).
            ...(typeof values.percentDone === 'number' ? { percentDone: values.percentDone } : {}),
          },
        },
      });
      form.resetFields();
      void message.success(text.filed(text.periodName(data?.fileProgressReport.period ?? '')));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" data-testid="report-form" initialValues={{ period: initialPeriod, status: 'ON_TRACK' }} onFinish={(values) => void submit(values)} disabled={loading}>
      <Form.Item name="period" label={text.period}>
        <Select allowClear placeholder={text.periodPlaceholder} options={periods.map((p) => ({ value: p, label: text.periodName(p) }))} />
      </Form.Item>
      <Form.Item name="narrative" label={text.narrative} rules={[{ required: true, whitespace: true, message: text.narrativeRequired }]}>
        <Input.TextArea data-testid="report-narrative" rows={4} maxLength={20000} placeholder={text.narrativePlaceholder} />
      </Form.Item>
      <Form.Item name="problems" label={text.problems}>
        <Input.TextArea rows={2} maxLength={20000} placeholder={text.problemsPlaceholder} />
      </Form.Item>
      <Form.Item name="percentDone" label={text.percentDone} extra={text.percentDoneHint} rules={[{ type: 'integer', min: 0, max: 100, message: text.percentDoneRule }]}>
        <InputNumber data-testid="report-percent-done" min={0} max={100} step={5} precision={0} suffix="%" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="status" label={text.selfAssessment}>
        <Radio.Group optionType="button" options={STATUSES.map((s) => ({ value: s, label: text.progressStatus[s] }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="report-submit">
        {text.submit}
      </Button>
    </Form>
  );
}
