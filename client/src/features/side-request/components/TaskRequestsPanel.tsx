import { useMutation, useQuery } from '@apollo/client/react';
import { REQUEST_STAGES, SIDE_REQUEST_KINDS, todayIn, type SideRequestKind, type TaskStage } from '@workplan/shared';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import type { WorkTask } from '../../task-work/work-task';
import {
  DECIDE_AS_LEADER,
  DECIDE_SIDE_REQUEST,
  FILE_SIDE_REQUEST,
  TASK_SIDE_REQUESTS,
  WITHDRAW_SIDE_REQUEST,
  type SideRequest,
  type SideRequestDecision,
} from '../graphql/side-request.graphql';
import { useSideRequestText } from '../side-request.messages';

export interface RequestTask extends WorkTask {
  dueDate: string | null;
}

/** Every list and the drawer show the change at once: the task's due date or stage may have moved. */
const REFETCH = ['TaskSideRequests', 'TaskDetail', 'PendingSideRequests'];

export const STATUS_COLOR: Record<SideRequest['status'], string> = {
  PENDING_LEADER: 'gold',
  PENDING_DECISION: 'orange',
  GRANTED: 'green',
  PARTLY_GRANTED: 'cyan',
  REJECTED: 'red',
  WITHDRAWN: 'default',
};

/** Filing is open to the task's units while it is before inspection and not past its due date (the server checks the same). */
function mayFile(user: ReturnType<typeof useSession>['user'], task: RequestTask): boolean {
  const department = user.department?.id;
  if (user.role !== 'STAFF' || !department) return false;
  if (task.leadDepartment.id !== department && !task.cooperatingDepartments.some((d) => d.id === department)) return false;
  return REQUEST_STAGES.includes(task.stage as TaskStage) && (task.dueDate === null || task.dueDate >= todayIn());
}

/** The drawer's 申请 tab: the task's side requests with both decisions, the form to file one, and the decisions waiting on the viewer. */
export function TaskRequestsPanel({ task }: { task: RequestTask }) {
  const text = useSideRequestText();
  const { t } = useI18n();
  const { user } = useSession();
  const { data, error, refetch } = useQuery(TASK_SIDE_REQUESTS, { variables: { taskId: task.id }, fetchPolicy: 'cache-and-network' });
  if (!data) {
    return error ? <Alert type="error" showIcon title={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} /> : <Skeleton active />;
  }
  const responsible = user.role === 'STAFF' && !!user.department && (task.leadDepartment.id === user.department.id || task.cooperatingDepartments.some((d) => d.id === user.department?.id));
  return (
    <div data-testid="task-requests">
      {mayFile(user, task) ? (
        <Card size="small" title={text.fileTitle} style={{ marginBottom: 16 }}>
          <FileRequestForm task={task} />
        </Card>
      ) : (
        responsible && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={text.closedHint} />
      )}
      {data.sideRequests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.none} />
      ) : (
        data.sideRequests.map((r) => <RequestCard key={r.id} request={r} currentDueDate={task.dueDate} />)
      )}
    </div>
  );
}

interface FileValues {
  kind: SideRequestKind;
  reason: string;
  requestedDueDate?: Dayjs | null;
  adjustment?: string;
}

function FileRequestForm({ task }: { task: RequestTask }) {
  const text = useSideRequestText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<FileValues>();
  const kind = Form.useWatch('kind', form) ?? 'EXTENSION';
  const [file, { loading }] = useMutation(FILE_SIDE_REQUEST, { refetchQueries: REFETCH });
  const submit = async (values: FileValues) => {
    try {
      await file({
        variables: {
          input: {
            taskId: task.id,
            kind: values.kind,
            reason: values.reason.trim(),
            requestedDueDate: values.kind === 'EXTENSION' ? (values.requestedDueDate?.format('YYYY-MM-DD') ?? null) : null,
            adjustment: values.kind === 'ADJUSTMENT' ? (values.adjustment?.trim() ?? null) : null,
          },
        },
      });
      form.resetFields();
      void message.success(text.filed);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Form<FileValues> form={form} layout="vertical" data-testid="request-form" initialValues={{ kind: 'EXTENSION' }} onFinish={(v) => void submit(v)} disabled={loading}>
      <Form.Item name="kind" label={text.kind}>
        <Radio.Group optionType="button" options={SIDE_REQUEST_KINDS.map((k) => ({ value: k, label: text.kinds[k] }))} />
      </Form.Item>
      {kind === 'EXTENSION' && (
        <Form.Item name="requestedDueDate" label={text.requestedDueDate} rules={[{ required: true, message: text.requestedDueDateRequired }]}>
          <DatePicker data-testid="request-due-date" disabledDate={(d) => (task.dueDate ? d.format('YYYY-MM-DD') <= task.dueDate : false)} />
        </Form.Item>
      )}
      {kind === 'ADJUSTMENT' && (
        <Form.Item name="adjustment" label={text.adjustment} extra={text.adjustmentHint} rules={[{ required: true, whitespace: true, message: text.adjustmentRequired }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={text.reason} rules={[{ required: true, whitespace: true, message: text.reasonRequired }]}>
        <Input.TextArea data-testid="request-reason" rows={3} maxLength={5000} />
      </Form.Item>
      {(kind === 'SUSPENSION' || kind === 'CANCELLATION') && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={text.endsTask} />}
      <Button type="primary" htmlType="submit" loading={loading} data-testid="request-submit">
        {text.submit}
      </Button>
    </Form>
  );
}

function DecisionText({ decision, showDate }: { decision: SideRequestDecision; showDate: boolean }) {
  const text = useSideRequestText();
  const { role: roleName } = useI18n();
  return (
    <span>
      <Tag color={decision.approved ? 'green' : 'red'}>{decision.approved ? text.approved : text.rejected}</Tag>
      {decision.by?.name ?? '—'}
      {decision.role ? `（${roleName(decision.role)}）` : ''} · {dayjs(decision.at).format('YYYY-MM-DD HH:mm')}
      {showDate && decision.grantedDueDate && <> · {text.grantedDueDate} {decision.grantedDueDate}</>}
      {decision.comment && <div className="history-comment">{decision.comment}</div>}
    </span>
  );
}

/** One request, as a card: what was asked, both decisions, and the viewer's buttons. */
export function RequestCard({ request: r, currentDueDate }: { request: SideRequest; currentDueDate: string | null }) {
  const text = useSideRequestText();
  const { stage: stageName } = useI18n();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [withdraw, { loading }] = useMutation(WITHDRAW_SIDE_REQUEST, { refetchQueries: REFETCH });
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="side-request"
      title={
        <Space>
          <Tag color="blue">{text.kinds[r.kind]}</Tag>
          <Tag color={STATUS_COLOR[r.status]} data-testid="side-request-status">{text.statuses[r.status]}</Tag>
          {r.keyTask && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.keyTaskDecider}</Typography.Text>}
        </Space>
      }
      extra={
        r.canWithdraw && (
          <Button
            size="small"
            danger
            loading={loading}
            onClick={() =>
              void withdraw({ variables: { id: r.id } }).then(
                () => message.success(text.withdrawn),
                (error: unknown) => showError(error),
              )
            }
          >
            {text.withdraw}
          </Button>
        )
      }
    >
      <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap', width: 112 } }}>
        <Descriptions.Item label={text.reason}><span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span></Descriptions.Item>
        {r.requestedDueDate && <Descriptions.Item label={text.requestedDueDate}>{r.requestedDueDate}（{text.dueDateAtFiling} {r.dueDateAtFiling ?? '—'}）</Descriptions.Item>}
        {r.adjustment && <Descriptions.Item label={text.adjustment}><span style={{ whiteSpace: 'pre-wrap' }}>{r.adjustment}</span></Descriptions.Item>}
        <Descriptions.Item label={text.filedBy}>
          {r.department.name} · {r.filedBy?.name ?? '—'} · {dayjs(r.filedAt).format('YYYY-MM-DD HH:mm')} · {text.stageAtFiling} {stageName(r.stageAtFiling)}
        </Descriptions.Item>
        {r.leaderDecision && <Descriptions.Item label={text.leaderDecision}><DecisionText decision={r.leaderDecision} showDate={false} /></Descriptions.Item>}
        {r.finalDecision && <Descriptions.Item label={text.finalDecision}><DecisionText decision={r.finalDecision} showDate /></Descriptions.Item>}
      </Descriptions>
      {r.awaitingMyDecision && <DecisionForm request={r} currentDueDate={currentDueDate} />}
    </Card>
  );
}

/** The viewer's decision: approve / reject as the unit leader, or grant / grant in part / reject as the second level. */
function DecisionForm({ request: r, currentDueDate }: { request: SideRequest; currentDueDate: string | null }) {
  const text = useSideRequestText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [comment, setComment] = useState('');
  const [partlyDate, setPartlyDate] = useState<Dayjs | null>(null);
  const [asLeader, leaderState] = useMutation(DECIDE_AS_LEADER, { refetchQueries: REFETCH });
  const [decide, decideState] = useMutation(DECIDE_SIDE_REQUEST, { refetchQueries: REFETCH });
  const busy = leaderState.loading || decideState.loading;
  const done = () => void message.success(text.decided);
  const needComment = () => {
    if (comment.trim()) return false;
    void message.warning(text.commentRequired);
    return true;
  };
  const run = (work: Promise<unknown>) => void work.then(done, (error: unknown) => showError(error));
  // The partial-grant range: after the current due date, up to the date asked for.
  const after = currentDueDate ?? r.dueDateAtFiling;
  const upTo = r.requestedDueDate;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="side-request-decision">
      <Input.TextArea rows={2} placeholder={text.comment} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={5000} />
      {r.awaitingMyDecision === 'LEADER' ? (
        <Space wrap>
          <Button type="primary" loading={busy} data-testid="leader-approve" onClick={() => run(asLeader({ variables: { id: r.id, approve: true, comment: comment.trim() || null } }))}>
            {text.approve}
          </Button>
          <Button danger loading={busy} onClick={() => !needComment() && run(asLeader({ variables: { id: r.id, approve: false, comment: comment.trim() } }))}>
            {text.reject}
          </Button>
        </Space>
      ) : (
        <Space wrap>
          <Button type="primary" loading={busy} data-testid="decide-grant" onClick={() => run(decide({ variables: { id: r.id, grant: 'GRANT', comment: comment.trim() || null } }))}>
            {text.grant}
          </Button>
          {r.kind === 'EXTENSION' && upTo && after && (
            <>
              <DatePicker
                value={partlyDate}
                onChange={setPartlyDate}
                placeholder={text.partlyDate}
                disabledDate={(d: Dayjs) => {
                  const day = d.format('YYYY-MM-DD');
                  return day <= after || day > upTo;
                }}
              />
              <Button
                loading={busy}
                disabled={!partlyDate}
                title={text.partlyHint(after, upTo)}
                onClick={() => partlyDate && run(decide({ variables: { id: r.id, grant: 'PARTLY', grantedDueDate: partlyDate.format('YYYY-MM-DD'), comment: comment.trim() || null } }))}
              >
                {text.partly}
              </Button>
            </>
          )}
          <Button danger loading={busy} onClick={() => !needComment() && run(decide({ variables: { id: r.id, grant: 'REJECT', comment: comment.trim() } }))}>
            {text.reject}
          </Button>
        </Space>
      )}
    </Flex>
  );
}
