import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AssessmentGrade, ScoreItemKind } from '@workplan/shared';

export interface ScoreItem {
  kind: ScoreItemKind;
  points: number;
  taskId: string;
  taskCode: string;
  on: string;
  nth: number | null;
}

export interface DepartmentScoreCard {
  department: { id: string; code: string; name: string };
  score: number;
  deductions: number;
  additions: number;
  rank: number;
  grade: AssessmentGrade;
  commended: boolean;
  warned: boolean;
  items: ScoreItem[];
}

export const SCORE_CARDS: TypedDocumentNode<{ scoreCards: DepartmentScoreCard[] }, { planId: string; period: string }> = gql`
  query ScoreCards($planId: ID!, $period: String!) {
    scoreCards(planId: $planId, period: $period) {
      department { id code name }
      score
      deductions
      additions
      rank
      grade
      commended
      warned
      items { kind points taskId taskCode on nth }
    }
  }
`;
