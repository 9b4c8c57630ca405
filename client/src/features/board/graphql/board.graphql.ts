import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AssignmentRollup, BoardStage, Light, LightReason, PersistedTaskSnapshot, TaskEventType, TaskStage } from '@workplan/shared';
import type { ApiBoardFilter } from '../utils/board-filter';

export interface CardTask {
  id: string;
  code: string;
  title: string;
  stage: TaskStage;
  subState: string | null;
  version: number;
  dueDate: string | null;
  overdue: boolean;
  returnCount: number;
  rectificationCount: number;
  outcome: string | null;
  planId: string | null;
  progressReportCount: number;
  openFindingCount: number;
  openMajorFindingCount: number;
  lateReportCount: number;
  reportsDueSoonCount: number;
  /** The derived warning light (红黄绿灯) and why it is not green. */
  light: Light;
  lightReasons: LightReason[];
  /** Points behind the expected pace (negative: ahead); null when no percent was reported. */
  pointsBehind: number | null;
  /** The latest reported percent done. */
  percentDone: number | null;
  leadDepartment: { id: string; name: string };
  cooperatingDepartments: Array<{ id: string; name: string }>;
  snapshot: PersistedTaskSnapshot;
  /** Its responsible units at a glance (signed for, reported, passed, returned, sent back). */
  assignmentRollup: AssignmentRollup;
  /** 紧急 / 重点任务 (coordinators set them in the drawer). */
  urgent: boolean;
  keyTask: boolean;
  /** Reminders and supervision notices its units have not signed for yet. */
  unsignedReminderCount: number;
}

export const CARD_FIELDS = gql`
  fragment CardFields on Task {
    id code title stage subState version dueDate overdue returnCount rectificationCount outcome planId snapshot
    progressReportCount openFindingCount openMajorFindingCount lateReportCount reportsDueSoonCount
    light lightReasons pointsBehind percentDone urgent keyTask unsignedReminderCount
    assignmentRollup { units signed reported passed returned sentBack }
    leadDepartment { id name }
    cooperatingDepartments { id name }
  }
`;

export interface Page {
  nodes: CardTask[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface ColumnData {
  board: { column: { stage: BoardStage; totalCount: number; tasks: Page } };
}
export interface ColumnVars {
  filter: ApiBoardFilter & { laneDepartmentId?: string | null };
  stage: BoardStage;
  first: number;
  after?: string | null;
}

export const BOARD_COLUMN: TypedDocumentNode<ColumnData, ColumnVars> = gql`
  query BoardColumn($filter: BoardFilter, $stage: TaskStage!, $first: Int!, $after: String) {
    board(filter: $filter) {
      column(stage: $stage) {
        stage
        totalCount
        tasks(first: $first, after: $after) { nodes { ...CardFields } pageInfo { endCursor hasNextPage } }
      }
    }
  }
  ${CARD_FIELDS}
`;

export interface SummaryData {
  board: {
    totalCount: number;
    /** Where to catch up from after a dropped live connection. */
    changesCursor: string;
    columns: Array<{ stage: BoardStage; totalCount: number }>;
    lanes?: Array<{ department: { id: string; name: string }; totalCount: number; columns: Array<{ stage: BoardStage; totalCount: number }> }>;
  };
}

export const BOARD_SUMMARY: TypedDocumentNode<SummaryData, { filter: ApiBoardFilter; lanes: boolean }> = gql`
  query BoardSummary($filter: BoardFilter, $lanes: Boolean!) {
    board(filter: $filter) {
      totalCount
      changesCursor
      columns { stage totalCount }
      lanes @include(if: $lanes) { department { id name } totalCount columns { stage totalCount } }
    }
  }
`;

export const BOARD_OPTIONS: TypedDocumentNode<{ plans: Array<{ id: string; title: string }>; departments: Array<{ id: string; code: string; name: string; level: string }> }> = gql`
  query BoardOptions { plans { id title } departments { id code name level } }
`;

export interface HistoryEntry {
  id: string;
  event: string;
  fromStage: TaskStage | null;
  toStage: TaskStage;
  toSubState: string | null;
  comment: string | null;
  version: number;
  role: string | null;
  at: string;
  actor: { id: string; name: string } | null;
}

export interface TaskDetail extends CardTask {
  description: string;
  /** In the commendation stage, what the plan's supervision scores propose for the lead unit. */
  outcomeSuggestion: OutcomeSuggestion | null;
  origin: 'PROPOSED' | 'ASSIGNED';
  createdAt: string;
  plan: { id: string; title: string } | null;
  history: HistoryEntry[];
  /** The deadline before any granted extension. */
  originalDueDate: string | null;
}

export interface OutcomeSuggestion {
  period: string;
  rank: number;
  unitCount: number;
  score: number;
  event: 'COMMEND' | 'WARN' | null;
}

export const TASK_DETAIL: TypedDocumentNode<{ task: TaskDetail }, { id: string }> = gql`
  query TaskDetail($id: ID!) {
    task(id: $id) {
      ...CardFields
      description origin createdAt originalDueDate
      outcomeSuggestion { period rank unitCount score event }
      plan { id title }
      history { id event fromStage toStage toSubState comment version role at actor { id name } }
    }
  }
  ${CARD_FIELDS}
`;

export interface TransitionVars {
  input: { taskId: string; event: TaskEventType; expectedVersion: number; comment?: string | null; idempotencyKey: string };
}

export const TRANSITION_TASK: TypedDocumentNode<{ transitionTask: { replayed: boolean; task: CardTask } }, TransitionVars> = gql`
  mutation TransitionTask($input: TransitionTaskInput!) {
    transitionTask(input: $input) { replayed task { ...CardFields } }
  }
  ${CARD_FIELDS}
`;

export interface TaskChangedData {
  taskChanged: { task: CardTask; transition: { event: string; fromStage: TaskStage | null; toStage: TaskStage; actor: { name: string } | null } | null };
}

export const TASK_CHANGED: TypedDocumentNode<TaskChangedData> = gql`
  subscription TaskChanged {
    taskChanged {
      task { ...CardFields }
      transition { event fromStage toStage actor { name } }
    }
  }
  ${CARD_FIELDS}
`;

export interface TaskChangesData {
  taskChanges: { cursor: string; complete: boolean; changes: Array<{ transition: { fromStage: TaskStage | null; toStage: TaskStage } | null }> };
}

/** What committed while this board's live connection was down. */
export const TASK_CHANGES: TypedDocumentNode<TaskChangesData, { after: string }> = gql`
  query TaskChanges($after: String) {
    taskChanges(after: $after) { cursor complete changes { transition { fromStage toStage } } }
  }
`;
