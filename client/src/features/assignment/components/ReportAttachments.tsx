import { uploadReportAttachment } from '../../finding/api/evidence';
import { FileList } from '../../finding/components/FileList';
import { useAssignmentText } from '../assignment.messages';
import type { AssignmentReport } from '../graphql/assignment.graphql';

/**
 * A report's attachments (附件), downloaded with the token, and the upload button while the unit may
 * still add one. (No icons: the units tab is tested under jest, which cannot load @ant-design/icons.)
 */
export function ReportAttachments({ report }: { report: AssignmentReport }) {
  const text = useAssignmentText();
  return (
    <FileList
      files={report.attachments}
      canUpload={report.canAttach}
      upload={(file) => uploadReportAttachment(report.id, file)}
      refetch="TaskAssignments"
      text={{ label: text.attachments, upload: text.attach, uploaded: text.attached, wrongType: text.attachTypes, tooLarge: text.attachTooLarge }}
      testIds={{ list: 'report-attachments', file: 'report-attachment', upload: 'report-attach' }}
    />
  );
}
