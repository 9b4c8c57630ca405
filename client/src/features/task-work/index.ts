export { TaskWorkTabs, type TabTask } from './TaskWorkTabs';
export type { WorkTask } from './work-task';
