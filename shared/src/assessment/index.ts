// Assessment (考核): grades, ranking, commendation, yellow cards (黄牌警告) and demotion (降格).
export { ASSESSMENT_GRADES, GRADE_LABELS_ZH, gradeAtLeast, gradeOf } from './grade';
export type { AssessmentGrade } from './grade';
export { ASSESSMENT_REASONS, rankDepartments } from './ranking';
export type { AssessmentReason, DepartmentAssessment, DepartmentScore, RankingInput } from './ranking';
