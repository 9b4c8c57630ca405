import type { Role, SideRequestKind, SideRequestStatus, TaskStage } from '@workplan/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A side request (申请) on a task, filed by one of its responsible units. The two decisions live on
 * the row: the unit leader's (leader_*) and the final one (decided_*). Written only by
 * SideRequestService, each step in one transaction with what it changes on the task.
 */
@Entity('side_request')
export class SideRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  /** The filing unit: its leader decides the first level. */
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ type: 'varchar', length: 16 }) kind: SideRequestKind;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'requested_due_date', type: 'date', nullable: true }) requestedDueDate: string | null;
  @Column({ type: 'text', nullable: true }) adjustment: string | null;
  /** Where the task stood when filed; it stays there unless a suspension or cancellation is granted. */
  @Column({ name: 'stage_at_filing', type: 'varchar', length: 32 }) stageAtFiling: TaskStage;
  @Column({ name: 'due_date_at_filing', type: 'date', nullable: true }) dueDateAtFiling: string | null;
  @Column({ type: 'varchar', length: 16 }) status: SideRequestStatus;
  @Column({ name: 'filed_by', type: 'uuid' }) filedBy: string;
  @Column({ name: 'filed_at', type: 'timestamptz', default: () => 'now()' }) filedAt: Date;
  @Column({ name: 'leader_approved', type: 'boolean', nullable: true }) leaderApproved: boolean | null;
  @Column({ name: 'leader_decided_by', type: 'uuid', nullable: true }) leaderDecidedBy: string | null;
  @Column({ name: 'leader_decided_at', type: 'timestamptz', nullable: true }) leaderDecidedAt: Date | null;
  @Column({ name: 'leader_comment', type: 'text', nullable: true }) leaderComment: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_role', type: 'varchar', length: 16, nullable: true }) decidedRole: Role | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_comment', type: 'text', nullable: true }) decisionComment: string | null;
  @Column({ name: 'granted_due_date', type: 'date', nullable: true }) grantedDueDate: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
}
