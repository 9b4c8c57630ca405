import { Query, Resolver } from '@nestjs/graphql';
import { DepartmentModel } from './department.model';
import { DepartmentService } from './department.service';

@Resolver(() => DepartmentModel)
export class DepartmentResolver {
  constructor(private readonly service: DepartmentService) {}

  @Query(() => [DepartmentModel])
  async departments(): Promise<DepartmentModel[]> {
    return (await this.service.list()).map(DepartmentModel.from);
  }
}
