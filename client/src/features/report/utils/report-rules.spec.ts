import type { ReportDue } from '../graphql/report.graphql';
import { allFiled, owedPeriods, proposedPeriod } from './report-rules';

const row = (departmentId: string, period: string, status: ReportDue['status']): ReportDue => ({
  taskId: 't1',
  departmentId,
  departmentName: departmentId,
  lead: departmentId === 'lead',
  period,
  dueDate: '2026-01-05',
  status,
});

describe('which period a department files for', () => {
  it('leaves the current period to the server while it is still owed', () => {
    const schedule = [row('lead', '2026-Q1', 'LATE'), row('lead', '2026-Q2', 'DUE'), row('coop', '2026-Q2', 'SUBMITTED')];
    expect(owedPeriods(schedule, 'lead')).toEqual(['2026-Q1', '2026-Q2']);
    expect(proposedPeriod(schedule, 'lead')).toBeUndefined();
  });

  it('offers the oldest owed period once the current one is filed (the server would refuse a second one)', () => {
    const schedule = [row('lead', '2026-Q2', 'SUBMITTED'), row('lead', '2025-Q4', 'LATE'), row('lead', '2026-Q1', 'LATE')];
    expect(proposedPeriod(schedule, 'lead')).toBe('2025-Q4');
  });

  it('knows when everything is filed, but not for a department the schedule does not list yet', () => {
    const schedule = [row('lead', '2026-Q1', 'SUBMITTED_LATE'), row('lead', '2026-Q2', 'SUBMITTED')];
    expect(allFiled(schedule, 'lead')).toBe(true);
    expect(allFiled(schedule, 'coop')).toBe(false);
  });
});
