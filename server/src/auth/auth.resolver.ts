import { Args, Context, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Role } from '@workplan/shared';
import { RoleEnum } from '../common/graphql-enums';
import { UserEntity } from '../user/user.entity';
import { UserModel } from '../user/user.model';
import { UserService } from '../user/user.service';
import { AuthService } from './auth.service';
import { CurrentUser, Public, type GraphQLContext } from './current-user';

/** The caller's address, for counting failed sign-ins per address. */
const clientAddress = (context: GraphQLContext) => context.req.ip ?? 'unknown';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`; short-lived' }) token: string;
  @Field({ description: 'Trade for a new token with refreshSession before expiresAt; ends with logout' }) refreshToken: string;
  @Field({ description: 'When token stops working' }) expiresAt: Date;
  @Field(() => UserModel) user: UserModel;
}

@ObjectType('DemoAccount', { description: 'A demo sign-in offered on the sign-in page (password "demo")' })
export class DemoAccount {
  @Field() email: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: Role;
  @Field(() => String, { nullable: true }) departmentName: string | null;
  @Field({ description: 'The unit leader (单位负责人) of its department' }) departmentLeader: boolean;
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
    const { user, ...tokens } = await this.auth.login(email, password, clientAddress(context));
    return { ...tokens, user: await this.users.toModel(user) };
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'A new token for a sign-in that is still live (its refresh token)' })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    const { user, ...tokens } = await this.auth.refresh(refreshToken);
    return { ...tokens, user: await this.users.toModel(user) };
  }

  @Mutation(() => Boolean, { description: 'Ends this sign-in: its token and refresh token stop working at once' })
  async logout(@Context() context: GraphQLContext): Promise<boolean> {
    if (context.req.sessionId) await this.auth.logout(context.req.sessionId);
    return true;
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
