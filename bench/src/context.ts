import { randomUUID } from 'node:crypto';
import type { BenchDatabase, Seeded } from './lib/database';
import type { GraphQLClient } from './lib/http';
import type { MachineInfo } from './lib/env';
import type { ServerProcess } from './lib/server';

/** What every benchmark gets: the seeded database, the running API server and signed-in tokens. */
export interface BenchContext {
  db: BenchDatabase;
  seeded: Seeded;
  server: ServerProcess;
  tokens: { coordinator: string; approver: string; manager: string };
  machine: MachineInfo;
  /** Tasks already handed to a benchmark that moves them (so two never move the same task). */
  taken: string[];
}

export const CARD_FIELDS = `
  fragment CardFields on Task {
    id code title stage subState version dueDate overdue returnCount rectificationCount outcome planId snapshot
    progressReportCount openFindingCount openMajorFindingCount lateReportCount reportsDueSoonCount
    leadDepartment { id name }
    cooperatingDepartments { id name }
  }`;

/** The board client's own mutation (client/src/features/board/graphql/board.graphql.ts). */
export const TRANSITION_TASK = `mutation TransitionTask($input: TransitionTaskInput!) {
  transitionTask(input: $input) { replayed task { ...CardFields } }
}
${CARD_FIELDS}`;

/** ACCEPT (coordinator, REVIEW → APPROVAL) or RETURN (approver, APPROVAL → REVIEW), alternately, on one task. */
export class ReviewApprovalCycler {
  constructor(
    private readonly gql: GraphQLClient,
    private readonly tokens: { coordinator: string; approver: string },
    private readonly task: { id: string; version: number; stage: 'REVIEW' | 'APPROVAL' },
  ) {}

  async step(): Promise<void> {
    const accept = this.task.stage === 'REVIEW';
    const res = await this.gql.query<{ transitionTask: { task: { version: number; stage: 'REVIEW' | 'APPROVAL' } } }>(
      TRANSITION_TASK,
      {
        input: {
          taskId: this.task.id,
          event: accept ? 'ACCEPT' : 'RETURN',
          expectedVersion: this.task.version,
          comment: accept ? null : '请补充量化指标',
          idempotencyKey: randomUUID(),
        },
      },
      accept ? this.tokens.coordinator : this.tokens.approver,
    );
    const moved = res.data?.transitionTask?.task;
    if (!moved) throw new Error(`transitionTask failed: ${JSON.stringify(res.errors)}`);
    this.task.version = moved.version;
    this.task.stage = moved.stage;
  }
}
