import { gql, type TypedDocumentNode } from '@apollo/client';
import type { FindingEventType, FindingSeverity, FindingStatus, Role } from '@workplan/shared';

export interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  /** GET it with the bearer token */
  url: string;
}

export interface FindingStep {
  /** A FindingEvent, or LOG for the first one */
  event: string;
  fromStatus: FindingStatus | null;
  toStatus: FindingStatus;
  actorName: string;
  role: Role;
  comment: string | null;
  at: string;
}

export interface Finding {
  id: string;
  taskId: string;
  severity: FindingSeverity;
  status: FindingStatus;
  description: string;
  /** YYYY-MM-DD */
  rectificationDeadline: string | null;
  /** Deadline passed and not yet rectified */
  overdue: boolean;
  version: number;
  createdAt: string;
  /** Steps the signed-in user may take now */
  availableEvents: FindingEventType[];
  evidence: EvidenceFile[];
  history: FindingStep[];
}

/** The whole finding, so a transition's answer replaces the cached one (status, steps, history) at once. */
const FINDING_FIELDS = gql`
  fragment FindingFields on Finding {
    id taskId severity status description rectificationDeadline overdue version createdAt availableEvents
    evidence { id fileName contentType sizeBytes uploadedAt url }
    history { event fromStatus toStatus actorName role comment at }
  }
`;

export const TASK_FINDINGS: TypedDocumentNode<{ findings: Finding[] }, { taskId: string }> = gql`
  query TaskFindings($taskId: ID!) { findings(taskId: $taskId) { ...FindingFields } }
  ${FINDING_FIELDS}
`;

export interface LogFindingVars {
  input: { taskId: string; severity: FindingSeverity; description: string; rectificationDeadline: string | null };
}

export const LOG_FINDING: TypedDocumentNode<{ logFinding: Finding }, LogFindingVars> = gql`
  mutation LogFinding($input: LogFindingInput!) { logFinding(input: $input) { ...FindingFields } }
  ${FINDING_FIELDS}
`;

export interface TransitionFindingVars {
  input: { findingId: string; event: FindingEventType; expectedVersion: number; comment: string | null };
}

export const TRANSITION_FINDING: TypedDocumentNode<{ transitionFinding: Finding }, TransitionFindingVars> = gql`
  mutation TransitionFinding($input: TransitionFindingInput!) { transitionFinding(input: $input) { ...FindingFields } }
  ${FINDING_FIELDS}
`;
