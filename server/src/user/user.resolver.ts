import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Role } from '@workplan/shared';
import { CurrentUser } from '../auth/current-user';
import { RoleEnum } from '../common/graphql-enums';
import { forbidden } from '../common/errors';
import type { UserEntity } from './user.entity';
import { UserModel } from './user.model';
import { UserService } from './user.service';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Query(() => [UserModel], { description: 'Active people, optionally of one role (coordinators form inspection teams from these)' })
  async users(@CurrentUser() user: UserEntity, @Args('role', { type: () => RoleEnum, nullable: true }) role: Role | null): Promise<UserModel[]> {
    if (user.role !== 'COORDINATOR' && user.role !== 'MANAGER') throw forbidden('Only coordinators and managers list people');
    return Promise.all((await this.service.listActive(role)).map((u) => this.service.toModel(u)));
  }
}
