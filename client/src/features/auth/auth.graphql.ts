import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@workplan/shared';
import type { SessionTokens } from './session-store';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  department: { id: string; name: string; code: string } | null;
}

const USER_FIELDS = 'id email name role department { id name code }';

export const ME: TypedDocumentNode<{ me: CurrentUser }> = gql`query Me { me { ${USER_FIELDS} } }`;

export const LOGIN: TypedDocumentNode<{ login: SessionTokens & { user: CurrentUser } }, { email: string; password: string }> = gql`
  mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token refreshToken expiresAt user { ${USER_FIELDS} } } }
`;

/** Ends this sign-in on the server: its token and refresh token stop working at once. */
export const LOGOUT: TypedDocumentNode<{ logout: boolean }> = gql`mutation Logout { logout }`;

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  departmentName: string | null;
  /** The unit leader (单位负责人) of its department. */
  departmentLeader: boolean;
}

export const DEMO_ACCOUNTS: TypedDocumentNode<{ demoAccounts: DemoAccount[] }> = gql`
  query DemoAccounts { demoAccounts { email name role departmentName departmentLeader } }
`;
