import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is a malformed request, not a missing row. */
export function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) throw badInput(`${field} is not a valid id`, field);
  return value.toLowerCase();
}

/** Trims and checks length; blank is refused when required. Text is stored verbatim otherwise. */
export function requireText(value: string | null | undefined, field: string, max: number, required: true): string;
export function requireText(value: string | null | undefined, field: string, max: number, required?: false): string | null;
export function requireText(value: string | null | undefined, field: string, max: number, required = false): string | null {
  const text = value?.trim() ?? '';
  if (!text) {
    if (required) throw badInput(`${field} must not be empty`, field);
    return null;
  }
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, field);
  if (text.includes('\u0000')) throw badInput(`${field} contains a NUL character`, field);
  return text;
}
