import { AccessService } from '../access/access.service';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { CreateIndicatorInput, IndicatorModel, SetIndicatorAllocationsInput } from './indicator.model';
import { IndicatorService } from './indicator.service';

@Resolver(() => IndicatorModel)
export class IndicatorResolver {
  constructor(
    private readonly service: IndicatorService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [IndicatorModel], { description: 'A plan’s or a task’s indicators with targets, allocations and progress against pace' })
  async indicators(
    @Args('planId', { type: () => ID, nullable: true }) planId: string | null,
    @Args('taskId', { type: () => ID, nullable: true }) taskId: string | null,
    @CurrentUser() user: UserEntity,
  ): Promise<IndicatorModel[]> {
    // A plan's indicators are public to the plan; a task's are part of the task's detail.
    if (taskId) await this.access.assertTask(user, 'indicators', taskId);
    return this.service.toModels(await this.service.list({ planId, taskId }));
  }

  @Mutation(() => IndicatorModel)
  async createIndicator(@Args('input') input: CreateIndicatorInput, @CurrentUser() user: UserEntity): Promise<IndicatorModel> {
    return (await this.service.toModels([await this.service.create(input, user)]))[0];
  }

  @Mutation(() => IndicatorModel, { description: 'Sets a year’s split of an indicator; the answer says whether it adds up' })
  async setIndicatorAllocations(@Args('input') input: SetIndicatorAllocationsInput, @CurrentUser() user: UserEntity): Promise<IndicatorModel> {
    return (await this.service.toModels([await this.service.setAllocations(input, user)]))[0];
  }
}
