import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AssessmentGrade, BoardStage, PaceStatus } from '@workplan/shared';

export interface StageCount {
  stage: BoardStage;
  totalCount: number;
}

export interface DashboardLane {
  department: { id: string; code: string; name: string };
  totalCount: number;
  columns: StageCount[];
}

export interface YearValue {
  year: number;
  value: number;
}

export interface DashboardIndicator {
  id: string;
  name: string;
  unit: string;
  baselineYear: number | null;
  baselineValue: number | null;
  summaryGoal: string | null;
  targets: YearValue[];
  actuals: YearValue[];
  allocationChecks: Array<{ year: number; ok: boolean; sum: number; total: number; difference: number; message: string }>;
  /** Share of the way from baseline to this year's target (not clamped); null when it cannot be measured */
  progress: number | null;
  /** Share of this year elapsed (序时进度), 0–1 */
  expectedPace: number;
  paceStatus: PaceStatus | null;
}

export interface PlanDashboard {
  planId: string | null;
  taskCount: number;
  stages: StageCount[];
  departments: DashboardLane[];
  overdueTasks: number;
  lateReports: number;
  reportsDueSoon: number;
  openFindings: number;
  openMajorFindings: number;
  overdueFindings: number;
  indicators: DashboardIndicator[];
}

export const PLAN_DASHBOARD: TypedDocumentNode<{ planDashboard: PlanDashboard }, { planId: string | null }> = gql`
  query PlanDashboard($planId: ID) {
    planDashboard(planId: $planId) {
      planId
      taskCount
      stages { stage totalCount }
      departments { department { id code name } totalCount columns { stage totalCount } }
      overdueTasks
      lateReports
      reportsDueSoon
      openFindings
      openMajorFindings
      overdueFindings
      indicators {
        id name unit baselineYear baselineValue summaryGoal
        targets { year value }
        actuals { year value }
        allocationChecks { year ok sum total difference message }
        progress expectedPace paceStatus
      }
    }
  }
`;

export interface DepartmentRanking {
  rank: number;
  department: { id: string; code: string; name: string };
  score: number;
  grade: AssessmentGrade;
  taskCount: number;
  commended: boolean;
  warned: boolean;
  demotion: boolean;
  reasons: string[];
}

export const DEPARTMENT_RANKING: TypedDocumentNode<{ departmentRanking: DepartmentRanking[] }, { planId: string; period: string }> = gql`
  query DepartmentRanking($planId: ID!, $period: String!) {
    departmentRanking(planId: $planId, period: $period) {
      rank
      department { id code name }
      score
      grade
      taskCount
      commended
      warned
      demotion
      reasons
    }
  }
`;

export const DASHBOARD_PLANS: TypedDocumentNode<{ plans: Array<{ id: string; title: string }> }> = gql`
  query DashboardPlans { plans { id title } }
`;
