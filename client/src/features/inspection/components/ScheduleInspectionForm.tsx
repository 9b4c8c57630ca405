import { useMutation, useQuery } from '@apollo/client/react';
import { App as AntApp, Button, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { INSPECTION_TEAMS, SCHEDULE_INSPECTION } from '../graphql/inspection.graphql';
import { useInspectionText } from '../inspection.messages';

interface Values {
  date: Dayjs;
  teamId?: string;
}

/** 安排检查: a date and, if known, the 专题检查组 that goes (the plan's teams are offered). */
export function ScheduleInspectionForm({ taskId, planId }: { taskId: string; planId: string | null }) {
  const text = useInspectionText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<Values>();
  const teams = useQuery(INSPECTION_TEAMS, { variables: { planId } });
  const [schedule, { loading }] = useMutation(SCHEDULE_INSPECTION, { refetchQueries: ['TaskInspections'] });

  const submit = async (values: Values) => {
    const scheduledOn = values.date.format('YYYY-MM-DD');
    try {
      await schedule({ variables: { input: { taskId, scheduledOn, teamId: values.teamId ?? null } } });
      form.resetFields();
      void message.success(text.scheduled(scheduledOn));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Form<Values> form={form} layout="inline" data-testid="schedule-inspection-form" onFinish={(values) => void submit(values)} disabled={loading}>
      <Form.Item name="date" rules={[{ required: true, message: text.dateRequired }]}>
        <DatePicker placeholder={text.scheduledOn} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="teamId">
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={text.teamPlaceholder}
          loading={teams.loading}
          options={teams.data?.inspectionTeams.map((team) => ({ value: team.id, label: team.name }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="schedule-inspection-submit">
        {text.schedule}
      </Button>
    </Form>
  );
}
