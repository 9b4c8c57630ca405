export * from './leader-instruction';
export * from './task-follow';
