import { AccessService } from '../access/access.service';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { FindingModel, LogFindingInput, TransitionFindingInput } from './finding.model';
import { FindingService } from './finding.service';

@Resolver(() => FindingModel)
export class FindingResolver {
  constructor(
    private readonly service: FindingService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [FindingModel], { description: 'A task’s findings, oldest first' })
  async findings(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<FindingModel[]> {
    await this.access.assertTask(user, 'findings', taskId);
    return this.service.toModels(await this.service.forTask(taskId), user);
  }

  @Query(() => [FindingModel], { description: 'Findings across a plan (or all), newest first: the findings ledger' })
  async findingList(
    @CurrentUser() user: UserEntity,
    @Args('planId', { type: () => ID, nullable: true }) planId: string | null,
    @Args('departmentId', { type: () => ID, nullable: true }) departmentId: string | null,
    @Args('openOnly', { defaultValue: false }) openOnly: boolean,
  ): Promise<FindingModel[]> {
    return this.service.toModels(await this.service.list({ planId, departmentId, openOnly }, this.access.viewer(user, 'findingList')), user);
  }

  @Mutation(() => FindingModel, { description: 'An inspector logs a finding (发现问题) on a task' })
  async logFinding(@Args('input') input: LogFindingInput, @CurrentUser() user: UserEntity): Promise<FindingModel> {
    const [model] = await this.service.toModels([await this.service.logFinding(input, user)], user);
    return model;
  }

  @Mutation(() => FindingModel, { description: 'Moves a finding: start rectifying, submit the rectification, verify (销号) or reopen' })
  async transitionFinding(@Args('input') input: TransitionFindingInput, @CurrentUser() user: UserEntity): Promise<FindingModel> {
    const [model] = await this.service.toModels([await this.service.transitionFinding(input, user)], user);
    return model;
  }
}
