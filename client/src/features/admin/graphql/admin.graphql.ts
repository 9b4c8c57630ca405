import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@workplan/shared';

/** An account as the administrator's table lists it (deactivated ones too). */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  department: { id: string; name: string; code: string } | null;
}

const USER_FIELDS = 'id email name role active department { id name code }';

export const ADMIN_USERS: TypedDocumentNode<{ users: AdminUser[] }> = gql`
  query AdminUsers { users(includeInactive: true) { ${USER_FIELDS} } }
`;

export interface AdminDepartment {
  id: string;
  name: string;
  code: string;
  /** province, city, district, town or group */
  level: string;
  parentId: string | null;
}

export const ADMIN_DEPARTMENTS: TypedDocumentNode<{ departments: AdminDepartment[] }> = gql`
  query AdminDepartments { departments { id name code level parentId } }
`;

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  password: string;
}

export const CREATE_USER: TypedDocumentNode<{ createUser: AdminUser }, { input: CreateUserInput }> = gql`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }
`;

export const RESET_PASSWORD: TypedDocumentNode<{ resetPassword: Pick<AdminUser, 'id'> }, { userId: string; password: string }> = gql`
  mutation ResetPassword($userId: ID!, $password: String!) { resetPassword(userId: $userId, password: $password) { id } }
`;

/** The answer carries `active`, so the cached row (and the table) changes by itself. */
export const SET_USER_ACTIVE: TypedDocumentNode<{ setUserActive: Pick<AdminUser, 'id' | 'active'> }, { userId: string; active: boolean }> = gql`
  mutation SetUserActive($userId: ID!, $active: Boolean!) { setUserActive(userId: $userId, active: $active) { id active } }
`;

/** One mutation someone ran (or tried to), as the audit trail keeps it. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  operation: string;
  targetId: string | null;
  /** The arguments as sent, secrets redacted: shown as text, never as markup. */
  arguments: unknown;
  address: string | null;
  requestId: string;
  /** OK, or the error code the caller got. */
  result: string;
  message: string | null;
  durationMs: number | null;
}

export interface AuditFilter {
  actorId?: string;
  operation?: string;
  /** OK, FAILED (anything but OK), or one error code. */
  result?: string;
  targetId?: string;
  since?: string;
  until?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  hasMore: boolean;
  endCursor: string | null;
}

export const AUDIT_LOG: TypedDocumentNode<{ auditLog: AuditPage }, { filter: AuditFilter; first: number; after: string | null }> = gql`
  query AuditLog($filter: AuditFilter, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      entries { id at actorId actorEmail actorRole operation targetId arguments address requestId result message durationMs }
      hasMore
      endCursor
    }
  }
`;
