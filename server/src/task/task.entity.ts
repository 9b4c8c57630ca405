import type { PersistedTaskSnapshot, TaskOrigin, TaskStage } from '@workplan/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A task row keeps the machine snapshot (the truth) plus `stage`, derived from it and indexed for the
 * board. `version` is bumped by a compare-and-set in TaskService, never by TypeORM's save().
 */
@Entity('task')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ type: 'varchar', length: 64 }) code: string;
  @Column({ name: 'sort_key', type: 'varchar', length: 256 }) sortKey: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ name: 'lead_department_id', type: 'uuid' }) leadDepartmentId: string;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate: string | null;
  @Column({ type: 'varchar', length: 16 }) origin: TaskOrigin;
  @Column({ type: 'varchar', length: 32 }) stage: TaskStage;
  @Column({ type: 'jsonb' }) snapshot: PersistedTaskSnapshot;
  @Column({ type: 'integer', default: 1 }) version: number;
  /** Urgent work turns yellow when nobody has reported on it for a while. */
  @Column({ type: 'boolean', default: false }) urgent: boolean;
  /** A key task (重点任务): the approver, not a coordinator, decides its side requests. */
  @Column({ name: 'key_task', type: 'boolean', default: false }) keyTask: boolean;
  /** The deadline before the first granted extension moved it; scoring counts against this one. */
  @Column({ name: 'original_due_date', type: 'date', nullable: true }) originalDueDate: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Ordered cooperating departments (配合单位) of a task; position keeps the document's order. */
@Entity('task_cooperating_department')
export class TaskCooperatingDepartmentEntity {
  @Column({ name: 'task_id', type: 'uuid', primary: true }) taskId: string;
  @Column({ name: 'department_id', type: 'uuid', primary: true }) departmentId: string;
  @Column({ type: 'smallint' }) position: number;
}
