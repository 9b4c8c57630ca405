/** What a signed-in person may do is decided by their role and their department. */
/** ADMIN keeps the accounts and reads the audit trail; it takes no part in any plan's work. */
export const ROLES = ['COORDINATOR', 'APPROVER', 'INSPECTOR', 'MANAGER', 'STAFF', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The person sending an event, as the machine's guards see them. */
export interface Actor {
  userId: string;
  role: Role;
  departmentId: string | null;
}
