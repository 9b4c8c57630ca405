// Target indicators (主要目标/指标): progress against time (序时进度) and district allocations (附件2).
export { DEFAULT_PACE_TOLERANCES, PACE_STATUSES, expectedPace, paceStatus } from './pace';
export type { PaceStatus, PaceTolerances } from './pace';
export { indicatorProgress } from './indicator-progress';
export type { IndicatorValues } from './indicator-progress';
export { checkAllocations } from './allocations';
export type { Allocation, AllocationCheck } from './allocations';
