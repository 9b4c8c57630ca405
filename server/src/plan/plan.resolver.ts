import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlanModel, UpdatePlanSettingsInput } from './plan.model';
import { PlanService } from './plan.service';

@Resolver(() => PlanModel)
export class PlanResolver {
  constructor(private readonly service: PlanService) {}

  @Query(() => [PlanModel])
  async plans(): Promise<PlanModel[]> {
    return (await this.service.list()).map(PlanModel.from);
  }

  @Mutation(() => PlanModel, { description: 'A coordinator sets the plan’s reporting cadence, ranking numbers and what staff see of other departments’ tasks' })
  async updatePlanSettings(@Args('input') input: UpdatePlanSettingsInput): Promise<PlanModel> {
    return PlanModel.from(await this.service.updateSettings(input));
  }
}
