// Supervision scoring (督办考核): per-plan rules, departments' scores with every item, feeding the ranking.
export * from './scoring';
