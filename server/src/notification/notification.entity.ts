import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationKind =
  | 'REPORT_DUE_SOON'
  | 'FINDING_ASSIGNED'
  | 'TASK_RETURNED'
  | 'TASK_APPROVED'
  | 'TASK_REJECTED'
  | 'RECTIFICATION_REQUIRED'
  | 'TASK_OVERDUE'
  | 'FINDING_OVERDUE'
  /** A coordinator returned the unit's report on its assignment for rework. */
  | 'ASSIGNMENT_RETURNED'
  /** A unit sent back a task given to it by mistake (to the coordinators). */
  | 'ASSIGNMENT_SENT_BACK'
  | 'REMINDER_ISSUED'
  /** To the filing unit's leader: a side request (申请) waits on them. */
  | 'SIDE_REQUEST_FILED'
  /** To the coordinators (or the approver, for a key task): a leader-approved request waits on them. */
  | 'SIDE_REQUEST_TO_DECIDE'
  /** Back to the filer: a level decided. */
  | 'SIDE_REQUEST_DECIDED'
  | 'INSTRUCTION_ISSUED'
  | 'INSTRUCTION_ANSWERED'
  | 'FOLLOWED_TASK_MOVED';

/** Something a person should know about; `params` fill the client's translated message. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 32 }) kind: NotificationKind;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId: string | null;
  @Column({ name: 'finding_id', type: 'uuid', nullable: true }) findingId: string | null;
  @Column({ type: 'jsonb', default: {} }) params: Record<string, string | number>;
  /** Makes a reminder idempotent: one "report due" per user, task and period. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true }) dedupeKey: string | null;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
