export * from './work-calendar';
export * from './warning-light';
