import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type GradeValue = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';

/** A task's assessment (考核) for a period: a score and its grade, counted for the lead department. */
@Entity('assessment')
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @Column({ type: 'varchar', length: 10 }) period: string;
  @Column({ type: 'numeric', precision: 5, scale: 2 }) score: string;
  @Column({ type: 'varchar', length: 10 }) grade: GradeValue;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'assessed_by', type: 'uuid' }) assessedBy: string;
  @Column({ name: 'assessed_at', type: 'timestamptz', default: () => 'now()' }) assessedAt: Date;
}
