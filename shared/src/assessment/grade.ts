/** Assessment grades (考核等次), best first. */
export const ASSESSMENT_GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

/** The words the documents use, for display. */
export const GRADE_LABELS_ZH: Readonly<Record<AssessmentGrade, string>> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  PASS: '合格',
  FAIL: '不合格',
};

/**
 * The grade for a score out of 100: ≥90 优秀, ≥80 良好, ≥60 合格, else 不合格. A score outside
 * 0–100 is a bug upstream (a wrong scale or a sum instead of an average), so it throws rather
 * than quietly grading it.
 */
export function gradeOf(score: number): AssessmentGrade {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new RangeError(`an assessment score must be between 0 and 100, got ${score}`);
  if (score >= 90) return 'EXCELLENT';
  if (score >= 80) return 'GOOD';
  if (score >= 60) return 'PASS';
  return 'FAIL';
}

/** True when `grade` is `floor` or better. */
export function gradeAtLeast(grade: AssessmentGrade, floor: AssessmentGrade): boolean {
  return ASSESSMENT_GRADES.indexOf(grade) <= ASSESSMENT_GRADES.indexOf(floor);
}
