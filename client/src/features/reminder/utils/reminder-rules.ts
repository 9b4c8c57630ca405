import { permits } from '@workplan/shared';
import type { WorkUser } from '../../task-work/work-task';
import type { Reminder } from '../graphql/reminder.graphql';

/** Whether the signed-in user presses units by hand (the permission table says: the coordinating office). */
export function mayRemind(user: WorkUser): boolean {
  return permits({ role: user.role, departmentId: user.department?.id ?? null }, 'remindTask');
}

/** Staff of the unit a slip is addressed to sign for it, once. */
export function maySignFor(user: WorkUser, reminder: Pick<Reminder, 'departmentId' | 'signedAt'>): boolean {
  return user.role === 'STAFF' && user.department?.id === reminder.departmentId && reminder.signedAt === null;
}

/** Where a slip prints. */
export function reminderSlipPath(id: string): string {
  return `/reminders/${encodeURIComponent(id)}/print`;
}

/** The slip a path shows, or null. */
export function reminderSlipIdOf(pathname: string): string | null {
  const match = /^\/reminders\/([^/]+)\/print\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
}
