import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role, SideRequestGrant, SideRequestKind, SideRequestStatus, TaskStage } from '@workplan/shared';

export interface SideRequestDecision {
  approved: boolean;
  by: { id: string; name: string } | null;
  role: Role | null;
  at: string;
  comment: string | null;
  grantedDueDate: string | null;
}

export interface SideRequest {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  keyTask: boolean;
  kind: SideRequestKind;
  status: SideRequestStatus;
  department: { id: string; name: string };
  reason: string;
  requestedDueDate: string | null;
  adjustment: string | null;
  stageAtFiling: TaskStage;
  dueDateAtFiling: string | null;
  filedBy: { id: string; name: string } | null;
  filedAt: string;
  leaderDecision: SideRequestDecision | null;
  finalDecision: SideRequestDecision | null;
  withdrawnAt: string | null;
  awaitingMyDecision: 'LEADER' | 'FINAL' | null;
  canWithdraw: boolean;
}

const FIELDS = gql`
  fragment SideRequestFields on SideRequest {
    id taskId taskCode taskTitle keyTask kind status reason requestedDueDate adjustment stageAtFiling dueDateAtFiling filedAt withdrawnAt
    awaitingMyDecision canWithdraw
    department { id name }
    filedBy { id name }
    leaderDecision { approved role at comment grantedDueDate by { id name } }
    finalDecision { approved role at comment grantedDueDate by { id name } }
  }
`;

export const TASK_SIDE_REQUESTS: TypedDocumentNode<{ sideRequests: SideRequest[] }, { taskId: string }> = gql`
  query TaskSideRequests($taskId: ID!) { sideRequests(taskId: $taskId) { ...SideRequestFields } }
  ${FIELDS}
`;

export const PENDING_SIDE_REQUESTS: TypedDocumentNode<{ pendingSideRequests: SideRequest[] }> = gql`
  query PendingSideRequests { pendingSideRequests { ...SideRequestFields } }
  ${FIELDS}
`;

export const ENDED_BY_REQUEST: TypedDocumentNode<{ decidedSideRequests: SideRequest[] }> = gql`
  query EndedByRequest { decidedSideRequests(endedOnly: true, first: 50) { ...SideRequestFields } }
  ${FIELDS}
`;

export interface FileSideRequestInput {
  taskId: string;
  kind: SideRequestKind;
  reason: string;
  requestedDueDate?: string | null;
  adjustment?: string | null;
}

export const FILE_SIDE_REQUEST: TypedDocumentNode<{ fileSideRequest: SideRequest }, { input: FileSideRequestInput }> = gql`
  mutation FileSideRequest($input: FileSideRequestInput!) { fileSideRequest(input: $input) { ...SideRequestFields } }
  ${FIELDS}
`;

export const WITHDRAW_SIDE_REQUEST: TypedDocumentNode<{ withdrawSideRequest: SideRequest }, { id: string }> = gql`
  mutation WithdrawSideRequest($id: ID!) { withdrawSideRequest(id: $id) { ...SideRequestFields } }
  ${FIELDS}
`;

export const DECIDE_AS_LEADER: TypedDocumentNode<{ decideSideRequestAsLeader: SideRequest }, { id: string; approve: boolean; comment?: string | null }> = gql`
  mutation DecideSideRequestAsLeader($id: ID!, $approve: Boolean!, $comment: String) {
    decideSideRequestAsLeader(id: $id, approve: $approve, comment: $comment) { ...SideRequestFields }
  }
  ${FIELDS}
`;

export const DECIDE_SIDE_REQUEST: TypedDocumentNode<
  { decideSideRequest: SideRequest },
  { id: string; grant: SideRequestGrant; grantedDueDate?: string | null; comment?: string | null }
> = gql`
  mutation DecideSideRequest($id: ID!, $grant: SideRequestGrant!, $grantedDueDate: String, $comment: String) {
    decideSideRequest(id: $id, grant: $grant, grantedDueDate: $grantedDueDate, comment: $comment) { ...SideRequestFields }
  }
  ${FIELDS}
`;

export const SET_TASK_FLAGS: TypedDocumentNode<
  { setTaskFlags: { id: string; urgent: boolean; keyTask: boolean } },
  { taskId: string; urgent?: boolean | null; keyTask?: boolean | null }
> = gql`
  mutation SetTaskFlags($taskId: ID!, $urgent: Boolean, $keyTask: Boolean) { setTaskFlags(taskId: $taskId, urgent: $urgent, keyTask: $keyTask) { id urgent keyTask } }
`;
