import { Args, Context, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Role } from '@workplan/shared';
import { RoleEnum } from '../common/graphql-enums';
import { UserEntity } from '../user/user.entity';
import { UserModel } from '../user/user.model';
import { UserService } from '../user/user.service';
import { AuthService } from './auth.service';
import { CurrentUser, Public, type GraphQLContext } from './current-user';

/** The caller's address, for counting failed sign-ins per address. */
const clientAddress = (context: GraphQLContext) => (context.req as { ip?: string }).ip ?? 'unknown';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' }) token: string;
  @Field(() => UserModel) user: UserModel;
}

@ObjectType('DemoAccount', { description: 'A demo sign-in offered on the sign-in page (password "demo")' })
export class DemoAccount {
  @Field() email: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: Role;
  @Field(() => String, { nullable: true }) departmentName: string | null;
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload)
  async login(@Args('email') email: string, @Args('password') password: string, @Context() context: GraphQLContext): Promise<AuthPayload> {
    const { token, user } = await this.auth.login(email, password, clientAddress(context));
    return { token, user: await this.users.toModel(user) };
  }

  @Public()
  @Query(() => [DemoAccount], { description: 'Demo accounts (only @demo.gov ones exist only on demo data); empty otherwise' })
  demoAccounts(): Promise<DemoAccount[]> {
    return this.users.demoAccounts();
  }

  @Query(() => UserModel, { description: 'The signed-in user' })
  me(@CurrentUser() user: UserEntity): Promise<UserModel> {
    return this.users.toModel(user);
  }
}
