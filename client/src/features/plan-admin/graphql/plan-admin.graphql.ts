import { gql, type TypedDocumentNode } from '@apollo/client';
import type { EscalationRules, LightRules, ReportCadence, Role, TaskVisibility } from '@workplan/shared';

/** 专题检查组 as the plan-admin card lists it. */
export interface PlanTeam {
  id: string;
  name: string;
  planId: string | null;
  leadDepartment: { id: string; name: string } | null;
  members: Array<{ id: string; name: string }>;
  regions: Array<{ id: string; name: string }>;
  taskIds: string[];
}

const TEAM_FIELDS = gql`
  fragment PlanTeamFields on InspectionTeam {
    id
    name
    planId
    leadDepartment { id name }
    members { id name }
    regions { id name }
    taskIds
  }
`;

export const PLAN_TEAMS: TypedDocumentNode<{ inspectionTeams: PlanTeam[] }, { planId: string }> = gql`
  query PlanInspectionTeams($planId: ID) { inspectionTeams(planId: $planId) { ...PlanTeamFields } }
  ${TEAM_FIELDS}
`;

export interface OptionDepartment {
  id: string;
  name: string;
  /** province, city, district, town or group */
  level: string;
  parentId: string | null;
}

export interface OptionUser {
  id: string;
  name: string;
  role: Role;
  department: { id: string; name: string } | null;
}

export interface OptionTask {
  id: string;
  code: string;
  title: string;
}

interface TaskPage {
  tasks: { nodes: OptionTask[]; pageInfo: { hasNextPage: boolean } };
}

export interface TeamFormOptions {
  departments: OptionDepartment[];
  inspectors: OptionUser[];
  coordinators: OptionUser[];
  board: { implementation: TaskPage; inspection: TaskPage };
}

/** What the 新建检查组 form picks from: departments, the people who may sit on a team, and the plan's tasks in implementation or inspection. */
export const TEAM_FORM_OPTIONS: TypedDocumentNode<TeamFormOptions, { filter: { planId: string } }> = gql`
  query TeamFormOptions($filter: BoardFilter) {
    departments { id name level parentId }
    inspectors: users(role: INSPECTOR) { id name role department { id name } }
    coordinators: users(role: COORDINATOR) { id name role department { id name } }
    board(filter: $filter) {
      implementation: column(stage: IMPLEMENTATION) { tasks(first: 100) { nodes { id code title } pageInfo { hasNextPage } } }
      inspection: column(stage: INSPECTION) { tasks(first: 100) { nodes { id code title } pageInfo { hasNextPage } } }
    }
  }
`;

export interface CreateTeamInput {
  name: string;
  planId: string;
  leadDepartmentId: string | null;
  memberIds: string[];
  taskIds: string[];
  regionIds: string[];
}

export const CREATE_TEAM: TypedDocumentNode<{ createInspectionTeam: PlanTeam }, { input: CreateTeamInput }> = gql`
  mutation CreatePlanInspectionTeam($input: CreateInspectionTeamInput!) { createInspectionTeam(input: $input) { ...PlanTeamFields } }
  ${TEAM_FIELDS}
`;

/** A plan's rules (003): reporting cadence and due day, how many are commended and yellow-carded, what staff see of other departments' tasks. */
export interface PlanSettings {
  id: string;
  title: string;
  reportCadence: ReportCadence;
  reportDueOffsetDays: number;
  commendCount: number;
  warnCount: number;
  taskVisibility: TaskVisibility;
  /** When a card's warning light turns yellow or red. */
  lightRules: LightRules;
  /** When reminders (催办) and supervision notices (督办通知单) go out by themselves, in working days. */
  escalationRules: EscalationRules;
}

const SETTINGS_FIELDS = 'id title reportCadence reportDueOffsetDays commendCount warnCount taskVisibility lightRules { dueSoonDays workingDays paceYellowPoints paceRedPoints staleDays } escalationRules { reminderAfterDays noticeAfterDays }';

export const PLAN_SETTINGS: TypedDocumentNode<{ plans: PlanSettings[] }> = gql`
  query PlanSettings { plans { ${SETTINGS_FIELDS} } }
`;

export interface UpdatePlanSettingsInput {
  planId: string;
  reportCadence?: ReportCadence;
  reportDueOffsetDays?: number;
  commendCount?: number;
  warnCount?: number;
  taskVisibility?: TaskVisibility;
  /** Only the rules that changed. */
  lightRules?: Partial<LightRules>;
  escalationRules?: Partial<EscalationRules>;
}

export const UPDATE_PLAN_SETTINGS: TypedDocumentNode<{ updatePlanSettings: PlanSettings }, { input: UpdatePlanSettingsInput }> = gql`
  mutation UpdatePlanSettings($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { ${SETTINGS_FIELDS} } }
`;
