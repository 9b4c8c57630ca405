import { Query, Resolver } from '@nestjs/graphql';
import { PlanModel } from './plan.model';
import { PlanService } from './plan.service';

@Resolver(() => PlanModel)
export class PlanResolver {
  constructor(private readonly service: PlanService) {}

  @Query(() => [PlanModel])
  async plans(): Promise<PlanModel[]> {
    return (await this.service.list()).map(PlanModel.from);
  }
}
