import type { ErrorCode } from '@workplan/shared';
import { GraphQLError } from 'graphql';

export type { ErrorCode };

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const unauthenticated = (message = 'Sign in first') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} does not exist`);
export const badInput = (message: string, field?: string) => new DomainError('BAD_USER_INPUT', message, field ? { field } : {});
