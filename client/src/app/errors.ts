import { CombinedGraphQLErrors } from '@apollo/client';
import type { ErrorCode } from '@workplan/shared';
import type { MessageKey } from '../i18n/messages';

/** The error codes the API promises (extensions.code). */
export type ApiErrorCode = ErrorCode;

export interface ApiError {
  code: ApiErrorCode | 'NETWORK' | 'UNKNOWN';
  message: string;
  /** BAD_USER_INPUT: the input field the server refused (extensions.field), so a form can mark it. */
  field?: string;
  /** RATE_LIMITED: how long to wait (extensions.retryAfterSeconds). */
  retryAfterSeconds?: number;
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    const field = first?.extensions?.field;
    const retryAfter = first?.extensions?.retryAfterSeconds;
    return {
      code: (typeof code === 'string' ? code : 'UNKNOWN') as ApiError['code'],
      message: first?.message ?? error.message,
      ...(typeof field === 'string' ? { field } : {}),
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return { code: 'NETWORK', message: error.message };
  }
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

/** What to tell a person, in their language, for each code. */
export function errorMessageKey(error: ApiError): { key: MessageKey; params?: Record<string, string | number> } {
  switch (error.code) {
    case 'VERSION_CONFLICT':
      return { key: 'errorVersionConflict' };
    case 'FORBIDDEN':
      return { key: 'errorForbidden' };
    case 'TRANSITION_NOT_ALLOWED':
      return { key: 'errorNotAllowed' };
    case 'BAD_USER_INPUT':
      return { key: 'errorBadInput', params: { message: error.message } };
    case 'UNAUTHENTICATED':
      return { key: 'errorUnauthenticated' };
    case 'NETWORK':
      return { key: 'errorNetwork' };
    case 'RATE_LIMITED':
      // A whole minute at most for mutations; the sign-in page words its own (longer) pause.
      return error.retryAfterSeconds ? { key: 'errorRateLimitedWait', params: { seconds: Math.max(1, Math.ceil(error.retryAfterSeconds)) } } : { key: 'errorRateLimited' };
    case 'SERVICE_UNAVAILABLE':
      return { key: 'errorServiceUnavailable' };
    default:
      return { key: 'errorUnknown', params: { message: error.message } };
  }
}
