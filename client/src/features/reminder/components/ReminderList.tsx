import { useMutation } from '@apollo/client/react';
import { App as AntApp, Button, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSession } from '../../auth/session';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { SIGN_FOR_REMINDER, type Reminder } from '../graphql/reminder.graphql';
import { useReminderText } from '../reminder.messages';
import { maySignFor, reminderSlipPath } from '../utils/reminder-rules';

/** Slips newest first: level, number, unit, dates, signed or not; the addressed unit's staff sign here. */
export function ReminderList({ reminders, onOpenTask }: { reminders: readonly Reminder[]; /** Given, each slip names its task and opens it (the inbox). */ onOpenTask?(taskId: string): void }) {
  const showTask = onOpenTask !== undefined;
  const text = useReminderText();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [signFor, { loading }] = useMutation(SIGN_FOR_REMINDER, { refetchQueries: ['TaskReminders', 'MyReminders', 'TaskDetail'] });

  const sign = async (reminder: Reminder) => {
    try {
      await signFor({ variables: { reminderId: reminder.id } });
      void message.success(text.signedFor(reminder.number));
    } catch (error) {
      showError(error);
    }
  };

  if (!reminders.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={showTask ? text.nothing : text.none} />;
  return (
    <List
      size="small"
      dataSource={[...reminders]}
      renderItem={(r) => (
        <List.Item
          data-testid="reminder-item"
          data-number={r.number}
          actions={[
            ...(maySignFor(user, r)
              ? [
                  <Button key="sign" size="small" type="primary" loading={loading} onClick={() => void sign(r)} data-testid="reminder-sign">
                    {text.signFor}
                  </Button>,
                ]
              : []),
            <a key="print" href={reminderSlipPath(r.id)} target="_blank" rel="noreferrer">
              {text.print}
            </a>,
          ]}
        >
          <div style={{ minWidth: 0 }}>
            <Space wrap size={4}>
              <Tag color={r.level === 'NOTICE' ? 'red' : 'orange'}>{text.levelName[r.level]}</Tag>
              <Typography.Text strong>{r.number}</Typography.Text>
              <Tag color={r.signedAt ? 'green' : 'default'}>{r.signedAt ? text.signed : text.unsigned}</Tag>
            </Space>
            {showTask && (
              <div>
                <Typography.Link onClick={() => onOpenTask?.(r.taskId)}>
                  {r.taskCode} {r.taskTitle}
                </Typography.Link>
              </div>
            )}
            <div>
              <Typography.Text type="secondary">
                {text.unit}：{r.departmentName} · {text.issuedOn} {r.issuedOn} · {text.deadline} {r.deadline} · {r.issuedByName ? text.issuedBy(r.issuedByName) : text.origin[r.origin]}
              </Typography.Text>
            </div>
            <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{r.requirement}</Typography.Paragraph>
            {r.signedAt && r.signedByName && <Typography.Text type="secondary">{text.signedBy(r.signedByName, dayjs(r.signedAt).format('YYYY-MM-DD HH:mm'))}</Typography.Text>}
          </div>
        </List.Item>
      )}
    />
  );
}
