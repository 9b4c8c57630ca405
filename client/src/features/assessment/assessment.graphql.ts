import { gql, type TypedDocumentNode } from '@apollo/client';

export interface TaskIndicator {
  id: string;
  name: string;
  unit: string;
  baselineValue: number | null;
  targets: Array<{ year: number; value: number }>;
  actuals: Array<{ year: number; value: number }>;
  progress: number | null;
  expectedPace: number;
  paceStatus: string | null;
}

export interface TaskAssessment {
  id: string;
  period: string;
  score: number;
  grade: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';
  comment: string | null;
  assessedByName: string;
  assessedAt: string;
}

export const TASK_RESULTS: TypedDocumentNode<{ indicators: TaskIndicator[]; assessments: TaskAssessment[] }, { taskId: string }> = gql`
  query TaskResults($taskId: ID!) {
    indicators(taskId: $taskId) { id name unit baselineValue targets { year value } actuals { year value } progress expectedPace paceStatus }
    assessments(taskId: $taskId) { id period score grade comment assessedByName assessedAt }
  }
`;

export const ASSESS_TASK: TypedDocumentNode<{ assessTask: TaskAssessment }, { input: { taskId: string; period: string; score: number; comment?: string | null } }> = gql`
  mutation AssessTask($input: AssessTaskInput!) { assessTask(input: $input) { id period score grade comment assessedByName assessedAt } }
`;
