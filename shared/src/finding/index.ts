// Findings (发现问题) logged by inspection groups and their rectification (整改) up to 销号.
export {
  FINDING_EVENT_TYPES,
  FINDING_EVENTS_REQUIRING_COMMENT,
  findingEventRequiresComment,
  isFindingEventType,
} from './finding-event';
export type { FindingEvent, FindingEventType } from './finding-event';
export { FINDING_MACHINE_ID, FINDING_SEVERITIES, FINDING_STATUSES, findingMachine, isFindingStatus } from './finding.machine';
export type { FindingContext, FindingMachine, FindingSeverity, FindingStatus } from './finding.machine';
export { availableFindingEvents, decideFindingTransition } from './finding-workflow';
export type { FindingRefusal, FindingTransitionDecision } from './finding-workflow';
