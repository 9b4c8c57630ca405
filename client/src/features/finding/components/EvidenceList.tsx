import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { uploadEvidence } from '../api/evidence';
import { useFindingText } from '../finding.messages';
import type { EvidenceFile } from '../graphql/finding.graphql';
import { FileList } from './FileList';

/** A finding's evidence files (downloaded with the token), and the upload button for those who may add one. */
export function EvidenceList({ findingId, files, canUpload }: { findingId: string; files: readonly EvidenceFile[]; canUpload: boolean }) {
  const text = useFindingText();
  return (
    <FileList
      files={files}
      canUpload={canUpload}
      upload={(file) => uploadEvidence(findingId, file)}
      refetch="TaskFindings"
      text={{ label: text.evidence, upload: text.upload, uploaded: text.uploaded, wrongType: text.uploadTypes, tooLarge: text.uploadTooLarge }}
      testIds={{ list: 'finding-evidence', upload: 'evidence-upload' }}
      fileIcon={<PaperClipOutlined />}
      uploadIcon={<UploadOutlined />}
    />
  );
}
