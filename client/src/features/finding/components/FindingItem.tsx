import type { FindingStatus } from '@workplan/shared';
import { Card, Space, Tag, Typography } from 'antd';
import { useFindingText } from '../finding.messages';
import type { Finding } from '../graphql/finding.graphql';
import { EvidenceList } from './EvidenceList';
import { FindingActions } from './FindingActions';
import { FindingHistory } from './FindingHistory';

const STATUS_COLOR: Record<FindingStatus, string> = { OPEN: 'volcano', RECTIFYING: 'processing', RECTIFIED: 'cyan', VERIFIED: 'success' };

/** One finding: how serious, how far its rectification got, by when, the evidence, the steps taken and what the user can do next. */
export function FindingItem({ finding, canUpload }: { finding: Finding; canUpload: boolean }) {
  const text = useFindingText();
  return (
    <Card size="small" data-testid="finding-item" data-status={finding.status} style={{ marginBottom: 12 }}>
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Tag color={finding.severity === 'MAJOR' ? 'red' : undefined}>{text.severity[finding.severity]}</Tag>
        <Tag color={STATUS_COLOR[finding.status]}>{text.status[finding.status]}</Tag>
        {finding.overdue && <Tag color="red">{text.overdue}</Tag>}
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{finding.description}</Typography.Paragraph>
      <div style={{ color: finding.overdue ? '#cf1322' : '#666', marginBottom: 4 }}>
        {text.deadline}：{finding.rectificationDeadline ?? text.noDeadline}
      </div>
      <EvidenceList findingId={finding.id} files={finding.evidence} canUpload={canUpload} />
      <FindingHistory steps={finding.history} />
      <FindingActions finding={finding} />
    </Card>
  );
}
