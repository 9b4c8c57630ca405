import { useMutation } from '@apollo/client/react';
import { REMINDER_LEVELS, type ReminderLevel } from '@workplan/shared';
import { App as AntApp, Button, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { REMIND_TASK } from '../graphql/reminder.graphql';
import { useReminderText } from '../reminder.messages';

export interface RemindUnit {
  id: string;
  name: string;
  lead: boolean;
}

interface Values {
  departmentId: string;
  level: ReminderLevel;
  requirement: string;
  deadline: Dayjs;
}

/** 发出催办: a coordinator presses one of the task's units by hand, with what to do and by when. */
export function RemindForm({ taskId, units, onDone }: { taskId: string; units: readonly RemindUnit[]; onDone(): void }) {
  const text = useReminderText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<Values>();
  const [remind, { loading }] = useMutation(REMIND_TASK, { refetchQueries: ['TaskReminders', 'TaskDetail'] }); // TaskDetail: the card's count of slips not signed for

  const submit = async (values: Values) => {
    try {
      const { data } = await remind({
        variables: { input: { taskId, departmentId: values.departmentId, level: values.level, requirement: values.requirement.trim(), deadline: values.deadline.format('YYYY-MM-DD') } },
      });
      form.resetFields();
      void message.success(text.sent(data?.remindTask.number ?? ''));
      onDone();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="remind-form"
      disabled={loading}
      initialValues={{ departmentId: units.find((u) => u.lead)?.id, level: 'REMINDER', deadline: dayjs().add(5, 'day') }}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item name="departmentId" label={text.unit} rules={[{ required: true, message: text.unitRequired }]}>
        <Select data-testid="remind-unit" options={units.map((u) => ({ value: u.id, label: `${u.name}（${u.lead ? text.lead : text.cooperating}）` }))} />
      </Form.Item>
      <Form.Item name="level" label={text.level}>
        <Radio.Group optionType="button" options={REMINDER_LEVELS.map((level) => ({ value: level, label: text.levelName[level] }))} />
      </Form.Item>
      <Form.Item name="requirement" label={text.requirement} rules={[{ required: true, whitespace: true, message: text.requirementRequired }]}>
        <Input.TextArea data-testid="remind-requirement" rows={3} maxLength={2000} placeholder={text.requirementPlaceholder} />
      </Form.Item>
      <Form.Item name="deadline" label={text.deadline} rules={[{ required: true, message: text.deadlineRequired }]}>
        <DatePicker data-testid="remind-deadline" allowClear={false} disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="remind-submit">
          {text.send}
        </Button>
        <Button onClick={onDone}>{text.cancel}</Button>
      </Space>
    </Form>
  );
}
