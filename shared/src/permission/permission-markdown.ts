import { ROLES } from '../actor/role';
import { OPERATIONS, PERMISSIONS } from './permission-table';

/** The permission table as the README prints it (a test keeps the two equal). */
export function permissionTableMarkdown(): string {
  const header = `| operation | kind | ${ROLES.join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = OPERATIONS.map((op) => {
    const roles: Partial<Record<string, string>> = PERMISSIONS[op].roles;
    return `| \`${op}\` | ${PERMISSIONS[op].kind} | ${ROLES.map((role) => roles[role] ?? '—').join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
