/** What a signed-in person may do is decided by their role and their department. */
export const ROLES = ['COORDINATOR', 'APPROVER', 'INSPECTOR', 'MANAGER', 'STAFF'] as const;
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
