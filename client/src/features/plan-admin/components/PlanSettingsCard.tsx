import { useMutation, useQuery } from '@apollo/client/react';
import { TASK_VISIBILITIES, type EscalationRules, type LightRules, type ReportCadence, type TaskVisibility } from '@workplan/shared';
import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Form, InputNumber, Radio, Select, Skeleton, Switch, Typography, type FormRule } from 'antd';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { PLAN_SETTINGS, UPDATE_PLAN_SETTINGS, type PlanSettings, type UpdatePlanSettingsInput } from '../graphql/plan-admin.graphql';
import { useSignedInRole } from '../hooks/use-signed-in-role';
import { usePlanAdminText, type PlanAdminText } from '../plan-admin.messages';
import { useApiErrorText } from './api-error-text';

const CADENCES: ReportCadence[] = ['QUARTER', 'HALF_YEAR', 'YEAR'];
const FIELDS = ['reportCadence', 'reportDueOffsetDays', 'commendCount', 'warnCount', 'taskVisibility'] as const;
const LIGHT_FIELDS = ['dueSoonDays', 'workingDays', 'paceYellowPoints', 'paceRedPoints', 'staleDays'] as const satisfies ReadonlyArray<keyof LightRules>;

const ESCALATION_FIELDS = ['reminderAfterDays', 'noticeAfterDays'] as const satisfies ReadonlyArray<keyof EscalationRules>;

type Values = Pick<PlanSettings, (typeof FIELDS)[number] | 'lightRules' | 'escalationRules'>;

/** The bounds the server enforces: whole numbers, 0–90 days, 0–100 places. */
const wholeNumber = (max: number, message: string, min = 0): FormRule[] => [{ required: true, message }, { type: 'integer', min, max, message }];

/**
 * A plan's rules (003): how often reports are due and how late, how many are commended and
 * yellow-carded, and what department staff see of other departments' tasks. Coordinators change them.
 */
export function PlanSettingsCard({ planId }: { planId: string }) {
  const text = usePlanAdminText();
  const errorText = useApiErrorText();
  const role = useSignedInRole();
  const plans = useQuery(PLAN_SETTINGS, { fetchPolicy: 'cache-and-network' });
  const plan = plans.data?.plans.find((p) => p.id === planId);

  let body;
  if (plans.error && !plans.data) {
    body = (
      <Alert
        type="error"
        showIcon
        title={text.settingsFailed}
        description={errorText(plans.error)}
        action={<Button size="small" onClick={() => void plans.refetch()}>{text.retry}</Button>}
      />
    );
  } else if (!plans.data) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (!plan) {
    body = <Alert type="warning" showIcon title={text.planMissing} />;
  } else if (role === 'COORDINATOR') {
    // Keyed by plan: another plan starts from its own values, not from edits to the last one.
    body = <SettingsForm key={plan.id} plan={plan} text={text} />;
  } else {
    body = <SettingsView plan={plan} text={text} />;
  }

  return (
    <Card size="small" title={text.settingsTitle} data-testid="plan-settings-card" style={{ height: '100%' }}>
      {body}
    </Card>
  );
}

function SettingsView({ plan, text }: { plan: PlanSettings; text: PlanAdminText }) {
  const rules = plan.lightRules;
  return (
    <>
    <Descriptions
      size="small"
      column={1}
      data-testid="plan-settings-view"
      items={[
        { key: 'cadence', label: text.cadence, children: text.cadenceName[plan.reportCadence] ?? plan.reportCadence },
        { key: 'due', label: text.dueOffset, children: text.dueOffsetValue(plan.reportDueOffsetDays) },
        { key: 'commend', label: text.commend, children: text.commendValue(plan.commendCount) },
        { key: 'warn', label: text.warn, children: text.warnValue(plan.warnCount) },
        {
          key: 'visibility',
          label: text.visibility,
          children: (
            <span data-testid="settings-visibility-view">
              {text.visibilityName[plan.taskVisibility] ?? plan.taskVisibility}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{text.visibilityHint[plan.taskVisibility]}</Typography.Text>
            </span>
          ),
        },
      ]}
    />
    <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>{text.lightRulesTitle}</Typography.Text>
    <Descriptions
      size="small"
      column={1}
      data-testid="plan-light-rules-view"
      items={[
        { key: 'dueSoon', label: text.dueSoon, children: text.dueSoonValue(rules.dueSoonDays, rules.workingDays) },
        { key: 'paceYellow', label: text.paceYellow, children: text.paceYellowValue(rules.paceYellowPoints) },
        { key: 'paceRed', label: text.paceRed, children: text.paceRedValue(rules.paceRedPoints) },
        { key: 'stale', label: text.stale, children: text.staleValue(rules.staleDays, rules.workingDays) },
        { key: 'workingDays', label: text.workingDays, children: text.workingDaysValue(rules.workingDays) },
      ]}
    />
    <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>{text.escalationTitle}</Typography.Text>
    <Descriptions
      size="small"
      column={1}
      data-testid="plan-escalation-rules-view"
      items={[
        { key: 'reminderAfter', label: text.reminderAfter, children: text.reminderAfterValue(plan.escalationRules.reminderAfterDays) },
        { key: 'noticeAfter', label: text.noticeAfter, children: text.noticeAfterValue(plan.escalationRules.noticeAfterDays) },
      ]}
    />
    </>
  );
}

function SettingsForm({ plan, text }: { plan: PlanSettings; text: PlanAdminText }) {
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch((all: Partial<Values>) => all, form) as Partial<Values> | undefined;
  // The answer is the whole plan, so the cached rules (and this form's baseline) update by themselves.
  const [update, { loading }] = useMutation(UPDATE_PLAN_SETTINGS);
  const changedLights = LIGHT_FIELDS.filter((field) => values?.lightRules?.[field] !== undefined && values.lightRules[field] !== plan.lightRules[field]);
  const changedEscalation = ESCALATION_FIELDS.filter((field) => values?.escalationRules?.[field] !== undefined && values.escalationRules[field] !== plan.escalationRules[field]);
  const changed = [...FIELDS.filter((field) => values?.[field] !== undefined && values[field] !== plan[field]), ...changedLights, ...changedEscalation];

  const save = async (next: Values) => {
    // Only what changed is sent, so two coordinators editing different rules do not undo each other.
    const input: UpdatePlanSettingsInput = { planId: plan.id };
    for (const field of FIELDS) if (next[field] !== plan[field]) Object.assign(input, { [field]: next[field] });
    const lights: Partial<LightRules> = {};
    for (const field of LIGHT_FIELDS) if (next.lightRules[field] !== plan.lightRules[field]) Object.assign(lights, { [field]: next.lightRules[field] });
    if (Object.keys(lights).length) input.lightRules = lights;
    const escalation: Partial<EscalationRules> = {};
    for (const field of ESCALATION_FIELDS) if (next.escalationRules[field] !== plan.escalationRules[field]) Object.assign(escalation, { [field]: next.escalationRules[field] });
    if (Object.keys(escalation).length) input.escalationRules = escalation;
    try {
      await update({ variables: { input } });
      void message.success(text.saved);
    } catch (error) {
      showError(error);
    }
  };

  const initialValues: Values = {
    reportCadence: plan.reportCadence,
    reportDueOffsetDays: plan.reportDueOffsetDays,
    commendCount: plan.commendCount,
    warnCount: plan.warnCount,
    taskVisibility: plan.taskVisibility,
    lightRules: { ...plan.lightRules },
    escalationRules: { ...plan.escalationRules },
  };
  const visibility = values?.taskVisibility ?? plan.taskVisibility;
  const number = (testId: string, suffix: string) => <InputNumber data-testid={testId} step={1} suffix={suffix || undefined} style={{ width: 140 }} />;

  return (
    <Form<Values> form={form} layout="horizontal" labelCol={{ flex: '150px' }} labelWrap size="small" data-testid="plan-settings-form" initialValues={initialValues} onFinish={(v) => void save(v)}>
      <Form.Item name="reportCadence" label={text.cadence}>
        <Radio.Group optionType="button" data-testid="settings-cadence" options={CADENCES.map((c) => ({ value: c, label: text.cadenceName[c] }))} />
      </Form.Item>
      <Form.Item name="reportDueOffsetDays" label={text.dueOffsetLabel} rules={wholeNumber(90, text.daysRule)}>
        {number('settings-due-offset', text.days)}
      </Form.Item>
      <Form.Item name="commendCount" label={text.commendLabel} rules={wholeNumber(100, text.countRule)}>
        {number('settings-commend-count', text.places)}
      </Form.Item>
      <Form.Item name="warnCount" label={text.warnLabel} rules={wholeNumber(100, text.countRule)}>
        {number('settings-warn-count', text.places)}
      </Form.Item>
      {/* The choice's meaning under it: what staff of other departments will and will not see. */}
      <Form.Item name="taskVisibility" label={text.visibility} extra={<span data-testid="settings-visibility-hint">{text.visibilityHint[visibility]}</span>}>
        <Select
          data-testid="settings-visibility"
          style={{ width: 200 }}
          popupMatchSelectWidth={380}
          options={TASK_VISIBILITIES.map((v) => ({ value: v, label: text.visibilityName[v] }))}
          optionRender={(option) => (
            <div style={{ whiteSpace: 'normal', padding: '2px 0' }}>
              <div>{option.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.visibilityHint[option.value as TaskVisibility]}</Typography.Text>
            </div>
          )}
        />
      </Form.Item>
      <Typography.Text strong style={{ display: 'block', margin: '4px 0' }}>{text.lightRulesTitle}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{text.lightRulesHint}</Typography.Paragraph>
      <Form.Item name={['lightRules', 'dueSoonDays']} label={text.dueSoon} rules={wholeNumber(60, text.dueSoonRule)} extra={text.dueSoonHint}>
        {number('settings-due-soon-days', text.days)}
      </Form.Item>
      <Form.Item name={['lightRules', 'paceYellowPoints']} label={text.paceYellow} rules={wholeNumber(100, text.pointsRule)} extra={text.paceYellowHint}>
        {number('settings-pace-yellow', text.points)}
      </Form.Item>
      <Form.Item
        name={['lightRules', 'paceRedPoints']}
        label={text.paceRed}
        dependencies={[['lightRules', 'paceYellowPoints']]}
        rules={[
          ...wholeNumber(100, text.pointsRule),
          ({ getFieldValue }) => ({
            validator: (_, red: number | null) => {
              const yellow = getFieldValue(['lightRules', 'paceYellowPoints']) as number | null;
              return typeof red === 'number' && typeof yellow === 'number' && red < yellow ? Promise.reject(new Error(text.redBelowYellow)) : Promise.resolve();
            },
          }),
        ]}
        extra={text.paceRedHint}
      >
        {number('settings-pace-red', text.points)}
      </Form.Item>
      <Form.Item name={['lightRules', 'staleDays']} label={text.stale} rules={wholeNumber(365, text.staleRule)} extra={text.staleHint}>
        {number('settings-stale-days', text.days)}
      </Form.Item>
      <Form.Item name={['lightRules', 'workingDays']} label={text.workingDays} valuePropName="checked" extra={text.workingDaysHint}>
        <Switch size="small" data-testid="settings-working-days" />
      </Form.Item>
      <Typography.Text strong style={{ display: 'block', margin: '4px 0' }}>{text.escalationTitle}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{text.escalationHint}</Typography.Paragraph>
      <Form.Item name={['escalationRules', 'reminderAfterDays']} label={text.reminderAfter} rules={wholeNumber(60, text.escalationRule, 1)} extra={text.reminderAfterHint}>
        {number('settings-reminder-after', text.workingDaySuffix)}
      </Form.Item>
      <Form.Item name={['escalationRules', 'noticeAfterDays']} label={text.noticeAfter} rules={wholeNumber(60, text.escalationRule, 1)} extra={text.noticeAfterHint}>
        {number('settings-notice-after', text.workingDaySuffix)}
      </Form.Item>
      <Flex justify="flex-end" align="center" gap={8}>
        <Button type="primary" htmlType="submit" loading={loading} disabled={changed.length === 0} data-testid="settings-save">
          {text.save}
        </Button>
      </Flex>
    </Form>
  );
}
