import type { GraphQLError } from 'graphql';

/** Argument names whose values never reach the audit trail. */
const SECRET = /password|token|content|base64/i;
const MAX_TEXT = 300;

/**
 * What of a mutation's arguments the audit trail keeps: everything a reader needs to tell what
 * was asked, minus secrets, with long text cut (a plan document arrives as megabytes of base64).
 */
export function auditArguments(value: unknown, key = '', depth = 0): unknown {
  if (SECRET.test(key)) return '[redacted]';
  if (typeof value === 'string') return storable(value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}… (${value.length} characters)` : value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[nested]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, 20).map((v) => auditArguments(v, '', depth + 1));
    return value.length > 20 ? [...kept, `… ${value.length - 20} more`] : kept;
  }
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, auditArguments(v, k, depth + 1)]));
}

/** PostgreSQL text cannot hold NUL; a refused input may well contain one, and the trail must still record it. */
const storable = (text: string) => text.replace(/\u0000/g, '\uFFFD');

const ID_KEYS = ['taskId', 'findingId', 'inspectionId', 'indicatorId', 'planId', 'userId', 'id', 'email'];

/** The thing a mutation was about, for filtering the trail: the first id among its arguments. */
export function auditTarget(args: Record<string, unknown>): string | null {
  const input = (typeof args.input === 'object' && args.input !== null ? args.input : {}) as Record<string, unknown>;
  for (const key of ID_KEYS) {
    const value = args[key] ?? input[key];
    if (typeof value === 'string' && value) return storable(value.slice(0, 64));
  }
  return null;
}

/** 'OK', or the code the caller was given. */
export function auditResult(error: Error | null): { result: string; message: string | null } {
  if (!error) return { result: 'OK', message: null };
  const code = (error as Partial<GraphQLError>).extensions?.code;
  const known = typeof code === 'string' ? code.slice(0, 40) : 'INTERNAL_SERVER_ERROR';
  return { result: known, message: known === 'INTERNAL_SERVER_ERROR' ? 'internal error' : storable(error.message.slice(0, 1000)) };
}
