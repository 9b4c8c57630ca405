import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { App as AntApp, Button, Flex, Upload } from 'antd';
import { useState } from 'react';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { EVIDENCE_ACCEPT, downloadEvidence, evidenceProblem, uploadEvidence } from '../api/evidence';
import { useFindingText } from '../finding.messages';
import type { EvidenceFile } from '../graphql/finding.graphql';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A finding's evidence files (downloaded with the token), and the upload button for those who may add one. */
export function EvidenceList({ findingId, files, canUpload }: { findingId: string; files: readonly EvidenceFile[]; canUpload: boolean }) {
  const text = useFindingText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const client = useApolloClient();
  const [uploading, setUploading] = useState(false);
  if (files.length === 0 && !canUpload) return null;
  return (
    <Flex wrap align="center" gap={4} data-testid="finding-evidence">
      <span style={{ color: '#666' }}>{text.evidence}：</span>
      {files.map((file) => (
        <Button key={file.id} type="link" size="small" icon={<PaperClipOutlined />} onClick={() => void downloadEvidence(file).catch(showError)}>
          {file.fileName} <span style={{ color: '#999' }}>({size(file.sizeBytes)})</span>
        </Button>
      ))}
      {canUpload && (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            const problem = evidenceProblem(file);
            if (!problem) return true;
            void message.error(problem === 'type' ? text.uploadTypes : text.uploadTooLarge);
            return Upload.LIST_IGNORE;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            const chosen = file as File;
            setUploading(true);
            uploadEvidence(findingId, chosen)
              .then(async () => {
                onSuccess?.(null);
                void message.success(text.uploaded(chosen.name));
                // The file list lives on the finding; reload it rather than guess the new file's fields.
                await client.refetchQueries({ include: ['TaskFindings'] });
              })
              .catch((error: unknown) => {
                onError?.(new Error(showError(error).message));
              })
              .finally(() => setUploading(false));
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">
            {text.upload}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
