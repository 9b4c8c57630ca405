import { useMutation } from '@apollo/client/react';
import { App as AntApp, Checkbox, Space, Tag } from 'antd';
import { useSession } from '../../auth/session';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { SET_TASK_FLAGS } from '../graphql/side-request.graphql';
import { useSideRequestText } from '../side-request.messages';

/**
 * 紧急 / 重点: tags for everyone; coordinators switch them. Urgent work turns yellow when nobody
 * reports; the approver, not a coordinator, decides a key task's side requests.
 */
export function TaskFlags({ task }: { task: { id: string; urgent: boolean; keyTask: boolean } }) {
  const text = useSideRequestText();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [setFlags, { loading }] = useMutation(SET_TASK_FLAGS, { refetchQueries: ['TaskDetail'] });
  if (user.role !== 'COORDINATOR') {
    return (
      <>
        {task.urgent && <Tag color="volcano">{text.urgent}</Tag>}
        {task.keyTask && <Tag color="purple">{text.keyTask}</Tag>}
      </>
    );
  }
  const change = (flags: { urgent?: boolean; keyTask?: boolean }) =>
    void setFlags({ variables: { taskId: task.id, ...flags } }).then(
      () => message.success(text.flagsSaved),
      (error: unknown) => showError(error),
    );
  return (
    <Space data-testid="task-flags">
      <Checkbox checked={task.urgent} disabled={loading} onChange={(e) => change({ urgent: e.target.checked })}>
        {text.urgent}
      </Checkbox>
      <Checkbox checked={task.keyTask} disabled={loading} onChange={(e) => change({ keyTask: e.target.checked })}>
        {text.keyTask}
      </Checkbox>
    </Space>
  );
}
