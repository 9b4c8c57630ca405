import { Col, Row } from 'antd';
import { useSignedInRole } from '../hooks/use-signed-in-role';
import { InspectionTeamsCard } from './InspectionTeamsCard';
import { PlanSettingsCard } from './PlanSettingsCard';

/**
 * A plan's inspection teams and rules, side by side on wide screens. Nothing for 全部方案 (teams and
 * rules belong to one plan), nor outside a signed-in session.
 */
export function PlanAdminCards({ planId }: { planId: string | null }) {
  const role = useSignedInRole();
  if (!planId || !role) return null;
  return (
    <Row gutter={[12, 12]} data-testid="plan-admin-cards">
      <Col xs={24} xl={14}>
        <InspectionTeamsCard planId={planId} />
      </Col>
      <Col xs={24} xl={10}>
        <PlanSettingsCard planId={planId} />
      </Col>
    </Row>
  );
}
