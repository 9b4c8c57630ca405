import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A target indicator (指标) of a plan or a task: baseline, a target per year, a summary goal (004 附件1). */
@Entity('indicator')
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId: string | null;
  @Column({ type: 'varchar', length: 300 }) name: string;
  @Column({ type: 'varchar', length: 40, default: '' }) unit: string;
  @Column({ name: 'baseline_year', type: 'integer', nullable: true }) baselineYear: number | null;
  /** numeric comes back from pg as a string; kept so no precision is lost. */
  @Column({ name: 'baseline_value', type: 'numeric', nullable: true }) baselineValue: string | null;
  @Column({ type: 'jsonb', default: {} }) targets: Record<string, number>;
  @Column({ name: 'summary_goal', type: 'text', nullable: true }) summaryGoal: string | null;
  @Column({ type: 'integer', default: 0 }) position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** An indicator's share for one department or district in one year (004 附件2). */
@Entity('indicator_allocation')
export class IndicatorAllocationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'indicator_id', type: 'uuid' }) indicatorId: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'numeric' }) value: string;
}
