import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ReminderLevel, ReminderOrigin } from '@workplan/shared';

/** A reminder slip (催办单 / 督办通知单) as the server gives it. */
export interface Reminder {
  id: string;
  /** 单号, e.g. 督办〔2026〕第12号 */
  number: string;
  level: ReminderLevel;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  departmentId: string;
  departmentName: string;
  /** 责任人: the unit's leader(s), null when none is on record. */
  responsiblePerson: string | null;
  requirement: string;
  /** 时限要求, YYYY-MM-DD */
  deadline: string;
  taskDueDate: string | null;
  origin: ReminderOrigin;
  issuedByName: string | null;
  /** YYYY-MM-DD */
  issuedOn: string;
  createdAt: string;
  signedAt: string | null;
  signedByName: string | null;
}

export const REMINDER_FIELDS = gql`
  fragment ReminderFields on Reminder {
    id number level taskId taskCode taskTitle departmentId departmentName responsiblePerson requirement deadline taskDueDate
    origin issuedByName issuedOn createdAt signedAt signedByName
  }
`;

export const TASK_REMINDERS: TypedDocumentNode<{ reminders: Reminder[] }, { taskId: string }> = gql`
  query TaskReminders($taskId: ID!) { reminders(taskId: $taskId) { ...ReminderFields } }
  ${REMINDER_FIELDS}
`;

export const REMINDER_SLIP: TypedDocumentNode<{ reminder: Reminder }, { id: string }> = gql`
  query ReminderSlip($id: ID!) { reminder(id: $id) { ...ReminderFields } }
  ${REMINDER_FIELDS}
`;

export const MY_REMINDERS: TypedDocumentNode<{ myReminders: Reminder[] }, Record<string, never>> = gql`
  query MyReminders { myReminders { ...ReminderFields } }
  ${REMINDER_FIELDS}
`;

export interface RemindTaskInput {
  taskId: string;
  departmentId: string;
  level: ReminderLevel;
  requirement: string;
  deadline: string;
}

export const REMIND_TASK: TypedDocumentNode<{ remindTask: Reminder }, { input: RemindTaskInput }> = gql`
  mutation RemindTask($input: RemindTaskInput!) { remindTask(input: $input) { ...ReminderFields } }
  ${REMINDER_FIELDS}
`;

export const SIGN_FOR_REMINDER: TypedDocumentNode<{ signForReminder: Reminder }, { reminderId: string }> = gql`
  mutation SignForReminder($reminderId: ID!) { signForReminder(reminderId: $reminderId) { ...ReminderFields } }
  ${REMINDER_FIELDS}
`;
