import { gql, type TypedDocumentNode } from '@apollo/client';
import type { InstructionTone, Light, LightReason, TaskStage } from '@workplan/shared';

export interface LeaderInstruction {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  number: string;
  issuedOn: string;
  content: string;
  tone: InstructionTone;
  reopenedTask: boolean;
  createdBy: { id: string; name: string };
  createdAt: string;
  answer: string | null;
  answeredBy: { id: string; name: string } | null;
  answeredAt: string | null;
  mayAnswer: boolean;
}

export interface TaskAnnotation {
  id: string;
  content: string;
  author: { id: string; name: string };
  createdAt: string;
}

const INSTRUCTION_FIELDS = gql`
  fragment InstructionFields on LeaderInstruction {
    id taskId taskCode taskTitle number issuedOn content tone reopenedTask createdAt answer answeredAt mayAnswer
    createdBy { id name }
    answeredBy { id name }
  }
`;

export const TASK_INSTRUCTIONS: TypedDocumentNode<
  { instructions: LeaderInstruction[]; annotations: TaskAnnotation[]; task: { id: string; followedByMe: boolean } },
  { taskId: string }
> = gql`
  query TaskInstructions($taskId: ID!) {
    instructions(taskId: $taskId) { ...InstructionFields }
    annotations(taskId: $taskId) { id content createdAt author { id name } }
    task(id: $taskId) { id followedByMe }
  }
  ${INSTRUCTION_FIELDS}
`;

export interface IssueInstructionVars {
  input: { taskId: string; number: string; issuedOn: string; content: string; tone: InstructionTone };
}

export const ISSUE_INSTRUCTION: TypedDocumentNode<{ issueInstruction: LeaderInstruction }, IssueInstructionVars> = gql`
  mutation IssueInstruction($input: IssueInstructionInput!) { issueInstruction(input: $input) { ...InstructionFields } }
  ${INSTRUCTION_FIELDS}
`;

export const ANSWER_INSTRUCTION: TypedDocumentNode<{ answerInstruction: LeaderInstruction }, { id: string; content: string }> = gql`
  mutation AnswerInstruction($id: ID!, $content: String!) { answerInstruction(instructionId: $id, content: $content) { ...InstructionFields } }
  ${INSTRUCTION_FIELDS}
`;

export const ANNOTATE_TASK: TypedDocumentNode<{ annotateTask: TaskAnnotation }, { taskId: string; content: string }> = gql`
  mutation AnnotateTask($taskId: ID!, $content: String!) { annotateTask(taskId: $taskId, content: $content) { id content createdAt author { id name } } }
`;

export const FOLLOW_TASK: TypedDocumentNode<{ followTask: { id: string; followedByMe: boolean } }, { taskId: string }> = gql`
  mutation FollowTask($taskId: ID!) { followTask(taskId: $taskId) { id followedByMe } }
`;

export const UNFOLLOW_TASK: TypedDocumentNode<{ unfollowTask: { id: string; followedByMe: boolean } }, { taskId: string }> = gql`
  mutation UnfollowTask($taskId: ID!) { unfollowTask(taskId: $taskId) { id followedByMe } }
`;

export interface FollowedTask {
  id: string;
  code: string;
  title: string;
  stage: TaskStage;
  dueDate: string | null;
  light: Light;
  lightReasons: LightReason[];
  pointsBehind: number | null;
  leadDepartment: { id: string; name: string };
}

export const FOLLOWING: TypedDocumentNode<{ followedTasks: FollowedTask[]; unansweredInstructions: LeaderInstruction[] }> = gql`
  query Following {
    followedTasks { id code title stage dueDate light lightReasons pointsBehind leadDepartment { id name } }
    unansweredInstructions { ...InstructionFields }
  }
  ${INSTRUCTION_FIELDS}
`;

export const UNANSWERED_INSTRUCTIONS: TypedDocumentNode<{ unansweredInstructions: LeaderInstruction[] }> = gql`
  query UnansweredInstructions { unansweredInstructions { ...InstructionFields } }
  ${INSTRUCTION_FIELDS}
`;
