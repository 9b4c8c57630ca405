import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ReportDue {
  taskId: string;
  taskCode: string;
  taskTitle: string;
  departmentName: string;
  lead: boolean;
  period: string;
  dueDate: string;
  status: string;
}

export interface InspectionRow {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  taskStage: string;
  teamName: string | null;
  scheduledOn: string;
  visitedOn: string | null;
  conclusion: string | null;
}

export interface OpenFinding {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  severity: 'MINOR' | 'MAJOR';
  description: string;
  status: string;
  rectificationDeadline: string | null;
  overdue: boolean;
}

export const MY_REPORTS_DUE: TypedDocumentNode<{ myReportsDue: ReportDue[] }> = gql`
  query MyReportsDue { myReportsDue { taskId taskCode taskTitle departmentName lead period dueDate status } }
`;

export const MY_INSPECTIONS: TypedDocumentNode<{ myInspections: InspectionRow[] }> = gql`
  query MyInspections { myInspections { id taskId taskCode taskTitle taskStage teamName scheduledOn visitedOn conclusion } }
`;

export const OPEN_FINDINGS: TypedDocumentNode<{ findingList: OpenFinding[] }, { departmentId?: string | null }> = gql`
  query OpenFindings($departmentId: ID) { findingList(openOnly: true, departmentId: $departmentId) { id taskId taskCode taskTitle severity description status rectificationDeadline overdue } }
`;
