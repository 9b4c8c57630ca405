import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PLAN_TEAMS, type PlanTeam } from '../graphql/plan-admin.graphql';
import { useSignedInRole } from '../hooks/use-signed-in-role';
import { usePlanAdminText, type PlanAdminText } from '../plan-admin.messages';
import { useApiErrorText } from './api-error-text';
import { CreateTeamModal } from './CreateTeamModal';

/** 专题检查组 of a plan (001, 003): who leads each, who is on it, what it covers. Coordinators form new ones. */
export function InspectionTeamsCard({ planId }: { planId: string }) {
  const text = usePlanAdminText();
  const errorText = useApiErrorText();
  const role = useSignedInRole();
  const [creating, setCreating] = useState(false);
  const teams = useQuery(PLAN_TEAMS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const list = teams.data?.inspectionTeams;

  let body;
  if (teams.error && !list) {
    body = (
      <Alert
        type="error"
        showIcon
        title={text.teamsFailed}
        description={errorText(teams.error)}
        action={<Button size="small" onClick={() => void teams.refetch()}>{text.retry}</Button>}
      />
    );
  } else if (!list) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (list.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noTeams} />;
  } else {
    body = (
      <Flex vertical>
        {list.map((team, i) => <TeamItem key={team.id} team={team} text={text} first={i === 0} />)}
      </Flex>
    );
  }

  return (
    <Card
      size="small"
      data-testid="teams-card"
      title={
        <Space size={6} wrap>
          <span>{text.teamsTitle}</span>
          {list && list.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{text.teamCount(list.length)}</Typography.Text>}
        </Space>
      }
      extra={role === 'COORDINATOR' && (
        <Button size="small" type="primary" data-testid="create-team" onClick={() => setCreating(true)}>
          {text.createTeam}
        </Button>
      )}
      style={{ height: '100%' }}
    >
      {body}
      {role === 'COORDINATOR' && <CreateTeamModal planId={planId} open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function TeamItem({ team, text, first }: { team: PlanTeam; text: PlanAdminText; first: boolean }) {
  const secondary = (value: string) => <Typography.Text type="secondary">{value}</Typography.Text>;
  return (
    <div data-testid="team-item" data-team-id={team.id} style={{ padding: '8px 0', borderTop: first ? undefined : '1px solid #f0f0f0' }}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong>{team.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="team-task-count">{text.coveredTasks(team.taskIds.length)}</Typography.Text>
      </Flex>
      <div style={{ marginTop: 4 }}>
        {secondary(`${text.lead}${text.colon}`)}
        {team.leadDepartment?.name ?? secondary(text.noLead)}
      </div>
      <div>
        {secondary(`${text.members}${text.colon}`)}
        {team.members.length ? team.members.map((m) => m.name).join('、') : secondary(text.noMembers)}
      </div>
      <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
        {secondary(`${text.regions}${text.colon}`)}
        {team.regions.length ? team.regions.map((r) => <Tag key={r.id} style={{ marginInlineEnd: 0 }}>{r.name}</Tag>) : secondary(text.noRegions)}
      </Flex>
    </div>
  );
}
