import type { Role } from '@workplan/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type FindingSeverityValue = 'MINOR' | 'MAJOR';
export type FindingStatusValue = 'OPEN' | 'RECTIFYING' | 'RECTIFIED' | 'VERIFIED';

/** A problem an inspection found (发现问题), driven to 销号 by its own small workflow. */
@Entity('finding')
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'inspection_id', type: 'uuid', nullable: true }) inspectionId: string | null;
  @Column({ type: 'varchar', length: 8 }) severity: FindingSeverityValue;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'rectification_deadline', type: 'date', nullable: true }) rectificationDeadline: string | null;
  @Column({ type: 'varchar', length: 16, default: 'OPEN' }) status: FindingStatusValue;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Every step of a finding, by whom and why. Append-only (database trigger). */
@Entity('finding_event')
export class FindingEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'finding_id', type: 'uuid' }) findingId: string;
  @Column({ type: 'varchar', length: 32 }) event: string;
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true }) fromStatus: FindingStatusValue | null;
  @Column({ name: 'to_status', type: 'varchar', length: 16 }) toStatus: FindingStatusValue;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId: string;
  @Column({ name: 'actor_role', type: 'varchar', length: 16 }) actorRole: Role;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at: Date;
}

/**
 * A file proving a finding or its rectification, or attached to a unit's progress report: exactly
 * one owner (a CHECK says so). The bytes live on disk under a generated name, never in the row.
 */
@Entity('evidence_file')
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'finding_id', type: 'uuid', nullable: true }) findingId: string | null;
  @Column({ name: 'assignment_report_id', type: 'uuid', nullable: true }) assignmentReportId: string | null;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName: string;
  @Column({ name: 'content_type', type: 'varchar', length: 100 }) contentType: string;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ name: 'storage_key', type: 'varchar', length: 100 }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' }) uploadedAt: Date;
}
