import { useMutation, useQuery } from '@apollo/client/react';
import { INSTRUCTION_TONES, instructionEffect, scopeOf, todayIn, type InstructionTone, type TaskStage } from '@workplan/shared';
import { Alert, App as AntApp, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Select, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessageKey, toApiError } from '../../../app/errors';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/session';
import { ANNOTATE_TASK, ANSWER_INSTRUCTION, FOLLOW_TASK, ISSUE_INSTRUCTION, TASK_INSTRUCTIONS, UNFOLLOW_TASK, type LeaderInstruction } from '../instruction.graphql';
import { useInstructionText, type InstructionText } from '../instruction.messages';

export const TONE_COLOR: Record<InstructionTone, string> = { POSITIVE: 'green', DIRECTIVE: 'blue', CRITICAL: 'red' };

/**
 * The drawer's 批示 tab: the leaders' instructions with the lead unit's answers, a form for leaders
 * to attach one, an answer box for the lead unit, the follow toggle and the remarks (批注).
 * Who sees which control follows the permission table; the server checks the same.
 */
export function TaskInstructionsPanel({ task }: { task: { id: string; stage: string } }) {
  const text = useInstructionText();
  const { t } = useI18n();
  const { user } = useSession();
  const { data, loading, error, refetch } = useQuery(TASK_INSTRUCTIONS, { variables: { taskId: task.id }, fetchPolicy: 'cache-and-network' });
  const leader = scopeOf(user.role, 'issueInstruction') !== null;
  const follows = scopeOf(user.role, 'followTask') !== null;
  const annotates = scopeOf(user.role, 'annotateTask') !== null;

  if (error && !data) return <Alert type="error" showIcon title={text.loadFailed} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} />;
  if (loading && !data) return <Skeleton active />;
  const instructions = data?.instructions ?? [];
  const annotations = data?.annotations ?? [];

  return (
    <div data-testid="task-instructions">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{text.instructions}</Typography.Title>
        {follows && data && <FollowToggle taskId={task.id} followed={data.task.followedByMe} text={text} />}
      </Flex>
      {instructions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noInstructions} />
      ) : (
        <List size="small" dataSource={instructions} renderItem={(i) => <InstructionItem instruction={i} text={text} />} />
      )}
      {leader && <IssueForm task={task} text={text} />}

      <Typography.Title level={5} style={{ marginTop: 24 }}>{text.annotations}</Typography.Title>
      {annotations.length === 0 ? (
        <Typography.Text type="secondary">{text.noAnnotations}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={annotations}
          renderItem={(a) => (
            <List.Item data-testid="annotation-item">
              <div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{a.content}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.author.name} · {dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {annotates && <AnnotateForm taskId={task.id} text={text} />}
    </div>
  );
}

function useErrorMessage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  return (e: unknown) => {
    const { key, params } = errorMessageKey(toApiError(e));
    void message.error(t(key, params));
  };
}

function FollowToggle({ taskId, followed, text }: { taskId: string; followed: boolean; text: InstructionText }) {
  const fail = useErrorMessage();
  const [follow, following] = useMutation(FOLLOW_TASK, { refetchQueries: ['Following'] });
  const [unfollow, unfollowing] = useMutation(UNFOLLOW_TASK, { refetchQueries: ['Following'] });
  const toggle = () => void (followed ? unfollow({ variables: { taskId } }) : follow({ variables: { taskId } })).catch(fail);
  return (
    <Button data-testid="follow-toggle" data-following={followed} size="small" type={followed ? 'default' : 'primary'} loading={following.loading || unfollowing.loading} onClick={toggle}>
      {followed ? text.unfollow : text.follow}
    </Button>
  );
}

function InstructionItem({ instruction: i, text }: { instruction: LeaderInstruction; text: InstructionText }) {
  return (
    <List.Item data-testid="instruction-item" style={{ display: 'block' }}>
      <Space wrap size={[8, 4]}>
        <strong>{i.number}</strong>
        <span>{i.issuedOn}</span>
        <Tag color={TONE_COLOR[i.tone]}>{text.toneName[i.tone]}</Tag>
        {i.reopenedTask && <Tag color="orange">{text.reopened}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.issuedBy(i.createdBy.name)}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }}>{i.content}</Typography.Paragraph>
      {i.answer !== null ? (
        <Card size="small" type="inner" title={text.answer} data-testid="instruction-answer">
          <div style={{ whiteSpace: 'pre-wrap' }}>{i.answer}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.answeredBy(i.answeredBy?.name ?? '—', dayjs(i.answeredAt).format('YYYY-MM-DD HH:mm'))}</Typography.Text>
        </Card>
      ) : i.mayAnswer ? (
        <AnswerBox instructionId={i.id} text={text} />
      ) : (
        <Tag color="gold">{text.awaitingAnswer}</Tag>
      )}
    </List.Item>
  );
}

function AnswerBox({ instructionId, text }: { instructionId: string; text: InstructionText }) {
  const fail = useErrorMessage();
  const { message } = AntApp.useApp();
  const [content, setContent] = useState('');
  const [answer, { loading }] = useMutation(ANSWER_INSTRUCTION, { refetchQueries: ['UnansweredInstructions', 'Following'] });
  const send = async () => {
    try {
      await answer({ variables: { id: instructionId, content: content.trim() } });
      void message.success(text.answered);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space.Compact block style={{ marginTop: 4 }}>
      <Input.TextArea data-testid="answer-input" value={content} onChange={(e) => setContent(e.target.value)} placeholder={text.answerPlaceholder} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      <Button type="primary" loading={loading} disabled={!content.trim()} onClick={() => void send()} style={{ height: 'auto' }}>
        {text.submitAnswer}
      </Button>
    </Space.Compact>
  );
}

interface IssueValues {
  number: string;
  issuedOn: dayjs.Dayjs;
  tone: InstructionTone;
  content: string;
}

function IssueForm({ task, text }: { task: { id: string; stage: string }; text: InstructionText }) {
  const fail = useErrorMessage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<IssueValues>();
  const [issue, { loading }] = useMutation(ISSUE_INSTRUCTION, { refetchQueries: ['TaskInstructions', 'TaskDetail'] });
  const effect = instructionEffect(task.stage as TaskStage);
  if (effect === 'REFUSE') return <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{text.closedHint}</Typography.Paragraph>;
  const today = todayIn();
  const submit = async (values: IssueValues) => {
    try {
      const { data } = await issue({
        variables: { input: { taskId: task.id, number: values.number.trim(), issuedOn: values.issuedOn.format('YYYY-MM-DD'), tone: values.tone, content: values.content.trim() } },
      });
      void message.success(data?.issueInstruction.reopenedTask ? text.issuedReopened : text.issued);
      form.resetFields();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card size="small" title={text.issueTitle} style={{ marginTop: 16 }} data-testid="issue-instruction-form">
      {effect === 'REOPEN' && <Alert type="warning" showIcon title={text.reopenHint} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" size="small" initialValues={{ issuedOn: dayjs(today), tone: 'DIRECTIVE' }} onFinish={(v) => void submit(v)}>
        <Flex gap={8} wrap>
          <Form.Item name="number" label={text.number} rules={[{ required: true, whitespace: true, message: text.required }]} style={{ flex: '1 1 160px' }}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="issuedOn" label={text.issuedOn} rules={[{ required: true, message: text.required }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
          <Form.Item name="tone" label={text.tone}>
            <Select style={{ width: 140 }} options={INSTRUCTION_TONES.map((tone) => ({ value: tone, label: text.toneName[tone] }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="content" label={text.content} rules={[{ required: true, whitespace: true, message: text.required }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>{text.issueSubmit}</Button>
      </Form>
    </Card>
  );
}

function AnnotateForm({ taskId, text }: { taskId: string; text: InstructionText }) {
  const fail = useErrorMessage();
  const [content, setContent] = useState('');
  const [annotate, { loading }] = useMutation(ANNOTATE_TASK, { refetchQueries: ['TaskInstructions'] });
  const send = async () => {
    try {
      await annotate({ variables: { taskId, content: content.trim() } });
      setContent('');
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space.Compact block style={{ marginTop: 8 }}>
      <Input data-testid="annotate-input" value={content} onChange={(e) => setContent(e.target.value)} placeholder={text.annotatePlaceholder} maxLength={2000} onPressEnter={() => content.trim() && void send()} />
      <Button loading={loading} disabled={!content.trim()} onClick={() => void send()}>{text.annotate}</Button>
    </Space.Compact>
  );
}
