/**
 * The error codes the API promises in `extensions.code`, for the server to give and the client to
 * translate. A contract: add, never rename.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'TRANSITION_NOT_ALLOWED'
  | 'VERSION_CONFLICT'
  /** More than the server allows per minute (mutations), or too many failed sign-ins. */
  | 'RATE_LIMITED'
  /** The server cannot reach its database: nothing was done, the same request may be sent again. */
  | 'SERVICE_UNAVAILABLE';
