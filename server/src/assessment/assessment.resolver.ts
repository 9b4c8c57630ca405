import { AccessService } from '../access/access.service';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { AssessmentModel, AssessTaskInput, DepartmentRankingModel } from './assessment.model';
import { AssessmentService } from './assessment.service';

@Resolver(() => AssessmentModel)
export class AssessmentResolver {
  constructor(
    private readonly service: AssessmentService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [AssessmentModel])
  async assessments(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<AssessmentModel[]> {
    await this.access.assertTask(user, 'assessments', taskId);
    return this.service.forTask(taskId);
  }

  @Query(() => [DepartmentRankingModel], { description: 'Departments ranked for a plan and period; top N commended, bottom N warned, as the plan sets' })
  departmentRanking(@Args('planId', { type: () => ID }) planId: string, @Args('period') period: string): Promise<DepartmentRankingModel[]> {
    return this.service.ranking(planId, period);
  }

  @Mutation(() => AssessmentModel, { description: 'A coordinator or approver scores a task for a period; the grade follows from the score' })
  async assessTask(@Args('input') input: AssessTaskInput, @CurrentUser() user: UserEntity): Promise<AssessmentModel> {
    return (await this.service.toModels([await this.service.assess(input, user)]))[0];
  }
}
