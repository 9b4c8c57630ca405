import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@workplan/shared';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  department: { id: string; name: string; code: string } | null;
}

const USER_FIELDS = 'id email name role department { id name code }';

export const ME: TypedDocumentNode<{ me: CurrentUser }> = gql`query Me { me { ${USER_FIELDS} } }`;

export const LOGIN: TypedDocumentNode<{ login: { token: string; user: CurrentUser } }, { email: string; password: string }> = gql`
  mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token user { ${USER_FIELDS} } } }
`;

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  departmentName: string | null;
}

export const DEMO_ACCOUNTS: TypedDocumentNode<{ demoAccounts: DemoAccount[] }> = gql`
  query DemoAccounts { demoAccounts { email name role departmentName } }
`;
