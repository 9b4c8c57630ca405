export { TaskReportsPanel } from './components/TaskReportsPanel';
