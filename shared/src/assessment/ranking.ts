import { gradeAtLeast, gradeOf, type AssessmentGrade } from './grade';

/**
 * Why a department is commended, warned or demoted, as codes the client translates:
 * - TOP_N: among the top `commendCount` (表彰先进);
 * - COMMEND_WITHHELD: ranked in the top `commendCount` but not commended (its grade is 不合格,
 *   or it is also in the bottom and its grade is below 良好);
 * - BOTTOM_N: among the bottom `warnCount`, given a yellow card (黄牌警告);
 * - BOTTOM_TWICE: warned now and in the bottom last period too (降格);
 * - FAILED: graded 不合格 (降格).
 */
export const ASSESSMENT_REASONS = ['TOP_N', 'COMMEND_WITHHELD', 'BOTTOM_N', 'BOTTOM_TWICE', 'FAILED'] as const;
export type AssessmentReason = (typeof ASSESSMENT_REASONS)[number];

export interface DepartmentScore {
  departmentId: string;
  score: number;
}

export interface RankingInput {
  /** One score per department (0–100, or past 100 with supervision bonus points); the caller averages task scores and rounds them to the precision it publishes, since ties are exact. */
  scores: readonly DepartmentScore[];
  commendCount: number;
  warnCount: number;
  /** Department ids that were in the bottom `warnCount` last period. */
  previousBottom?: readonly string[];
}

export interface DepartmentAssessment {
  departmentId: string;
  score: number;
  /** 1 = best; ties share a rank and the next rank is skipped (1, 2, 2, 4). */
  rank: number;
  grade: AssessmentGrade;
  commended: boolean;
  warned: boolean;
  demotion: boolean;
  reasons: AssessmentReason[];
}

// Code-point order, not localeCompare: the same on the server and in every browser.
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/**
 * Ranks departments for one assessment period and decides commendation, yellow cards and
 * demotion (003: the best are commended, the bottom three warned, twice in the bottom or failing
 * means 降格).
 *
 * Cut-offs include ties: if two departments share third place with commendCount 3, both are
 * commended, and the same at the bottom — a department cannot be left out for a tie it did not
 * choose. Results come best first, ties by department id.
 */
export function rankDepartments({ scores, commendCount, warnCount, previousBottom = [] }: RankingInput): DepartmentAssessment[] {
  assertCount(commendCount, 'commendCount');
  assertCount(warnCount, 'warnCount');
  const seen = new Set<string>();
  for (const { departmentId } of scores) {
    if (seen.has(departmentId)) throw new RangeError(`department ${departmentId} is scored more than once`);
    seen.add(departmentId);
  }
  const wasBottom = new Set(previousBottom);
  const all = scores.map((s) => s.score);

  return [...scores]
    .sort((a, b) => b.score - a.score || byId(a.departmentId, b.departmentId))
    .map(({ departmentId, score }) => {
      // Supervision scores may pass 100 with bonus points (scoreDepartments); the grade is then that of 100.
      const grade = gradeOf(Math.min(score, 100));
      // Competition ranking from either end: 1 + how many did strictly better (or worse).
      const rank = 1 + all.filter((other) => other > score).length;
      const rankFromBottom = 1 + all.filter((other) => other < score).length;
      const inTop = rank <= commendCount;
      const inBottom = rankFromBottom <= warnCount;

      // With few departments (fewer than commendCount + warnCount) or wide ties, a department can
      // be in both the top and the bottom cut. Nobody is both commended and warned: commendation
      // wins only for a grade of 良好 or better, since a merely passing department that is also
      // among the worst has earned no praise. A failing department is never commended.
      const commended = inTop && grade !== 'FAIL' && (!inBottom || gradeAtLeast(grade, 'GOOD'));
      const warned = inBottom && !commended;
      const bottomTwice = warned && wasBottom.has(departmentId);
      const failed = grade === 'FAIL';

      const reasons: AssessmentReason[] = [];
      if (commended) reasons.push('TOP_N');
      if (inTop && !commended) reasons.push('COMMEND_WITHHELD');
      if (warned) reasons.push('BOTTOM_N');
      if (bottomTwice) reasons.push('BOTTOM_TWICE');
      if (failed) reasons.push('FAILED');

      return { departmentId, score, rank, grade, commended, warned, demotion: bottomTwice || failed, reasons };
    });
}
