import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Role } from '@workplan/shared';
import { CurrentUser } from '../auth/current-user';
import { RoleEnum } from '../common/graphql-enums';
import { UserAdminService } from './user-admin.service';
import type { UserEntity } from './user.entity';
import { CreateUserInput, UserModel } from './user.model';
import { UserService } from './user.service';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(
    private readonly service: UserService,
    private readonly admin: UserAdminService,
  ) {}

  @Query(() => [UserModel], { description: 'People, optionally of one role (coordinators form inspection teams from these); active ones unless includeInactive' })
  async users(
    @Args('role', { type: () => RoleEnum, nullable: true }) role: Role | null,
    @Args('includeInactive', { defaultValue: false }) includeInactive: boolean,
  ): Promise<UserModel[]> {
    return Promise.all((await this.service.list(role, includeInactive)).map((u) => this.service.toModel(u)));
  }

  @Mutation(() => UserModel, { description: 'An administrator opens an account' })
  async createUser(@Args('input') input: CreateUserInput): Promise<UserModel> {
    return this.service.toModel(await this.admin.create(input));
  }

  @Mutation(() => UserModel, { description: 'An administrator sets a new password; the person’s sign-ins end' })
  async resetPassword(@Args('userId', { type: () => ID }) userId: string, @Args('password') password: string): Promise<UserModel> {
    return this.service.toModel(await this.admin.resetPassword(userId, password));
  }

  @Mutation(() => UserModel, { description: 'An administrator deactivates (its tokens stop at once) or reactivates an account' })
  async setUserActive(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('active') active: boolean,
    @CurrentUser() user: UserEntity,
  ): Promise<UserModel> {
    return this.service.toModel(await this.admin.setActive(userId, active, user));
  }
}
