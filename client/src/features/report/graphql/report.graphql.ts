import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ReportStatus } from '@workplan/shared';

/** A department's own view of its progress. */
export type ProgressStatus = 'ON_TRACK' | 'AT_RISK' | 'DELAYED';

export interface ProgressReport {
  id: string;
  taskId: string;
  departmentId: string;
  departmentName: string;
  /** 2026-Q3, 2026-H1 or 2026 */
  period: string;
  narrative: string;
  problems: string;
  status: ProgressStatus;
  /** Percent done as the department reported it, 0–100 (optional). */
  percentDone: number | null;
  submittedAt: string;
  submittedByName: string;
  /** Filed after its due day */
  late: boolean;
}

/** One report a department owes (or has filed) for a period. */
export interface ReportDue {
  taskId: string;
  departmentId: string;
  departmentName: string;
  lead: boolean;
  period: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: ReportStatus;
}

const REPORT_FIELDS = gql`
  fragment ProgressReportFields on ProgressReport {
    id taskId departmentId departmentName period narrative problems status percentDone submittedAt submittedByName late
  }
`;

/** Both lists in one round trip: the drawer's report tab shows them side by side. */
export const TASK_REPORTS: TypedDocumentNode<{ progressReports: ProgressReport[]; reportSchedule: ReportDue[] }, { taskId: string }> = gql`
  query TaskReports($taskId: ID!) {
    progressReports(taskId: $taskId) { ...ProgressReportFields }
    reportSchedule(taskId: $taskId) { taskId departmentId departmentName lead period dueDate status }
  }
  ${REPORT_FIELDS}
`;

export interface FileProgressReportVars {
  input: { taskId: string; period?: string | null; narrative: string; problems?: string | null; status: ProgressStatus; percentDone?: number };
}

export const FILE_PROGRESS_REPORT: TypedDocumentNode<{ fileProgressReport: ProgressReport }, FileProgressReportVars> = gql`
  mutation FileProgressReport($input: FileProgressReportInput!) {
    fileProgressReport(input: $input) { ...ProgressReportFields }
  }
  ${REPORT_FIELDS}
`;
