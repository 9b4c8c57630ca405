import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A thematic inspection group (专题检查组): led by a department, with members, covering tasks or regions. */
@Entity('inspection_team')
export class InspectionTeamEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ name: 'lead_department_id', type: 'uuid', nullable: true }) leadDepartmentId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('inspection_team_member')
export class InspectionTeamMemberEntity {
  @Column({ name: 'team_id', type: 'uuid', primary: true }) teamId: string;
  @Column({ name: 'user_id', type: 'uuid', primary: true }) userId: string;
}

// Coverage (inspection_team_coverage: tasks or regions) has no key of its own; InspectionService reads it with SQL.

/** One visit to a task: scheduled, visited, concluded. */
@Entity('inspection')
export class InspectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ name: 'scheduled_on', type: 'date' }) scheduledOn: string;
  @Column({ name: 'visited_on', type: 'date', nullable: true }) visitedOn: string | null;
  @Column({ type: 'text', nullable: true }) conclusion: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
