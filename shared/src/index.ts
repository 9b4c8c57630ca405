export * from './actor/role';
export * from './task/task-stage';
export * from './task/task-event';
export * from './task/task.machine';
export * from './task/task-snapshot';
export * from './task/task-workflow';
export type { StateValue } from 'xstate';
export * from './task/task-code';
export * from './task/task-deadline';
