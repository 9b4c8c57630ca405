import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import type { WorkTask } from '../../task-work/work-task';
import { TASK_REMINDERS } from '../graphql/reminder.graphql';
import { useReminderText } from '../reminder.messages';
import { mayRemind } from '../utils/reminder-rules';
import { RemindForm, type RemindUnit } from './RemindForm';
import { ReminderList } from './ReminderList';

/** The task's units with names where the caller's query has them. */
export interface ReminderTask extends WorkTask {
  leadDepartment: { id: string; name?: string };
  cooperatingDepartments: ReadonlyArray<{ id: string; name?: string }>;
}

/** 催办: the slips sent about a task, the coordinator's 催办 button, and 签收 for the addressed unit. */
export function TaskRemindersPanel({ task }: { task: ReminderTask }) {
  const text = useReminderText();
  const { t } = useI18n();
  const { user } = useSession();
  const [writing, setWriting] = useState(false);
  const { data, error, refetch } = useQuery(TASK_REMINDERS, { variables: { taskId: task.id }, fetchPolicy: 'cache-and-network' });
  const units: RemindUnit[] = [
    { id: task.leadDepartment.id, name: task.leadDepartment.name ?? task.leadDepartment.id, lead: true },
    ...task.cooperatingDepartments.map((d) => ({ id: d.id, name: d.name ?? d.id, lead: false })),
  ];

  if (!data) {
    return error ? <Alert type="error" showIcon title={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} /> : <Skeleton active />;
  }
  return (
    <div data-testid="task-reminders">
      {mayRemind(user) &&
        (writing ? (
          <Card size="small" title={text.formTitle} style={{ marginBottom: 16 }}>
            <RemindForm taskId={task.id} units={units} onDone={() => setWriting(false)} />
          </Card>
        ) : (
          <Button type="primary" danger style={{ marginBottom: 12 }} onClick={() => setWriting(true)} data-testid="remind-open">
            {text.remind}
          </Button>
        ))}
      <ReminderList reminders={data.reminders} />
    </div>
  );
}
