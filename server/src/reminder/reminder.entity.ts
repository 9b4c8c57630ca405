import type { ReminderLevel, ReminderOrigin } from '@workplan/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reminder slip (催办单 / 督办通知单) sent to a responsible unit about a task. A logged event: a
 * trigger refuses any change but the sign-for, and any deletion.
 */
@Entity('reminder')
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) sequence: number;
  /** 单号, e.g. 督办〔2026〕第12号. */
  @Column({ type: 'varchar', length: 40 }) number: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ type: 'varchar', length: 16 }) level: ReminderLevel;
  /** 工作要求. */
  @Column({ type: 'text' }) requirement: string;
  /** 时限要求: the date the unit must act by. */
  @Column({ type: 'date' }) deadline: string;
  /** The task's deadline when the slip went out (the one escalation counts from). */
  @Column({ name: 'task_due_date', type: 'date', nullable: true }) taskDueDate: string | null;
  @Column({ type: 'varchar', length: 8 }) origin: ReminderOrigin;
  @Column({ name: 'issued_by', type: 'uuid', nullable: true }) issuedBy: string | null;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt: Date | null;
  @Column({ name: 'signed_by', type: 'uuid', nullable: true }) signedBy: string | null;
}
