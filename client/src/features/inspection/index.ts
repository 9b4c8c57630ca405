export { TaskInspectionsPanel } from './components/TaskInspectionsPanel';
