import type { TaskFacts } from '@workplan/shared';
import type { CardTask } from '../graphql/board.graphql';

/** The record the machine's preconditions need, as the card already carries it. */
export const factsOf = (task: Pick<CardTask, 'progressReportCount' | 'openFindingCount' | 'openMajorFindingCount'>): TaskFacts => ({
  progressReports: task.progressReportCount,
  unverifiedFindings: task.openFindingCount,
  unverifiedMajorFindings: task.openMajorFindingCount,
});
