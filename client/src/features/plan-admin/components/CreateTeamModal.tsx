import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { CREATE_TEAM, PLAN_TEAMS, TEAM_FORM_OPTIONS, type OptionDepartment, type OptionUser, type TeamFormOptions } from '../graphql/plan-admin.graphql';
import { usePlanAdminText, type PlanAdminText } from '../plan-admin.messages';
import { useApiErrorText } from './api-error-text';

interface Values {
  name: string;
  leadDepartmentId?: string;
  memberIds?: string[];
  taskIds?: string[];
  regionIds?: string[];
}

interface Option {
  value: string;
  label: string;
}

interface OptionGroup {
  label: string;
  options: Option[];
}

const LEVELS = ['province', 'city', 'district', 'town', 'group'] as const;
/** What a team may cover as a region (001: 各地级以上市, 县区, 镇街). */
const REGION_LEVELS = ['city', 'district', 'town'] as const;

/** Departments grouped by level in directory order; districts and towns carry their parent's name, since town names repeat. */
function departmentGroups(departments: readonly OptionDepartment[], levels: readonly string[], text: PlanAdminText): OptionGroup[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const levelOf = (d: OptionDepartment) => ((LEVELS as readonly string[]).includes(d.level) ? d.level : 'group');
  const label = (d: OptionDepartment) => {
    const parent = d.parentId ? byId.get(d.parentId) : undefined;
    return parent && (d.level === 'district' || d.level === 'town') ? text.withParent(d.name, parent.name) : d.name;
  };
  return levels
    .map((level) => ({ label: text.level[level] ?? level, options: departments.filter((d) => levelOf(d) === level).map((d) => ({ value: d.id, label: label(d) })) }))
    .filter((group) => group.options.length > 0);
}

function memberGroups(data: TeamFormOptions, text: PlanAdminText): OptionGroup[] {
  const option = (u: OptionUser) => ({ value: u.id, label: u.department ? text.withParent(u.name, u.department.name) : u.name });
  return [
    { label: text.roleGroup.INSPECTOR, options: data.inspectors.map(option) },
    { label: text.roleGroup.COORDINATOR, options: data.coordinators.map(option) },
  ].filter((group) => group.options.length > 0);
}

const searchable = { optionFilterProp: 'label' } as const;

/** 新建检查组: name, lead department, members, and the tasks and regions the team covers. */
export function CreateTeamModal({ planId, open, onClose }: { planId: string; open: boolean; onClose(): void }) {
  const text = usePlanAdminText();
  const { stage } = useI18n();
  const errorText = useApiErrorText();
  const showError = useApiErrorMessage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const options = useQuery(TEAM_FORM_OPTIONS, { variables: { filter: { planId } }, skip: !open, fetchPolicy: 'cache-and-network' });
  // The plan's list is asked again, so the new team shows where the server puts it.
  const [create, { loading }] = useMutation(CREATE_TEAM, { refetchQueries: [{ query: PLAN_TEAMS, variables: { planId } }] });

  const data = options.data;
  const choices = useMemo(() => {
    if (!data) return null;
    const { implementation, inspection } = data.board;
    const tasks = [
      { label: stage('INSPECTION'), options: inspection.tasks.nodes },
      { label: stage('IMPLEMENTATION'), options: implementation.tasks.nodes },
    ]
      .map((group) => ({ label: group.label, options: group.options.map((t) => ({ value: t.id, label: `${t.code} ${t.title}` })) }))
      .filter((group) => group.options.length > 0);
    return {
      lead: departmentGroups(data.departments, LEVELS, text),
      regions: departmentGroups(data.departments, REGION_LEVELS, text),
      members: memberGroups(data, text),
      tasks,
      tasksTruncated: implementation.tasks.pageInfo.hasNextPage || inspection.tasks.pageInfo.hasNextPage,
    };
  }, [data, stage, text]);

  const submit = async (values: Values) => {
    const name = values.name.trim();
    try {
      await create({
        variables: {
          input: {
            name,
            planId,
            leadDepartmentId: values.leadDepartmentId ?? null,
            memberIds: values.memberIds ?? [],
            taskIds: values.taskIds ?? [],
            regionIds: values.regionIds ?? [],
          },
        },
      });
      void message.success(text.created(name));
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  const selectProps = { loading: options.loading && !data, allowClear: true, showSearch: searchable, style: { width: '100%' } };

  return (
    <Modal
      open={open}
      title={text.createTeam}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="cancel" onClick={onClose}>{text.cancel}</Button>,
        <Button key="submit" type="primary" loading={loading} data-testid="team-submit" onClick={() => form.submit()}>{text.submit}</Button>,
      ]}
    >
      {options.error && !data && <Alert type="error" showIcon title={text.optionsFailed} description={errorText(options.error)} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" preserve={false} data-testid="create-team-form" onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={text.teamName} rules={[{ required: true, whitespace: true, message: text.nameRequired }]}>
          <Input data-testid="team-name" maxLength={200} placeholder={text.teamNamePlaceholder} autoFocus />
        </Form.Item>
        <Form.Item name="leadDepartmentId" label={text.lead}>
          <Select {...selectProps} data-testid="team-lead" placeholder={text.leadPlaceholder} options={choices?.lead ?? []} />
        </Form.Item>
        <Form.Item name="memberIds" label={text.membersLabel}>
          <Select {...selectProps} mode="multiple" data-testid="team-members" placeholder={text.membersPlaceholder} options={choices?.members ?? []} />
        </Form.Item>
        <Form.Item
          name="taskIds"
          label={text.tasksLabel}
          extra={choices?.tasksTruncated ? <Typography.Text type="warning">{text.tasksTruncated}</Typography.Text> : undefined}
        >
          <Select {...selectProps} mode="multiple" maxTagCount="responsive" data-testid="team-tasks" placeholder={text.tasksPlaceholder} options={choices?.tasks ?? []} />
        </Form.Item>
        <Form.Item name="regionIds" label={text.regionsLabel}>
          <Select {...selectProps} mode="multiple" maxTagCount="responsive" data-testid="team-regions" placeholder={text.regionsPlaceholder} options={choices?.regions ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
