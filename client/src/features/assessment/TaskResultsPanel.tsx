import { useMutation, useQuery } from '@apollo/client/react';
import { gradeOf, periodOf, todayIn } from '@workplan/shared';
import { Alert, App as AntApp, Button, Empty, Form, Input, InputNumber, List, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessageKey, toApiError } from '../../app/errors';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { ASSESS_TASK, TASK_RESULTS, type TaskIndicator } from './assessment.graphql';

const TEXT = {
  'zh-CN': {
    indicators: '目标指标', assessments: '考核评分', noIndicators: '本任务未设目标指标', noAssessments: '尚未考核',
    target: '目标', actual: '实际', pace: '序时进度', period: '考核期', score: '得分', comment: '评语', submit: '评分', assessed: '已评分',
    AHEAD: '超前', ON_PACE: '符合进度', BEHIND: '滞后', FAR_BEHIND: '严重滞后', noData: '暂无数据',
    EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格', by: '评分人', scoreRange: '请填写 0–100 的分数', periodFormat: '格式如 2026-Q3',
  },
  en: {
    indicators: 'Target indicators', assessments: 'Assessment', noIndicators: 'No indicators on this task', noAssessments: 'Not assessed yet',
    target: 'Target', actual: 'Actual', pace: 'Expected pace', period: 'Period', score: 'Score', comment: 'Comment', submit: 'Grade', assessed: 'Graded',
    AHEAD: 'Ahead', ON_PACE: 'On pace', BEHIND: 'Behind', FAR_BEHIND: 'Far behind', noData: 'No data',
    EXCELLENT: 'Excellent', GOOD: 'Good', PASS: 'Pass', FAIL: 'Fail', by: 'By', scoreRange: 'Enter a score from 0 to 100', periodFormat: 'Like 2026-Q3',
  },
} as const;

const GRADE_COLOR = { EXCELLENT: 'green', GOOD: 'blue', PASS: 'default', FAIL: 'red' } as const;
const PACE_COLOR: Record<string, string> = { AHEAD: '#52c41a', ON_PACE: '#1677ff', BEHIND: '#fa8c16', FAR_BEHIND: '#cf1322' };

/** A task's results: its indicators against target and pace, and its assessments, with a grading form for those who grade. */
export function TaskResultsPanel({ task }: { task: { id: string } }) {
  const { language, t } = useI18n();
  const text = TEXT[language];
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const { data, loading, error, refetch } = useQuery(TASK_RESULTS, { variables: { taskId: task.id }, fetchPolicy: 'cache-and-network' });
  const [assess, { loading: saving }] = useMutation(ASSESS_TASK);
  const [form] = Form.useForm<{ period: string; score: number; comment?: string }>();
  const score = Form.useWatch('score', form);
  const grades = user.role === 'COORDINATOR' || user.role === 'APPROVER';

  if (error && !data) return <Alert type="error" showIcon message={error.message} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} />;
  if (loading && !data) return <Skeleton active />;

  const submit = async (values: { period: string; score: number; comment?: string }) => {
    try {
      await assess({ variables: { input: { taskId: task.id, period: values.period.trim().toUpperCase(), score: values.score, comment: values.comment || null } } });
      void message.success(text.assessed);
      form.resetFields(['score', 'comment']);
      void refetch();
    } catch (e) {
      const { key, params } = errorMessageKey(toApiError(e));
      void message.error(t(key, params));
    }
  };

  return (
    <div data-testid="task-results">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{text.indicators}</Typography.Title>
      {(data?.indicators.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noIndicators} />
      ) : (
        <List size="small" dataSource={data!.indicators} renderItem={(i) => <IndicatorRow indicator={i} text={text} />} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{text.assessments}</Typography.Title>
      {(data?.assessments.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noAssessments} />
      ) : (
        <List
          size="small"
          dataSource={data!.assessments}
          renderItem={(a) => (
            <List.Item data-testid="assessment-item">
              <Space wrap>
                <strong>{a.period}</strong>
                <span>{a.score}</span>
                <Tag color={GRADE_COLOR[a.grade]}>{text[a.grade]}</Tag>
                <Typography.Text type="secondary">{text.by} {a.assessedByName} · {dayjs(a.assessedAt).format('YYYY-MM-DD')}</Typography.Text>
                {a.comment && <span>{a.comment}</span>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {grades && (
        <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} initialValues={{ period: periodOf(todayIn(), 'QUARTER') }} onFinish={(v) => void submit(v)} data-testid="assess-form">
          <Form.Item name="period" label={text.period} rules={[{ required: true, pattern: /^\d{4}(-[QqHh]\d)?$/, message: text.periodFormat }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="score" label={text.score} rules={[{ required: true, type: 'number', min: 0, max: 100, message: text.scoreRange }]}>
            <InputNumber min={0} max={100} style={{ width: 90 }} data-testid="assess-score" />
          </Form.Item>
          {typeof score === 'number' && score >= 0 && score <= 100 && <Tag color={GRADE_COLOR[gradeOf(score)]} style={{ alignSelf: 'center' }}>{text[gradeOf(score)]}</Tag>}
          <Form.Item name="comment" label={text.comment}>
            <Input style={{ width: 200 }} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="assess-submit">{text.submit}</Button>
        </Form>
      )}
    </div>
  );
}

function IndicatorRow({ indicator, text }: { indicator: TaskIndicator; text: (typeof TEXT)[keyof typeof TEXT] }) {
  const year = new Date().getFullYear();
  const target = indicator.targets.find((t) => t.year === year);
  const actual = indicator.actuals.find((a) => a.year === year);
  const percent = indicator.progress === null ? 0 : Math.round(Math.max(0, Math.min(1, indicator.progress)) * 100);
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <strong>{indicator.name}</strong>
          <span>
            {text.target} {target ? `${target.value}${indicator.unit}` : '—'} · {text.actual} {actual ? `${actual.value}${indicator.unit}` : '—'}
          </span>
          <Tag color={indicator.paceStatus ? PACE_COLOR[indicator.paceStatus] : undefined}>{indicator.paceStatus ? text[indicator.paceStatus as 'AHEAD'] : text.noData}</Tag>
        </Space>
        {/* The bar is the way from baseline to target; the marker is where the calendar says it should be (序时进度). */}
        <Progress percent={percent} success={{ percent: Math.round(indicator.expectedPace * 100), strokeColor: '#d9d9d9' }} strokeColor={indicator.paceStatus ? PACE_COLOR[indicator.paceStatus] : '#bfbfbf'} size="small" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.pace} {Math.round(indicator.expectedPace * 100)}%</Typography.Text>
      </div>
    </List.Item>
  );
}
