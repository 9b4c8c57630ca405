import { useApolloClient } from '@apollo/client/react';
import { App as AntApp, Button, Flex, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { EVIDENCE_ACCEPT, downloadEvidence, evidenceProblem } from '../api/evidence';
import type { EvidenceFile } from '../graphql/finding.graphql';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface FileListText {
  label: string;
  upload: string;
  uploaded(name: string): string;
  wrongType: string;
  tooLarge: string;
}

/**
 * Stored files (a finding's evidence, a unit report's attachments: one store on the server),
 * downloaded with the token, and an upload button for those who may add one. After an upload the
 * named query is read again rather than guessing the new file's fields.
 */
export function FileList({
  files,
  canUpload,
  upload,
  refetch,
  text,
  testIds,
  fileIcon,
  uploadIcon,
}: {
  files: readonly EvidenceFile[];
  canUpload: boolean;
  upload(file: File): Promise<unknown>;
  refetch: string;
  text: FileListText;
  testIds: { list: string; file?: string; upload: string };
  fileIcon?: ReactNode;
  uploadIcon?: ReactNode;
}) {
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const client = useApolloClient();
  const [uploading, setUploading] = useState(false);
  if (files.length === 0 && !canUpload) return null;
  return (
    <Flex wrap align="center" gap={4} data-testid={testIds.list}>
      <span style={{ color: '#666' }}>{text.label}：</span>
      {files.map((file) => (
        <Button key={file.id} type="link" size="small" icon={fileIcon} data-testid={testIds.file} onClick={() => void downloadEvidence(file).catch(showError)}>
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
            void message.error(problem === 'type' ? text.wrongType : text.tooLarge);
            return Upload.LIST_IGNORE;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            const chosen = file as File;
            setUploading(true);
            upload(chosen)
              .then(async () => {
                onSuccess?.(null);
                void message.success(text.uploaded(chosen.name));
                await client.refetchQueries({ include: [refetch] });
              })
              .catch((error: unknown) => {
                onError?.(new Error(showError(error).message));
              })
              .finally(() => setUploading(false));
          }}
        >
          <Button size="small" icon={uploadIcon} loading={uploading} data-testid={testIds.upload}>
            {text.upload}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
