import { DataSource, type DataSourceOptions } from 'typeorm';
import { DepartmentEntity } from '../department/department.entity';
import { PlanEntity } from '../plan/plan.entity';
import { TaskCooperatingDepartmentEntity, TaskEntity } from '../task/task.entity';
import { TaskTransitionEntity } from '../task/task-transition.entity';
import { UserEntity } from '../user/user.entity';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { EvidenceFileEntity, FindingEntity, FindingEventEntity } from '../finding/finding.entity';
import { IndicatorAllocationEntity, IndicatorEntity } from '../indicator/indicator.entity';
import { InspectionEntity, InspectionTeamEntity, InspectionTeamMemberEntity } from '../inspection/inspection.entity';
import { NotificationEntity } from '../notification/notification.entity';
import { ProgressReportEntity, ProgressReportValueEntity } from '../report/progress-report.entity';
import { WorkflowCore1763769600000 } from './migrations/1763769600000-workflow-core';
import { ImplementationInspection1763856000000 } from './migrations/1763856000000-implementation-inspection';
import { PlanSource1763942400000 } from './migrations/1763942400000-plan-source';

export const ENTITIES = [
  DepartmentEntity,
  UserEntity,
  PlanEntity,
  TaskEntity,
  TaskCooperatingDepartmentEntity,
  TaskTransitionEntity,
  IndicatorEntity,
  IndicatorAllocationEntity,
  ProgressReportEntity,
  ProgressReportValueEntity,
  InspectionTeamEntity,
  InspectionTeamMemberEntity,
  InspectionEntity,
  FindingEntity,
  FindingEventEntity,
  EvidenceFileEntity,
  AssessmentEntity,
  NotificationEntity,
];
export const MIGRATIONS = [WorkflowCore1763769600000, ImplementationInspection1763856000000, PlanSource1763942400000];

/** Schema changes only through MIGRATIONS; `synchronize` stays off. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 20) },
  };
}

/** Opens a DataSource and brings its schema up to date. */
export async function openDatabase(url: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
