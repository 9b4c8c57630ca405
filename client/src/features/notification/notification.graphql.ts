import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AppNotification {
  id: string;
  kind: string;
  taskId: string | null;
  findingId: string | null;
  params: Record<string, string | number>;
  read: boolean;
  createdAt: string;
}

export const NOTIFICATIONS: TypedDocumentNode<{ notifications: AppNotification[]; unreadNotificationCount: number }> = gql`
  query Notifications { notifications(first: 30) { id kind taskId findingId params read createdAt } unreadNotificationCount }
`;

export const MARK_READ: TypedDocumentNode<{ markNotificationsRead: number }, { id?: string | null }> = gql`
  mutation MarkNotificationsRead($id: ID) { markNotificationsRead(id: $id) }
`;
