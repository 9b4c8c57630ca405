import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ScoringModule } from './scoring/scoring.module';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Context } from 'graphql-ws';
import { AccessModule } from './access/access.module';
import type { Fanout } from './live/change-bus';
import { LiveModule } from './live/live.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AuthOptions } from './auth/auth.options';
import { DomainErrorFilter } from './common/domain-error.filter';
import { formatGraphQLError } from './common/format-error';
import { queryLimitsRule } from './common/query-limits';
import { dataSourceOptions, migrateDatabase } from './database/data-source';
import { DepartmentModule } from './department/department.module';
import { PlanModule } from './plan/plan.module';
import { InspectionModule } from './inspection/inspection.module';
import { NotificationModule } from './notification/notification.module';
import { ProgressReportModule } from './report/progress-report.module';
import { AssessmentModule } from './assessment/assessment.module';
import { AssignmentModule } from './assignment/assignment.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ExportModule } from './export/export.module';
import { HealthModule } from './health/health.module';
import { PlanImportModule } from './plan-import/plan-import.module';
import { IndicatorModule } from './indicator/indicator.module';
import { ReminderModule } from './reminder/reminder.module';
import { InstructionModule } from './instruction/instruction.module';
import { SupervisionModule } from './supervision/supervision.module';
import { SupervisionLedgerModule } from './supervision-ledger/supervision-ledger.module';
import { SideRequestModule } from './side-request/side-request.module';
import { TaskModule } from './task/task.module';
import { TimerModule } from './timer/timer.module';
import { UserModule } from './user/user.module';

export interface AppOptions {
  databaseUrl: string;
  auth: AuthOptions;
  /** Offer GraphiQL at /graphql (off in production). */
  graphiql: boolean;
  /** Run the migrations at start (default); off when a separate job does (MIGRATE_ON_START=0). */
  migrate?: boolean;
  /** How live updates reach other replicas: PostgreSQL LISTEN/NOTIFY (default), Redis, or in-process only. */
  fanout?: Fanout;
  redisUrl?: string;
  /** Durable timers (reminders, escalation) on pg-boss; default on. */
  timers?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            const appRole = await migrateDatabase(options.databaseUrl, { migrate: options.migrate });
            if (!appRole) new Logger('Database').warn('Cannot act as the restricted app role; the audit trail is guarded by its trigger alone');
            return dataSourceOptions(options.databaseUrl, { appRole });
          },
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: options.graphiql,
          // Production answers no schema questions; the committed schema.gql is the contract.
          introspection: options.graphiql,
          validationRules: [queryLimitsRule],
          // Browsers cannot set headers on a WebSocket: the token comes in the connection's params.
          subscriptions: {
            'graphql-ws': {
              onConnect: (ctx: Context<Record<string, unknown> | undefined, unknown>) => {
                const auth = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
                (ctx.extra as { authorization?: string }).authorization = typeof auth === 'string' ? auth : undefined;
              },
            },
          },
          includeStacktraceInErrorResponses: false,
          // No HTTP caching of answers here (they depend on who asks); Apollo's cache-control plugin
          // would otherwise watch every field of every query.
          // (Its ESM typings differ from the CJS ones Nest's config names; the object is the same.)
          plugins: [ApolloServerPluginCacheControlDisabled() as unknown as NonNullable<ApolloDriverConfig['plugins']>[number]],
          formatError: formatGraphQLError,
          context: ({ req, extra }: { req?: unknown; extra?: { authorization?: string } }) =>
            extra ? { req: { headers: { authorization: extra.authorization } } } : { req },
        }),
        LiveModule.forRoot({ fanout: options.fanout ?? 'postgres', databaseUrl: options.databaseUrl, redisUrl: options.redisUrl }),
        AccessModule,
        AuthModule.forRoot(options.auth),
        AuditModule,
        DepartmentModule,
        UserModule,
        PlanModule,
        TaskModule,
        NotificationModule,
        InspectionModule,
        ProgressReportModule,
        IndicatorModule,
        AssessmentModule,
        DashboardModule,
        ExportModule,
        PlanImportModule,
        HealthModule,
        SupervisionModule,
        SupervisionLedgerModule,
        ScoringModule,
        AssignmentModule,
        ReminderModule,
        SideRequestModule,
        InstructionModule,
        TimerModule.forRoot({ enabled: options.timers ?? true, databaseUrl: options.databaseUrl }),
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
