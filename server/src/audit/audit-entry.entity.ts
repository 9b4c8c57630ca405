import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One mutation attempt: who, what, when, from where, which request, and how it ended. Append-only. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', insert: false }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true }) actorEmail: string | null;
  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true }) actorRole: string | null;
  @Column({ type: 'varchar', length: 64 }) operation: string;
  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true }) targetId: string | null;
  @Column({ type: 'jsonb' }) arguments: Record<string, unknown>;
  @Column({ type: 'varchar', length: 64, nullable: true }) address: string | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64 }) requestId: string;
  /** 'OK', or the error code the caller got. */
  @Column({ type: 'varchar', length: 40 }) result: string;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ name: 'duration_ms', type: 'integer', nullable: true }) durationMs: number | null;
}
