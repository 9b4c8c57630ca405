import { gql, type TypedDocumentNode } from '@apollo/client';
import type { EvidenceFile } from '../../finding/graphql/finding.graphql';
import type { AssignmentAction, AssignmentRollup, AssignmentStatus, Light, LightReason, ReviewVerdict } from '@workplan/shared';

export interface AssignmentReport {
  id: string;
  percentDone: number;
  workDone: string;
  problems: string;
  supportNeeded: string;
  nextPlan: string;
  submittedByName: string;
  submittedAt: string;
  /** Null while it awaits review. */
  review: 'PASSED' | 'RETURNED' | null;
  reviewReason: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  /** Files attached to it (附件), oldest first. */
  attachments: EvidenceFile[];
  /** The signed-in person may attach files now (its unit's staff, while it awaits review). */
  canAttach: boolean;
}

/** One responsible unit's own record of a task (承办单位). */
export interface Assignment {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  department: { id: string; name: string };
  lead: boolean;
  status: AssignmentStatus;
  dueDate: string | null;
  /** YYYY-MM-DD: the last day to sign for it (签收时限), in working days. */
  signDueOn: string;
  signedAt: string | null;
  signedByName: string | null;
  signedLate: boolean;
  returnCount: number;
  sentBackReason: string | null;
  percentDone: number | null;
  light: Light;
  lightReasons: LightReason[];
  reports: AssignmentReport[];
  availableActions: AssignmentAction[];
}

export type { AssignmentRollup };

const ASSIGNMENT_FIELDS = gql`
  fragment AssignmentFields on Assignment {
    id taskId taskCode taskTitle lead status dueDate signDueOn signedAt signedByName signedLate returnCount sentBackReason percentDone light lightReasons availableActions
    department { id name }
    reports { id percentDone workDone problems supportNeeded nextPlan submittedByName submittedAt review reviewReason reviewedByName reviewedAt canAttach
      attachments { id fileName contentType sizeBytes uploadedAt url } }
  }
`;

export const TASK_ASSIGNMENTS: TypedDocumentNode<{ assignments: Assignment[] }, { taskId: string }> = gql`
  query TaskAssignments($taskId: ID!) {
    assignments(taskId: $taskId) { ...AssignmentFields }
  }
  ${ASSIGNMENT_FIELDS}
`;

/** What waits on the signed-in unit: assignments to sign for, reports returned for rework. */
export const MY_ASSIGNMENTS: TypedDocumentNode<{ myAssignments: Assignment[] }> = gql`
  query MyAssignments {
    myAssignments { ...AssignmentFields }
  }
  ${ASSIGNMENT_FIELDS}
`;

export const SIGN_FOR_ASSIGNMENT: TypedDocumentNode<{ signForAssignment: Assignment }, { assignmentId: string }> = gql`
  mutation SignForAssignment($assignmentId: ID!) {
    signForAssignment(assignmentId: $assignmentId) { ...AssignmentFields }
  }
  ${ASSIGNMENT_FIELDS}
`;

export interface AssignmentReportInput {
  assignmentId: string;
  percentDone: number;
  workDone: string;
  problems?: string | null;
  supportNeeded?: string | null;
  nextPlan?: string | null;
}

export const FILE_ASSIGNMENT_REPORT: TypedDocumentNode<{ fileAssignmentReport: Assignment }, { input: AssignmentReportInput }> = gql`
  mutation FileAssignmentReport($input: FileAssignmentReportInput!) {
    fileAssignmentReport(input: $input) { ...AssignmentFields }
  }
  ${ASSIGNMENT_FIELDS}
`;

export const REVIEW_ASSIGNMENT_REPORT: TypedDocumentNode<{ reviewAssignmentReport: Assignment }, { reportId: string; verdict: ReviewVerdict; reason?: string | null }> = gql`
  mutation ReviewAssignmentReport($reportId: ID!, $verdict: ReviewVerdict!, $reason: String) {
    reviewAssignmentReport(reportId: $reportId, verdict: $verdict, reason: $reason) { ...AssignmentFields }
  }
  ${ASSIGNMENT_FIELDS}
`;

export const SEND_BACK_ASSIGNMENT: TypedDocumentNode<{ sendBackAssignment: Assignment }, { assignmentId: string; reason: string }> = gql`
  mutation SendBackAssignment($assignmentId: ID!, $reason: String!) {
    sendBackAssignment(assignmentId: $assignmentId, reason: $reason) { ...AssignmentFields }
  }
  ${ASSIGNMENT_FIELDS}
`;
