import { GraphQLError } from 'graphql';
import { auditArguments, auditResult, auditTarget } from './audit-record';

describe('what the audit trail keeps of a mutation', () => {
  it('never keeps a password, token or document, and cuts long text', () => {
    const kept = auditArguments({
      email: 'a@b.gov',
      password: 'hunter2hunter2',
      refreshToken: 'abc',
      input: { taskId: 't1', contentBase64: 'x'.repeat(10_000), comment: '很'.repeat(500), ids: Array.from({ length: 25 }, (_, i) => i) },
    }) as Record<string, any>;
    expect(kept.password).toBe('[redacted]');
    expect(kept.refreshToken).toBe('[redacted]');
    expect(kept.input.contentBase64).toBe('[redacted]');
    expect(kept.input.comment).toHaveLength(300 + '… (500 characters)'.length);
    expect(kept.input.ids).toHaveLength(21);
    expect(JSON.stringify(kept)).not.toContain('hunter2');
  });

  it('keeps text with a NUL byte storable (PostgreSQL text cannot hold one)', () => {
    expect(auditArguments({ input: { title: 'nul \u0000 byte' } })).toEqual({ input: { title: 'nul \uFFFD byte' } });
  });

  it('names the target from the arguments or the input', () => {
    expect(auditTarget({ input: { taskId: 'task-1', planId: 'p' } })).toBe('task-1');
    expect(auditTarget({ userId: 'u-9', active: false })).toBe('u-9');
    expect(auditTarget({ email: 'who@x.gov', password: 'p' })).toBe('who@x.gov');
    expect(auditTarget({})).toBeNull();
  });

  it('records the code the caller got, hiding internal messages', () => {
    expect(auditResult(null)).toEqual({ result: 'OK', message: null });
    expect(auditResult(new GraphQLError('stale', { extensions: { code: 'VERSION_CONFLICT' } }))).toEqual({ result: 'VERSION_CONFLICT', message: 'stale' });
    expect(auditResult(new Error('relation "x" does not exist'))).toEqual({ result: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
  });
});
