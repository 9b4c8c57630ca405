export { TaskRequestsPanel, type RequestTask } from './components/TaskRequestsPanel';
export { TaskFlags } from './components/TaskFlags';
export { PendingRequestsSection } from './components/PendingRequestsSection';
export { EndedTasksSection } from './components/EndedTasksSection';
