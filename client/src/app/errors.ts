import { CombinedGraphQLErrors } from '@apollo/client';
import type { MessageKey } from '../i18n/messages';

/** The error codes the API promises (extensions.code). */
export type ApiErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'TRANSITION_NOT_ALLOWED' | 'VERSION_CONFLICT' | 'RATE_LIMITED';

export interface ApiError {
  code: ApiErrorCode | 'NETWORK' | 'UNKNOWN';
  message: string;
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    return { code: (typeof code === 'string' ? code : 'UNKNOWN') as ApiError['code'], message: first?.message ?? error.message };
  }
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return { code: 'NETWORK', message: error.message };
  }
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

/** What to tell a person, in their language, for each code. */
export function errorMessageKey(error: ApiError): { key: MessageKey; params?: Record<string, string> } {
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
      return { key: 'errorRateLimited' };
    default:
      return { key: 'errorUnknown', params: { message: error.message } };
  }
}
