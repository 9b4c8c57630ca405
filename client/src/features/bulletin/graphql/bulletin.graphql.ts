import { gql, type TypedDocumentNode } from '@apollo/client';
import type { LaggingReason, LedgerGroup, Light, TaskStage } from '@workplan/shared';

export interface BulletinUnit {
  departmentId: string;
  departmentName: string;
  lead: boolean;
  /** 责任人: the unit's leader(s), else whoever signed for or reported on it; '' when nobody has. */
  responsiblePerson: string;
  dueDate: string | null;
  /** Null: nothing reported (未报送). */
  percentDone: number | null;
  workDone: string | null;
  returned: boolean;
  returnCount: number;
  light: Light;
}

export interface BulletinItem {
  taskId: string;
  code: string;
  title: string;
  group: LedgerGroup;
  stage: TaskStage;
  assignedOn: string;
  dueDate: string | null;
  finishedOn: string | null;
  overdue: boolean;
  daysToFinish: number | null;
  extensions: Array<{ fromDueDate: string | null; requestedDueDate: string | null; grantedDueDate: string | null; partly: boolean }>;
  units: BulletinUnit[];
}

export interface Bulletin {
  planTitle: string;
  period: string;
  year: number;
  issue: number;
  issuedOn: string;
  total: number;
  finished: number;
  inProgress: number;
  overdue: number;
  ended: number;
  finishedPercent: number;
  inProgressPercent: number;
  overduePercent: number;
  laggingUnits: Array<{ departmentId: string; departmentName: string; items: Array<{ taskId: string; taskCode: string; taskTitle: string; reasons: LaggingReason[] }> }>;
  items: BulletinItem[];
}

export const SUPERVISION_BULLETIN: TypedDocumentNode<{ supervisionBulletin: Bulletin }, { planId: string; period: string }> = gql`
  query SupervisionBulletin($planId: ID!, $period: String!) {
    supervisionBulletin(planId: $planId, period: $period) {
      planTitle period year issue issuedOn total finished inProgress overdue ended finishedPercent inProgressPercent overduePercent
      laggingUnits { departmentId departmentName items { taskId taskCode taskTitle reasons } }
      items {
        taskId code title group stage assignedOn dueDate finishedOn overdue daysToFinish
        extensions { fromDueDate requestedDueDate grantedDueDate partly }
        units { departmentId departmentName lead responsiblePerson dueDate percentDone workDone returned returnCount light }
      }
    }
  }
`;
