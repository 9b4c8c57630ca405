import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@workplan/shared';
import type { UserEntity } from '../user/user.entity';

export interface GraphQLContext {
  req: { headers: Record<string, string | string[] | undefined>; user?: UserEntity };
}

export const IS_PUBLIC = 'workplan:isPublic';
/** Marks an operation that needs no sign-in (login). Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserEntity => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>().req.user as UserEntity;
});

export function actorOf(user: UserEntity): Actor {
  return { userId: user.id, role: user.role, departmentId: user.departmentId };
}
