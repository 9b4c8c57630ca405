export * from './work-calendar';
export * from './warning-light';
export * from './reminder-escalation';
