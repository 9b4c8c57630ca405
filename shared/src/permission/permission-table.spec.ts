import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../actor/role';
import { permissionTableMarkdown } from './permission-markdown';
import { OPERATIONS, PERMISSIONS, permits, scopeOf, visibleElsewhere, type TaskAccessTarget } from './permission-table';

const staff = { role: 'STAFF' as const, departmentId: 'A' };
const task = (lead: string, cooperating: string[], visibility: TaskAccessTarget['visibility']): TaskAccessTarget => ({ leadDepartmentId: lead, cooperatingDepartmentIds: cooperating, visibility });

describe('the permission table', () => {
  it('gives every operation to somebody, and nothing about tasks to the administrator', () => {
    for (const op of OPERATIONS) expect({ op, roles: Object.keys(PERMISSIONS[op].roles).length }).not.toEqual({ op, roles: 0 });
    expect(OPERATIONS.filter((op) => PERMISSIONS[op].target !== 'none' && scopeOf('ADMIN', op))).toEqual([]);
  });

  it('lets department staff act only on their own department’s tasks', () => {
    expect(permits(staff, 'transitionTask', task('A', [], 'FULL'))).toBe(true);
    expect(permits(staff, 'transitionTask', task('B', ['A'], 'FULL'))).toBe(false); // cooperating is not leading
    expect(permits(staff, 'fileProgressReport', task('B', ['A'], 'OWN'))).toBe(true); // but cooperating departments report
    expect(permits(staff, 'fileProgressReport', task('B', [], 'FULL'))).toBe(false);
  });

  it('shows staff other departments’ tasks as the plan’s visibility says', () => {
    const other = (visibility: TaskAccessTarget['visibility']) => task('B', [], visibility);
    expect([permits(staff, 'task', other('FULL')), permits(staff, 'task', other('SUMMARY')), permits(staff, 'task', other('OWN'))]).toEqual([true, true, false]);
    expect([permits(staff, 'findings', other('FULL')), permits(staff, 'findings', other('SUMMARY')), permits(staff, 'findings', other('OWN'))]).toEqual([true, false, false]);
    expect(permits(staff, 'findings', task('A', [], 'OWN'))).toBe(true);
    expect(visibleElsewhere(staff, 'board')).toEqual(['FULL', 'SUMMARY']);
    expect(visibleElsewhere({ role: 'MANAGER', departmentId: null }, 'board')).toBeNull();
  });

  it('lets managers read everything and change nothing but a leader’s own acts (批示, 关注, 批注)', () => {
    const manager = { role: 'MANAGER' as const, departmentId: null };
    const leaderActs: readonly string[] = ['issueInstruction', 'followTask', 'unfollowTask', 'annotateTask'];
    for (const op of OPERATIONS) {
      const kind = PERMISSIONS[op].kind;
      const expected = kind === 'query' || kind === 'download' || kind === 'subscription' || op === 'logout' || op === 'markNotificationsRead' || leaderActs.includes(op);
      if (op === 'myReportsDue' || op === 'myInspections' || op === 'myReminders' || op === 'myAssignments' || op === 'pendingSideRequests' || op === 'auditLog') continue; // someone else's work lists, the admin's trail
      expect({ op, may: permits(manager, op, task('B', [], 'OWN')) }).toEqual({ op, may: expected });
    }
  });

  it('is printed in the README exactly as in the code', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(permissionTableMarkdown());
    expect(ROLES).toContain('ADMIN');
  });
});
