import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { errorMessageKey, toApiError, type ApiError } from '../../app/errors';
import { useI18n } from '../../i18n/i18n';

/** The plain-HTTP file endpoints answer `{ code, message }`, the same shape as a GraphQL error's. */
function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && typeof (value as ApiError).code === 'string';
}

/** Tells the user, in their language, why a request failed; returns the error so callers can react to its code. */
export function useApiErrorMessage(): (error: unknown) => ApiError {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  return useCallback(
    (error: unknown) => {
      const apiError = isApiError(error) ? error : toApiError(error);
      const { key, params } = errorMessageKey(apiError);
      void message.error({ content: t(key, params), duration: 6 });
      return apiError;
    },
    [t, message],
  );
}
