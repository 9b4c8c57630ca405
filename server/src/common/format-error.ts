import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './errors';

const logger = new Logger('GraphQL');

/** Codes Apollo itself gives to malformed requests; they are safe to show as they are. */
const CLIENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Our domain errors and Apollo's input errors go out as they are. The database being out of reach
 * is SERVICE_UNAVAILABLE: nothing was done, try again. Anything else is a bug: the user gets a
 * stable code and a plain message, the log gets the details.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return { ...formatted, message: original.message, extensions: { ...original.extensions } };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return formatted;
  if (isDatabaseUnavailable(error)) {
    // One line, not a stack per request: during an outage every request lands here.
    logger.warn(`Database unavailable: ${original instanceof Error ? original.message : String(original)}`);
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Something went wrong on the server; nothing was changed. Please try again.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
