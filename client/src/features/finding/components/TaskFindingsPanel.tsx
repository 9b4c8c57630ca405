import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { useSession } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import type { WorkTask } from '../../task-work/work-task';
import { useFindingText } from '../finding.messages';
import { TASK_FINDINGS } from '../graphql/finding.graphql';
import { mayLogFinding, mayUploadEvidence } from '../utils/finding-rules';
import { FindingItem } from './FindingItem';
import { LogFindingForm } from './LogFindingForm';

/** A task's findings and their rectification, with the form inspectors log new ones in. */
export function TaskFindingsPanel({ task }: { task: WorkTask }) {
  const text = useFindingText();
  const { t } = useI18n();
  const { user } = useSession();
  const { data, error, refetch } = useQuery(TASK_FINDINGS, { variables: { taskId: task.id } });
  return (
    <div data-testid="task-findings">
      {mayLogFinding(user, task) && (
        <Card size="small" title={text.logTitle} style={{ marginBottom: 16 }}>
          <LogFindingForm taskId={task.id} />
        </Card>
      )}
      {!data ? (
        error ? <Alert type="error" showIcon title={t('loadFailed')} action={<Button size="small" onClick={() => void refetch()}>{t('retry')}</Button>} /> : <Skeleton active />
      ) : data.findings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noFindings} />
      ) : (
        data.findings.map((finding) => <FindingItem key={finding.id} finding={finding} canUpload={mayUploadEvidence(user, task, finding)} />)
      )}
    </div>
  );
}
