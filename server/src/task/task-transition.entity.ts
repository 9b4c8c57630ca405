import type { Role, StateValue } from '@workplan/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per change of a task, creation included. Append-only: a database trigger refuses UPDATE and DELETE. */
@Entity('task_transition')
export class TaskTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  /** A machine event, or PROPOSE / ASSIGN for the task's creation. */
  @Column({ type: 'varchar', length: 32 }) event: string;
  @Column({ name: 'from_stage', type: 'varchar', length: 32, nullable: true }) fromStage: string | null;
  @Column({ name: 'to_stage', type: 'varchar', length: 32 }) toStage: string;
  @Column({ name: 'from_state', type: 'jsonb', nullable: true }) fromState: StateValue | null;
  @Column({ name: 'to_state', type: 'jsonb' }) toState: StateValue;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true }) actorRole: Role | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  /** The task's version after this change. */
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at: Date;
}
