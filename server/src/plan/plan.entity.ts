import type { TaskVisibility } from '@workplan/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A work plan (工作方案): the document whose tasks the board drives to completion. */
@Entity('plan')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) issuer: string | null;
  @Column({ name: 'doc_number', type: 'varchar', length: 100, nullable: true }) docNumber: string | null;
  @Column({ name: 'issued_at', type: 'date', nullable: true }) issuedAt: string | null;
  /** How often progress reports are due, and how many days after a period ends. */
  @Column({ name: 'report_cadence', type: 'varchar', length: 16, default: 'QUARTER' }) reportCadence: 'QUARTER' | 'HALF_YEAR' | 'YEAR';
  @Column({ name: 'report_due_offset_days', type: 'integer', default: 5 }) reportDueOffsetDays: number;
  /** Ranking settings (003): how many departments are commended, how many get a yellow card. */
  @Column({ name: 'commend_count', type: 'integer', default: 3 }) commendCount: number;
  @Column({ name: 'warn_count', type: 'integer', default: 3 }) warnCount: number;
  @Column({ name: 'starts_on', type: 'date', nullable: true }) startsOn: string | null;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn: string | null;
  /** SHA-256 of the imported document's text: the same document imports once. */
  @Column({ name: 'source_sha256', type: 'char', length: 64, nullable: true }) sourceSha256: string | null;
  @Column({ name: 'source_file_name', type: 'varchar', length: 255, nullable: true }) sourceFileName: string | null;
  /** What department staff see of other departments' tasks (FULL, SUMMARY or OWN). */
  @Column({ name: 'task_visibility', type: 'varchar', length: 8, default: 'FULL' }) taskVisibility: TaskVisibility;
  /** The warning lights' rules (督办 红黄绿灯). */
  @Column({ name: 'light_due_soon_days', type: 'integer', default: 3 }) lightDueSoonDays: number;
  @Column({ name: 'light_working_days', type: 'boolean', default: true }) lightWorkingDays: boolean;
  @Column({ name: 'light_pace_yellow_points', type: 'integer', default: 10 }) lightPaceYellowPoints: number;
  @Column({ name: 'light_pace_red_points', type: 'integer', default: 30 }) lightPaceRedPoints: number;
  @Column({ name: 'light_stale_days', type: 'integer', default: 10 }) lightStaleDays: number;
  /** Reminder escalation (催办 → 督办通知单), in working days. */
  @Column({ name: 'reminder_after_days', type: 'integer', default: 1 }) reminderAfterDays: number;
  @Column({ name: 'notice_after_days', type: 'integer', default: 5 }) noticeAfterDays: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
