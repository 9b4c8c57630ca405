import { mayRemind, maySignFor, reminderSlipIdOf, reminderSlipPath } from './reminder-rules';

const staff = (department: string) => ({ role: 'STAFF' as const, department: { id: department } });

describe('reminder rules', () => {
  it('coordinators press by hand; staff, leaders and managers do not', () => {
    expect(mayRemind({ role: 'COORDINATOR', department: null })).toBe(true);
    expect(mayRemind(staff('d1'))).toBe(false);
    expect(mayRemind({ role: 'APPROVER', department: null })).toBe(false);
    expect(mayRemind({ role: 'MANAGER', department: null })).toBe(false);
  });

  it('only the addressed unit’s staff sign for a slip, and only once', () => {
    expect(maySignFor(staff('d1'), { departmentId: 'd1', signedAt: null })).toBe(true);
    expect(maySignFor(staff('d2'), { departmentId: 'd1', signedAt: null })).toBe(false);
    expect(maySignFor(staff('d1'), { departmentId: 'd1', signedAt: '2026-11-22T08:00:00Z' })).toBe(false);
    expect(maySignFor({ role: 'COORDINATOR', department: { id: 'd1' } }, { departmentId: 'd1', signedAt: null })).toBe(false);
  });

  it('has a printable address per slip', () => {
    expect(reminderSlipPath('abc')).toBe('/reminders/abc/print');
    expect(reminderSlipIdOf('/reminders/abc/print')).toBe('abc');
    expect(reminderSlipIdOf('/reminders/abc')).toBeNull();
    expect(reminderSlipIdOf('/')).toBeNull();
  });
});
