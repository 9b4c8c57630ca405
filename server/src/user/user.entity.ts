import type { Role } from '@workplan/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 254, unique: true }) email: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ type: 'varchar', length: 16 }) role: Role;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** The unit's leader (单位负责人): department staff who approve their unit's requests first and receive its reminders. */
  @Column({ name: 'department_leader', type: 'boolean', default: false }) departmentLeader: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
