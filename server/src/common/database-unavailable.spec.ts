import { GraphQLError } from 'graphql';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './errors';

/** What node-postgres throws when the server answers with an error: a DatabaseError with its SQLSTATE. */
function pgError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

/** What Node throws when nothing listens on the database's port. */
function socketError(code: string, syscall = 'connect'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${syscall} ${code} 127.0.0.1:5432`), { code, errno: -111, syscall, address: '127.0.0.1', port: 5432 });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', socketError('ECONNREFUSED')],
    ['connection reset', socketError('ECONNRESET', 'read')],
    ['connect timeout', socketError('ETIMEDOUT')],
    ['host unreachable', socketError('EHOSTUNREACH')],
    ['admin shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown (57P02)', pgError('57P02', 'terminating connection due to crash of another server process')],
    ['cannot connect now (57P03)', pgError('57P03', 'the database system is starting up')],
    ['too many connections (53300)', pgError('53300', 'sorry, too many clients already')],
    ['connection failure (08006)', pgError('08006', 'connection failure')],
    ['connection does not exist (08003)', pgError('08003', 'connection does not exist')],
    ['unable to establish connection (08001)', pgError('08001', 'could not connect')],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg: connection timeout', new Error('Connection terminated due to connection timeout')],
    ['pg-pool: no client in time', new Error('timeout exceeded when trying to connect')],
    ['pg: broken client reused', new Error('Client has encountered a connection error and is not queryable')],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('looks inside the wrappers an error reaches formatError in', () => {
    const refused = socketError('ECONNREFUSED');
    // TypeORM's QueryFailedError keeps the driver's error (and copies its fields).
    const queryFailed = new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'));
    expect(isDatabaseUnavailable(queryFailed)).toBe(true);
    // GraphQL wraps a resolver's error as originalError.
    expect(isDatabaseUnavailable(new GraphQLError('connect ECONNREFUSED 127.0.0.1:5432', { originalError: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('Unexpected error', { originalError: queryFailed }))).toBe(true);
    // Error.cause, several levels deep.
    expect(isDatabaseUnavailable(new Error('loading the user', { cause: new Error('query failed', { cause: refused }) }))).toBe(true);
    // Node's happy-eyeballs connect gives an AggregateError of one error per address.
    expect(isDatabaseUnavailable(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], ''))).toBe(true);
    // A driverError that is a plain object still counts.
    expect(isDatabaseUnavailable({ driverError: { code: '57P03' } })).toBe(true);
  });

  it.each([
    ['a refusal', new DomainError('VERSION_CONFLICT', 'The task changed meanwhile', { currentVersion: 3 })],
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value violates unique constraint'))],
    ['a syntax error in our SQL', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a file that is missing', socketError('ENOENT', 'open')],
    ['a message that only mentions a connection', new Error('The connection between these tasks is broken')],
    ['a Node error code of no outage', Object.assign(new TypeError('bad argument'), { code: 'ERR_INVALID_ARG_TYPE' })],
    ['a string', 'Connection terminated unexpectedly'],
    ['null', null],
    ['undefined', undefined],
  ])('does not mistake %s for an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
