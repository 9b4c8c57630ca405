export * from './work-calendar';
export * from './warning-light';
export * from './reminder-escalation';
export * from './supervision-ledger';
