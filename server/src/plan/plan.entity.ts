import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A work plan (工作方案): the document whose tasks the board drives to completion. */
@Entity('plan')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) issuer: string | null;
  @Column({ name: 'doc_number', type: 'varchar', length: 100, nullable: true }) docNumber: string | null;
  @Column({ name: 'issued_at', type: 'date', nullable: true }) issuedAt: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
