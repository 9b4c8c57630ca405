import type { AssignmentRollup } from '@workplan/shared';

/**
 * Whether a card shows its units' roll-up: during implementation, where units sign for, report and
 * get reviewed; elsewhere only when something needs a look (a return, a unit that sent it back).
 */
export function showsRollup(rollup: AssignmentRollup | null | undefined, stage: string): rollup is AssignmentRollup {
  if (!rollup || rollup.units + rollup.sentBack === 0) return false;
  return stage === 'IMPLEMENTATION' || rollup.returned > 0 || rollup.sentBack > 0;
}

/** The chip's colour: red for a unit that sent the task back, orange for a return or a missing sign-for, green when every unit's report passed. */
export function rollupColor(rollup: AssignmentRollup): string {
  if (rollup.sentBack > 0) return 'red';
  if (rollup.returned > 0 || rollup.signed < rollup.units) return 'orange';
  if (rollup.units > 0 && rollup.passed === rollup.units) return 'green';
  return 'default';
}
