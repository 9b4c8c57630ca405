export { TaskFindingsPanel } from './components/TaskFindingsPanel';
