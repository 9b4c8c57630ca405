import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { inspects, isWorkStage, type WorkTask } from '../../task-work/work-task';
import { TASK_INSPECTIONS } from '../graphql/inspection.graphql';
import { useInspectionText } from '../inspection.messages';
import { RecordVisitModal } from './RecordVisitModal';
import { ScheduleInspectionForm } from './ScheduleInspectionForm';

/** A task's inspection visits; inspectors and coordinators schedule them and record how they went. */
export function TaskInspectionsPanel({ task }: { task: WorkTask }) {
  const text = useInspectionText();
  const { t } = useI18n();
  const { user } = useSession();
  const { data, error, refetch } = useQuery(TASK_INSPECTIONS, { variables: { taskId: task.id } });
  const [recording, setRecording] = useState<string | null>(null);
  const mayInspect = inspects(user);
  return (
    <div data-testid="task-inspections">
      {mayInspect && isWorkStage(task.stage) && (
        <Card size="small" title={text.scheduleTitle} style={{ marginBottom: 16 }}>
          <ScheduleInspectionForm taskId={task.id} planId={task.planId} />
        </Card>
      )}
      {!data ? (
        error ? <Alert type="error" showIcon title={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} /> : <Skeleton active />
      ) : data.inspections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noInspections} />
      ) : (
        data.inspections.map((inspection) => (
          <div key={inspection.id} data-testid="inspection-item" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Space wrap size={4}>
              <strong>{inspection.scheduledOn}</strong>
              <span>{inspection.teamName ?? text.noTeam}</span>
              {inspection.visitedOn ? <Tag color="green">{text.visited} {inspection.visitedOn}</Tag> : <Tag color="orange">{text.notVisited}</Tag>}
            </Space>
            {inspection.visitedOn && (
              <Typography.Paragraph type={inspection.conclusion ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                {inspection.conclusion ?? text.noConclusion}
              </Typography.Paragraph>
            )}
            {mayInspect && !inspection.visitedOn && (
              <Button size="small" style={{ marginTop: 4 }} onClick={() => setRecording(inspection.id)}>
                {text.recordVisit}
              </Button>
            )}
          </div>
        ))
      )}
      <RecordVisitModal inspectionId={recording} onClose={() => setRecording(null)} />
    </div>
  );
}
