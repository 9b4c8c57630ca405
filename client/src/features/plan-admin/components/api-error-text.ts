import { useCallback } from 'react';
import { errorMessageKey, toApiError } from '../../../app/errors';
import { useI18n } from '../../../i18n/i18n';

/** The sentence, in the user's language, for a failed query (shown inline rather than as a toast). */
export function useApiErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback((error: unknown) => {
    const { key, params } = errorMessageKey(toApiError(error));
    return t(key, params);
  }, [t]);
}
