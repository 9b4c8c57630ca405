export { TaskUnitsPanel } from './components/TaskUnitsPanel';
export { UnitRollupChip } from './components/UnitRollupChip';
