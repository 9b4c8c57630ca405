import type { AssignmentStatus } from '@workplan/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One responsible unit's own record of a task (承办单位): the lead unit and each cooperating unit
 * has one. `version` guards the status against two people acting at once (compare-and-set in
 * AssignmentService), never TypeORM's save().
 */
@Entity('task_assignment')
export class TaskAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ type: 'boolean' }) lead: boolean;
  /** The unit's own deadline: the task's when it was assigned. */
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate: string | null;
  /** Working days the unit has to sign for it (签收时限); the day itself is derived with the calendar. */
  @Column({ name: 'sign_within_days', type: 'smallint', default: 2 }) signWithinDays: number;
  @Column({ name: 'assigned_at', type: 'timestamptz' }) assignedAt: Date;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt: Date | null;
  @Column({ name: 'signed_by', type: 'uuid', nullable: true }) signedBy: string | null;
  @Column({ type: 'varchar', length: 16 }) status: AssignmentStatus;
  /** Times the coordinator returned this unit's report for rework (退回 N 次). */
  @Column({ name: 'return_count', type: 'integer', default: 0 }) returnCount: number;
  @Column({ name: 'sent_back_reason', type: 'text', nullable: true }) sentBackReason: string | null;
  @Column({ name: 'sent_back_at', type: 'timestamptz', nullable: true }) sentBackAt: Date | null;
  @Column({ name: 'sent_back_by', type: 'uuid', nullable: true }) sentBackBy: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
}

export type ReportReview = 'PASSED' | 'RETURNED';

/** A unit's progress report on its assignment, and the coordinator's review of it. */
@Entity('assignment_report')
export class AssignmentReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ name: 'percent_done', type: 'smallint' }) percentDone: number;
  @Column({ name: 'work_done', type: 'text' }) workDone: string;
  @Column({ type: 'text', default: '' }) problems: string;
  @Column({ name: 'support_needed', type: 'text', default: '' }) supportNeeded: string;
  @Column({ name: 'next_plan', type: 'text', default: '' }) nextPlan: string;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
  @Column({ type: 'varchar', length: 8, nullable: true }) review: ReportReview | null;
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason: string | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
}
