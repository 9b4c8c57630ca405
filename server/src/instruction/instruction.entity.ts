import type { InstructionTone } from '@workplan/shared';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A leader's instruction (领导批示) on a task, and the lead unit's one answer to it. */
@Entity('leader_instruction')
export class LeaderInstructionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  /** 批示编号, as the leader's office numbers it: free text, unique per task. */
  @Column({ type: 'varchar', length: 64 }) number: string;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'varchar', length: 16 }) tone: InstructionTone;
  /** Whether attaching it sent finished work back to implementation. */
  @Column({ name: 'reopened_task', type: 'boolean', default: false }) reopenedTask: boolean;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}

/** A leader follows (关注) a task: told when it changes stage. */
@Entity('task_follow')
export class TaskFollowEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ name: 'task_id', type: 'uuid' }) taskId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A leader's remark (批注) on a task; kept as written. */
@Entity('task_annotation')
export class TaskAnnotationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) content: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
}
