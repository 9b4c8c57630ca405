import { HttpException } from '@nestjs/common';
import { DomainError } from './errors';

/** A refusal over plain HTTP (file and Excel downloads): the status, and `{code, message}` as GraphQL would say it. */
export const httpError = (status: number, code: string, message: string) => new HttpException({ code, message }, status);

const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

/** Refusals from validation and services are GraphQL errors; over plain HTTP they become the status and `{code, message}`. */
export function asHttp(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const code = String(error.extensions.code ?? 'BAD_USER_INPUT');
  return httpError(STATUS_OF_CODE[code] ?? 409, code, error.message);
}
