import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReportStatus = 'ON_TRACK' | 'AT_RISK' | 'DELAYED';

/** A department's progress report (季报/年中报) on a task for one period. The lead files one; each cooperating department files its own part. */
@Entity('progress_report')
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ type: 'varchar', length: 10 }) period: string;
  @Column({ type: 'text' }) narrative: string;
  /** Percent done as the department states it (0–100); the lights compare it with the time elapsed. */
  @Column({ name: 'percent_done', type: 'smallint', nullable: true }) percentDone: number | null;
  @Column({ type: 'text', default: '' }) problems: string;
  @Column({ type: 'varchar', length: 16 }) status: ReportStatus;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
}

@Entity('progress_report_value')
export class ProgressReportValueEntity {
  @Column({ name: 'report_id', type: 'uuid', primary: true }) reportId: string;
  @Column({ name: 'indicator_id', type: 'uuid', primary: true }) indicatorId: string;
  @Column({ type: 'numeric' }) value: string;
}
