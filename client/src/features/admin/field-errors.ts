import type { ApiError } from '../../app/errors';
import type { MessageKey } from '../../i18n/messages';
import type { AdminText } from './admin.messages';

const FORM_FIELDS = ['email', 'name', 'role', 'departmentId', 'password'] as const;
type FormField = (typeof FORM_FIELDS)[number];

/**
 * The account-form field a refusal is about, with what to say there in the person's language
 * (the server names the field in extensions.field; its own message is English).
 */
export function fieldErrorOf(error: ApiError, text: AdminText, t: (key: MessageKey, params?: Record<string, string>) => string): { field: FormField; message: string } | null {
  if (error.code === 'NOT_FOUND' && /department/i.test(error.message)) return { field: 'departmentId', message: text.departmentMissing };
  if (error.code !== 'BAD_USER_INPUT' || !error.field || !(FORM_FIELDS as readonly string[]).includes(error.field)) return null;
  const field = error.field as FormField;
  switch (field) {
    case 'email':
      // A well-formed address (the form checked) refused: it is taken — unless the server says otherwise.
      return { field, message: /exist/i.test(error.message) ? text.emailTaken : text.emailInvalid };
    case 'password':
      return { field, message: /most/i.test(error.message) ? text.passwordTooLong : text.passwordRule };
    case 'departmentId':
      return { field, message: text.departmentRequired };
    case 'role':
      return { field, message: text.roleRequired };
    default:
      return { field, message: t('errorBadInput', { message: error.message }) };
  }
}
