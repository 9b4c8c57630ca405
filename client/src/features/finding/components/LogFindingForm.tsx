import { useMutation } from '@apollo/client/react';
import type { FindingSeverity } from '@workplan/shared';
import { App as AntApp, Button, DatePicker, Flex, Form, Input, Radio, Typography, type GetRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef } from 'react';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { useFindingText } from '../finding.messages';
import { LOG_FINDING } from '../graphql/finding.graphql';

interface Values {
  severity: FindingSeverity;
  description: string;
  deadline: Dayjs | null;
}

/** Rectification is usually asked for within a month. */
const DEFAULT_DEADLINE_DAYS = 30;

/**
 * 登记问题, built to take under a minute on site: the description has the focus, severity and
 * deadline come filled in, Ctrl+Enter sends, and the form is ready for the next one afterwards.
 */
export function LogFindingForm({ taskId }: { taskId: string }) {
  const text = useFindingText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<Values>();
  const description = useRef<GetRef<typeof Input.TextArea>>(null);
  const initialValues = useMemo<Values>(() => ({ severity: 'MINOR', description: '', deadline: dayjs().add(DEFAULT_DEADLINE_DAYS, 'day') }), []);
  // TaskDetail carries the open-finding counts the task's PASS depends on.
  const [logFinding, { loading }] = useMutation(LOG_FINDING, { refetchQueries: ['TaskFindings', 'TaskDetail'] });

  const submit = async (values: Values) => {
    try {
      await logFinding({
        variables: { input: { taskId, severity: values.severity, description: values.description.trim(), rectificationDeadline: values.deadline?.format('YYYY-MM-DD') ?? null } },
      });
      form.resetFields();
      // The form stays enabled while sending so the focus can go straight back for the next finding.
      description.current?.focus();
      void message.success(text.logged);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" data-testid="log-finding-form" initialValues={initialValues} onFinish={(values) => void submit(values)}>
      <Form.Item name="description" label={text.description} rules={[{ required: true, whitespace: true, message: text.descriptionRequired }]}>
        <Input.TextArea
          ref={description}
          autoFocus
          data-testid="finding-description"
          rows={3}
          maxLength={5000}
          placeholder={text.descriptionPlaceholder}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !loading) form.submit();
          }}
        />
      </Form.Item>
      <Flex wrap gap={16}>
        <Form.Item name="severity" label={text.severityLabel}>
          {/* The test ids sit on the visible labels: antd hides the radio inputs themselves. */}
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value="MINOR">
              <span data-testid="finding-severity-MINOR">{text.severity.MINOR}</span>
            </Radio.Button>
            <Radio.Button value="MAJOR">
              <span data-testid="finding-severity-MAJOR">{text.severity.MAJOR}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="deadline" label={text.deadline}>
          <DatePicker data-testid="finding-deadline" disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Flex>
      <Flex align="center" gap={12}>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="log-finding-submit">
          {text.logSubmit}
        </Button>
        <Typography.Text type="secondary">{text.submitHint}</Typography.Text>
      </Flex>
    </Form>
  );
}
