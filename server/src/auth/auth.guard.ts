import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../common/errors';
import { AuthService } from './auth.service';
import { IS_PUBLIC, type GraphQLContext } from './current-user';

/** Every GraphQL operation needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const { req } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (req.user) return true;
    const header = req.headers.authorization;
    const user = await this.auth.authenticate(Array.isArray(header) ? header[0] : header);
    if (!user) throw unauthenticated();
    req.user = user;
    return true;
  }
}
