import { bulletinParamsOf, bulletinPath, isBulletinPath, recentPeriods, supervisionLedgerPath } from './bulletin-route';

describe('the bulletin’s address and the ledger’s download', () => {
  it('reads and writes the plan and period, this quarter by default', () => {
    expect(isBulletinPath('/bulletin')).toBe(true);
    expect(isBulletinPath('/bulletins')).toBe(false);
    expect(bulletinParamsOf('?plan=p1&period=2026-H2', '2026-11-22')).toEqual({ planId: 'p1', period: '2026-H2' });
    expect(bulletinParamsOf('', '2026-11-22')).toEqual({ planId: null, period: '2026-Q4' });
    expect(bulletinPath('p1', '2026-Q4')).toBe('/bulletin?plan=p1&period=2026-Q4');
  });

  it('the ledger takes the plan, the department as lead or cooperating, and the period', () => {
    expect(supervisionLedgerPath({ planId: 'p1', departmentCode: 'jxw' }, '2026-Q4')).toBe('/export/supervision-ledger.xlsx?plan=p1&dept=jxw&coop=1&period=2026-Q4');
    expect(supervisionLedgerPath({ planId: null }, '2026')).toBe('/export/supervision-ledger.xlsx?period=2026');
  });

  it('offers this year’s and last year’s periods, newest first', () => {
    expect(recentPeriods('2026-11-22').slice(0, 7)).toEqual(['2026-Q4', '2026-Q3', '2026-H2', '2026-Q2', '2026-Q1', '2026-H1', '2026']);
    expect(recentPeriods('2026-11-22')).toHaveLength(14);
  });
});
