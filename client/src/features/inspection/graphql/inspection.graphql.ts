import { gql, type TypedDocumentNode } from '@apollo/client';

export interface Inspection {
  id: string;
  taskId: string;
  /** YYYY-MM-DD */
  scheduledOn: string;
  teamId: string | null;
  teamName: string | null;
  /** YYYY-MM-DD */
  visitedOn: string | null;
  conclusion: string | null;
}

const INSPECTION_FIELDS = gql`
  fragment InspectionFields on Inspection { id taskId scheduledOn teamId teamName visitedOn conclusion }
`;

export const TASK_INSPECTIONS: TypedDocumentNode<{ inspections: Inspection[] }, { taskId: string }> = gql`
  query TaskInspections($taskId: ID!) { inspections(taskId: $taskId) { ...InspectionFields } }
  ${INSPECTION_FIELDS}
`;

export const INSPECTION_TEAMS: TypedDocumentNode<{ inspectionTeams: Array<{ id: string; name: string }> }, { planId: string | null }> = gql`
  query InspectionTeams($planId: ID) { inspectionTeams(planId: $planId) { id name } }
`;

export const SCHEDULE_INSPECTION: TypedDocumentNode<{ scheduleInspection: Inspection }, { input: { taskId: string; scheduledOn: string; teamId: string | null } }> = gql`
  mutation ScheduleInspection($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { ...InspectionFields } }
  ${INSPECTION_FIELDS}
`;

export const RECORD_INSPECTION_VISIT: TypedDocumentNode<{ recordInspectionVisit: Inspection }, { input: { inspectionId: string; visitedOn: string; conclusion: string | null } }> = gql`
  mutation RecordInspectionVisit($input: RecordInspectionVisitInput!) { recordInspectionVisit(input: $input) { ...InspectionFields } }
  ${INSPECTION_FIELDS}
`;
