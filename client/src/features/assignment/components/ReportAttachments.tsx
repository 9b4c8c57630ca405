import { useApolloClient } from '@apollo/client/react';
import { App as AntApp, Button, Flex, Upload } from 'antd';
import { useState } from 'react';
import { EVIDENCE_ACCEPT, downloadEvidence, evidenceProblem, uploadReportAttachment } from '../../finding/api/evidence';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { useAssignmentText } from '../assignment.messages';
import type { AssignmentReport } from '../graphql/assignment.graphql';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A report's attachments (附件), downloaded with the token, and the upload button while the unit may
 * still add one. (No icons: the units tab is tested under jest, which cannot load @ant-design/icons.)
 */
export function ReportAttachments({ report }: { report: AssignmentReport }) {
  const text = useAssignmentText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const client = useApolloClient();
  const [uploading, setUploading] = useState(false);
  if (report.attachments.length === 0 && !report.canAttach) return null;
  return (
    <Flex wrap align="center" gap={4} data-testid="report-attachments">
      <span style={{ color: '#666' }}>{text.attachments}：</span>
      {report.attachments.map((file) => (
        <Button key={file.id} type="link" size="small" data-testid="report-attachment" onClick={() => void downloadEvidence(file).catch(showError)}>
          {file.fileName} <span style={{ color: '#999' }}>({size(file.sizeBytes)})</span>
        </Button>
      ))}
      {report.canAttach && (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            const problem = evidenceProblem(file);
            if (!problem) return true;
            void message.error(problem === 'type' ? text.attachTypes : text.attachTooLarge);
            return Upload.LIST_IGNORE;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            const chosen = file as File;
            setUploading(true);
            uploadReportAttachment(report.id, chosen)
              .then(async () => {
                onSuccess?.(null);
                void message.success(text.attached(chosen.name));
                // The list lives on the task's assignments; reload it rather than guess the new file's fields.
                await client.refetchQueries({ include: ['TaskAssignments'] });
              })
              .catch((error: unknown) => {
                onError?.(new Error(showError(error).message));
              })
              .finally(() => setUploading(false));
          }}
        >
          <Button size="small" loading={uploading} data-testid="report-attach">
            {text.attach}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
