import { bulletinTotals, inLedgerPeriod, laggingUnits, ledgerGroupOf, ledgerOverdue, ledgerTitle, periodNameZh, unitDeadline, type BulletinUnitFacts } from './supervision-ledger';

describe('supervision ledger rules', () => {
  it('groups by stage first, then by the deadline', () => {
    expect(ledgerGroupOf('SUSPENDED', '2026-01-01', '2026-11-22')).toBe('ENDED');
    expect(ledgerGroupOf('CANCELLED', null, '2026-11-22')).toBe('ENDED');
    expect(ledgerGroupOf('COMMENDATION', '2026-01-01', '2026-11-22')).toBe('FINISHED');
    expect(ledgerGroupOf('IMPLEMENTATION', '2026-11-21', '2026-11-22')).toBe('OVERDUE');
    expect(ledgerGroupOf('IMPLEMENTATION', '2026-11-22', '2026-11-22')).toBe('IN_PROGRESS');
    expect(ledgerGroupOf('REVIEW', null, '2026-11-22')).toBe('IN_PROGRESS');
  });

  it('是否超期: open work against today, closed work against the day it closed', () => {
    expect(ledgerOverdue('2026-11-21', null, '2026-11-22')).toBe(true);
    expect(ledgerOverdue('2026-11-21', '2026-11-21', '2026-11-30')).toBe(false);
    expect(ledgerOverdue('2026-11-21', '2026-11-23', '2026-11-30')).toBe(true);
    expect(ledgerOverdue(null, null, '2026-11-30')).toBe(false);
  });

  it('a granted extension moves the unit’s deadline to the task’s', () => {
    expect(unitDeadline('2026-11-30', '2026-12-20', true)).toBe('2026-12-20');
    expect(unitDeadline('2026-11-30', '2026-12-20', false)).toBe('2026-11-30');
    expect(unitDeadline(null, '2026-12-20', true)).toBe('2026-12-20');
  });

  it('periods: names, titles and who belongs', () => {
    expect(periodNameZh('2026-Q4')).toBe('2026年第四季度');
    expect(periodNameZh('2026-H1')).toBe('2026年上半年');
    expect(periodNameZh('2026')).toBe('2026年');
    expect(ledgerTitle('2026-Q4')).toBe('2026年第四季度重点工作督办台账');
    expect(() => periodNameZh('Q4')).toThrow(RangeError);
    const q4 = { start: '2026-10-01', end: '2026-12-31' };
    expect(inLedgerPeriod('2026-12-31', null, q4)).toBe(true);
    expect(inLedgerPeriod('2027-01-01', null, q4)).toBe(false);
    expect(inLedgerPeriod('2026-01-01', '2026-09-30', q4)).toBe(false);
    expect(inLedgerPeriod('2026-01-01', '2026-10-01', q4)).toBe(true);
  });

  it('totals and the lagging units', () => {
    expect(bulletinTotals(['FINISHED', 'IN_PROGRESS', 'OVERDUE'])).toEqual({
      total: 3, finished: 1, inProgress: 1, overdue: 1, ended: 0, finishedPercent: 33.3, inProgressPercent: 33.3, overduePercent: 33.3,
    });
    expect(bulletinTotals([]).finishedPercent).toBe(0);
    const unit = (over: Partial<BulletinUnitFacts>): BulletinUnitFacts => ({
      taskId: 't1', taskCode: '1', taskTitle: '甲', group: 'IN_PROGRESS', implementing: true, departmentId: 'a', departmentName: '甲厅', light: 'GREEN', reported: true, returned: false, ...over,
    });
    const units = laggingUnits([
      unit({}),
      unit({ group: 'OVERDUE', light: 'RED', reported: false }),
      unit({ taskId: 't2', taskCode: '2', departmentId: 'b', departmentName: '乙厅', light: 'RED', returned: true }),
      unit({ taskId: 't3', taskCode: '3', departmentId: 'b', departmentName: '乙厅', group: 'FINISHED', reported: false }),
      unit({ taskId: 't4', taskCode: '4', departmentId: 'b', departmentName: '乙厅', implementing: false, reported: false }),
    ]);
    expect(units).toEqual([{ departmentId: 'a', departmentName: '甲厅', items: [{ taskId: 't1', taskCode: '1', taskTitle: '甲', reasons: ['OVERDUE', 'NO_REPORT'] }] }, { departmentId: 'b', departmentName: '乙厅', items: [{ taskId: 't2', taskCode: '2', taskTitle: '甲', reasons: ['FAR_BEHIND', 'RETURNED'] }] }]);
  });
});
