import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { isOperation, scopeOf } from '@workplan/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { forbidden, unauthenticated } from '../common/errors';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthService } from './auth.service';
import { IS_PUBLIC, type GraphQLContext } from './current-user';
import { MutationRateLimit } from './mutation-rate-limit';

/**
 * Every GraphQL operation needs a valid bearer token unless marked @Public(), and a row in the
 * permission table that admits the caller's role (an operation missing from the table is refused
 * to everyone). Mutations are also counted against the caller's per-minute limit.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly mutations: MutationRateLimit;

  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.mutations = new MutationRateLimit(options.mutationsPerMinute ?? 120);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const gql = GqlExecutionContext.create(context);
    const { req } = gql.getContext<GraphQLContext>();
    if (!req.user) {
      const header = req.headers.authorization;
      const signedIn = await this.auth.authenticate(Array.isArray(header) ? header[0] : header);
      if (!signedIn) throw unauthenticated();
      req.user = signedIn.user;
      req.sessionId = signedIn.sessionId;
    }
    const info = gql.getInfo<GraphQLResolveInfo>();
    const operation = info.fieldName;
    if (!isOperation(operation) || !scopeOf(req.user.role, operation)) {
      throw forbidden(`A ${req.user.role.toLowerCase()} account may not do this (${operation})`);
    }
    if (info.parentType.name === 'Mutation') this.mutations.take(req.user.id);
    return true;
  }
}
