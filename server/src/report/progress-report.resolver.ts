import { AccessService } from '../access/access.service';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import { forbidden } from '../common/errors';
import { requireUuid } from '../common/validate';
import type { UserEntity } from '../user/user.entity';
import { FileProgressReportInput, ProgressReportModel, ReportDueModel } from './progress-report.model';
import { ProgressReportService } from './progress-report.service';

@Resolver(() => ProgressReportModel)
export class ProgressReportResolver {
  constructor(
    private readonly service: ProgressReportService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [ProgressReportModel], { description: 'A task’s progress reports, newest period first' })
  async progressReports(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<ProgressReportModel[]> {
    await this.access.assertTask(user, 'progressReports', taskId);
    return this.service.forTask(taskId);
  }

  @Query(() => [ReportDueModel], { description: 'Every report a task’s departments owe or filed, period by period' })
  async reportSchedule(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<ReportDueModel[]> {
    await this.access.assertTask(user, 'reportSchedule', taskId);
    return this.service.schedule([requireUuid(taskId, 'taskId')]);
  }

  @Query(() => [ReportDueModel], { description: 'Reports the signed-in department still owes, most urgent first' })
  myReportsDue(@CurrentUser() user: UserEntity): Promise<ReportDueModel[]> {
    if (!user.departmentId) throw forbidden('Your account belongs to no department');
    return this.service.dueFor(user.departmentId);
  }

  @Mutation(() => ProgressReportModel, { description: 'The lead or a cooperating department files its progress report for a period' })
  async fileProgressReport(@Args('input') input: FileProgressReportInput, @CurrentUser() user: UserEntity): Promise<ProgressReportModel> {
    const [model] = await this.service.toModels([await this.service.file(input, user)]);
    return model;
  }
}
