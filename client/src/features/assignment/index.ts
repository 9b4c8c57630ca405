export { TaskUnitsPanel } from './components/TaskUnitsPanel';
export { UnitRollupChip } from './components/UnitRollupChip';
export { MyAssignmentsTable } from './components/MyAssignmentsTable';
export { useAssignmentText } from './assignment.messages';
