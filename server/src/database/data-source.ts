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
import { AccessAudit1764028800000, APP_DB_ROLE } from './migrations/1764028800000-access-audit';
import { BoardIndexes1764115200000 } from './migrations/1764115200000-board-indexes';
import { LiveEvents1764201600000 } from './migrations/1764201600000-live-events';
import { TimerRuns1764288000000 } from './migrations/1764288000000-timer-runs';
import { SupervisionLights1764374400000 } from './migrations/1764374400000-supervision-lights';
import { DepartmentLeaders1764460800000 } from './migrations/1764460800000-department-leaders';
import { ScoringRules1764892800000 } from './migrations/1764892800000-scoring-rules';
import { Reminders1764633600000 } from './migrations/1764633600000-reminders';
import { ReminderEntity } from '../reminder/reminder.entity';
import { SideRequests1764720000000 } from './migrations/1764720000000-side-requests';
import { SideRequestEntity } from '../side-request/side-request.entity';
import { LeaderInstructions1764806400000 } from './migrations/1764806400000-leader-instructions';
import { ReportAttachments1765152000000 } from './migrations/1765152000000-report-attachments';
import { LeaderInstructionEntity, TaskAnnotationEntity, TaskFollowEntity } from '../instruction/instruction.entity';
import { WorkCalendarDayEntity } from '../supervision/work-calendar-day.entity';
import { AssignmentReportEntity, TaskAssignmentEntity } from '../assignment/assignment.entity';
import { TaskAssignments1764547200000 } from './migrations/1764547200000-task-assignments';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { AuthSessionEntity } from '../auth/auth-session.entity';

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
  AuthSessionEntity,
  AuditEntryEntity,
  WorkCalendarDayEntity,
  TaskAssignmentEntity,
  AssignmentReportEntity,
  ReminderEntity,
  SideRequestEntity,
  LeaderInstructionEntity,
  TaskFollowEntity,
  TaskAnnotationEntity,
];
export const MIGRATIONS = [WorkflowCore1763769600000, ImplementationInspection1763856000000, PlanSource1763942400000, AccessAudit1764028800000, BoardIndexes1764115200000, LiveEvents1764201600000, TimerRuns1764288000000, SupervisionLights1764374400000, DepartmentLeaders1764460800000, TaskAssignments1764547200000, Reminders1764633600000, SideRequests1764720000000, LeaderInstructions1764806400000, ScoringRules1764892800000, ReportAttachments1765152000000];

/** Schema changes only through MIGRATIONS; `synchronize` stays off. */
export function dataSourceOptions(url: string, options: { appRole?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
      // A database host that stops answering fails requests in seconds (SERVICE_UNAVAILABLE), not at the OS's TCP timeout.
      connectionTimeoutMillis: 5_000,
      // Every pooled connection acts as the app's role, which may not rewrite the audit trail.
      ...(options.appRole ? { options: `-c role=${options.appRole}` } : {}),
    },
  };
}

/** Any number that no other advisory lock on this database uses: "wp" + "migr". */
const MIGRATION_LOCK = 0x7770_6d69;

/**
 * Opens a DataSource and brings its schema up to date. Replicas starting together take turns (an
 * advisory lock), so one migrates and the others find nothing left to do.
 */
export async function openDatabase(url: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}

/**
 * Brings the schema up to date as the login role (the owner) unless a separate job does that
 * (`migrate: false`), then answers which role the running app should act as: the restricted app
 * role where the login role may assume it, else none.
 */
export async function migrateDatabase(url: string, options: { migrate?: boolean } = {}): Promise<string | undefined> {
  const dataSource = options.migrate === false ? await new DataSource(dataSourceOptions(url)).initialize() : await openDatabase(url);
  try {
    return await assumableAppRole(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The restricted role, if the login role may switch to it. PostgreSQL 16 split membership from the
 * right to SET ROLE: a role's creator holds ADMIN on it but, unless createrole_self_grant says so,
 * not SET — so ask for SET there, and grant it to ourselves when we may.
 */
async function assumableAppRole(dataSource: DataSource): Promise<string | undefined> {
  const [{ version }] = await dataSource.query(`SELECT current_setting('server_version_num')::int AS version`);
  const privilege = version >= 160000 ? 'SET' : 'MEMBER';
  const may = async () => {
    const rows: Array<{ may: boolean }> = await dataSource.query(`SELECT pg_has_role(current_user, oid, $2) AS may FROM pg_roles WHERE rolname = $1`, [APP_DB_ROLE, privilege]);
    return rows[0]?.may;
  };
  const found = await may();
  if (found === undefined) return undefined; // no such role (it could not be created)
  if (found) return APP_DB_ROLE;
  const grant = version >= 160000 ? `GRANT ${APP_DB_ROLE} TO CURRENT_USER WITH INHERIT FALSE, SET TRUE` : `GRANT ${APP_DB_ROLE} TO CURRENT_USER`;
  await dataSource.query(grant).catch(() => undefined);
  return (await may()) ? APP_DB_ROLE : undefined;
}
