// Plan-document import: parse a published plan's text into its header and tasks.
export { parsePlan, firstSentence } from './parse-plan';
export type { ParsedPlan, ParsedTask, ParsePlanOptions } from './parse-plan';
export { parseDeadline, findDatePhrases } from './deadline';
export type { DatePhrase } from './deadline';
export { parseChineseDate, parseChineseNumber, parseChineseYear } from './chinese-numerals';
export { splitDepartmentList, explicitDepartments, departmentsInProse, trailingParenthetical } from './departments';
export type { DepartmentAssignment } from './departments';
export { buildOutline, matchOutlineMarker, outlinePath, walkOutline } from './outline';
export type { Outline, OutlineKind, OutlineMarker, OutlineNode } from './outline';
export { extractPlanHeader, inferDocumentYear, parseDocNumber } from './header';
export type { PlanHeader } from './header';
export { extractTaskTables } from './task-table';
export type { TaskTable, TableTaskRow } from './task-table';
