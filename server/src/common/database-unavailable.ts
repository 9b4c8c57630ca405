/**
 * Is this error the database being out of reach (down, restarting, refusing connections, the link
 * cut), rather than a bug or a refused request? Pure: it looks only at the error object and the
 * errors it wraps (GraphQL's originalError, `cause`, TypeORM's `driverError`, an AggregateError's
 * `errors`), so a caller can answer "try again in a moment" instead of "something went wrong".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 32) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (looksUnavailable(current as ErrorLike)) return true;
    const { originalError, cause, driverError, errors } = current as ErrorLike;
    queue.push(originalError, cause, driverError);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}

/** What a user is told when isDatabaseUnavailable: the request was not carried out, and may be sent again. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not reachable right now; nothing was changed. Please try again in a moment.';

interface ErrorLike {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  originalError?: unknown;
  cause?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/**
 * PostgreSQL's SQLSTATEs for "the server cannot serve you now": 57P01 admin_shutdown (it is being
 * stopped), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down),
 * 53300 too_many_connections. Class 08 (connection exception) is matched as a whole.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Node's socket errors when the database's address does not answer or the link breaks. */
const UNAVAILABLE_ERRNO_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool say these in plain words, without a code. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i, // "Connection terminated unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool: no client within connectionTimeoutMillis
  /timeout expired when trying to connect/i,
  /client has encountered a connection error and is not queryable/i,
  /client was closed and is not queryable/i,
  /cannot use a pool after calling end on the pool/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to (administrator command|crash of another server process)/i,
  /\bconnect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/,
];

function looksUnavailable(error: ErrorLike): boolean {
  const { code, message } = error;
  if (typeof code === 'string') {
    if (UNAVAILABLE_ERRNO_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}
