// Plan-document import: parse a published plan's text into its header, tasks and indicators.
export { parsePlan, firstSentence } from './parse-plan';
export type { ParsedPlan, ParsedTask, ParsePlanOptions } from './parse-plan';
export { toImportJson } from './import-json';
export type { ImportJson } from './import-json';
export { startStageOf } from './start-stage';
export type { StartStage } from './start-stage';
export { collectIndicators, fillBaselinesFromText, findIndicatorTables, parseTableNumber, splitIndicatorName } from './indicator-table';
export type {
  AllocationColumn,
  AllocationRow,
  CollectedIndicators,
  CollectIndicatorsOptions,
  IndicatorAllocation,
  IndicatorBaseline,
  IndicatorTable,
  ParsedIndicator,
  StatedTotal,
  TableNumber,
  TargetRow,
} from './indicator-table';
export { checkIndicatorAllocations, isNonAdditive } from './allocation-checks';
export type { PlanAllocationCheck } from './allocation-checks';
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
