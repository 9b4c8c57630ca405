/**
 * A task's code is its path in the plan's outline ("1.3.2"). Sorting the text would put 1.10 before
 * 1.9, so the board sorts by this key: every run of digits padded to the same width.
 */
export function taskSortKey(code: string): string {
  return code.trim().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(6, '0'));
}
