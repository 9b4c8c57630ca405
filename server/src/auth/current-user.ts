import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@workplan/shared';
import type { UserEntity } from '../user/user.entity';

/** What the app knows of a request: set by the request-id middleware and the auth guard. */
export interface RequestInfo {
  headers: Record<string, string | string[] | undefined>;
  user?: UserEntity;
  /** The sign-in the bearer token belongs to. */
  sessionId?: string;
  /** Echoed as X-Request-Id and written to the audit trail. */
  requestId?: string;
  ip?: string;
}

export interface GraphQLContext {
  req: RequestInfo;
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
