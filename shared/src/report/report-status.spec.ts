import { lateReports, reportStatus } from './report-status';

describe('reportStatus', () => {
  const due = '2026-07-10';
  it.each<[string | null, string, string]>([
    ['2026-07-01', '2026-07-20', 'SUBMITTED'],
    ['2026-07-10', '2026-07-20', 'SUBMITTED'],
    ['2026-07-11', '2026-07-20', 'SUBMITTED_LATE'],
    [null, '2026-07-01', 'DUE'],
    [null, '2026-07-06', 'DUE'],
    [null, '2026-07-07', 'DUE_SOON'],
    [null, '2026-07-10', 'DUE_SOON'],
    [null, '2026-07-11', 'LATE'],
    [null, '2027-01-01', 'LATE'],
  ])('filed %p, seen on %s → %s', (submittedAt, today, status) => {
    expect(reportStatus({ period: '2026-Q2', dueDate: due, submittedAt, today })).toBe(status);
  });

  it('wants calendar days, not timestamps', () => {
    expect(() => reportStatus({ dueDate: due, submittedAt: '2026-07-01T10:00:00Z', today: '2026-07-20' })).toThrow(/submittedAt/);
  });
});

describe('lateReports', () => {
  const expected = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

  it('flags missing and late reports for the card', () => {
    // Due 10 days after each quarter; seen on 10 October.
    const flags = lateReports(
      expected,
      [
        { period: '2026-Q1', submittedAt: '2026-04-08' },
        { period: '2026-Q2', submittedAt: '2026-07-15' },
        { period: '2025-Q4', submittedAt: '2026-03-01' },
      ],
      '2026-10-09',
      10,
    );
    expect(flags).toMatchObject({ missing: [], late: ['2026-Q2'], dueSoon: ['2026-Q3'], missingCount: 0, lateCount: 1 });
    expect(flags.periods.map((p) => [p.period, p.dueDate, p.status])).toEqual([
      ['2026-Q1', '2026-04-10', 'SUBMITTED'],
      ['2026-Q2', '2026-07-10', 'SUBMITTED_LATE'],
      ['2026-Q3', '2026-10-10', 'DUE_SOON'],
      ['2026-Q4', '2027-01-10', 'DUE'],
    ]);
    expect(lateReports(expected, [], '2026-10-11', 10)).toMatchObject({ missing: ['2026-Q1', '2026-Q2', '2026-Q3'], missingCount: 3, lateCount: 0 });
  });

  it('the first filing decides timeliness; a later correction does not make it late', () => {
    const flags = lateReports(['2026-Q1'], [{ period: '2026-Q1', submittedAt: '2026-05-01' }, { period: '2026-Q1', submittedAt: '2026-04-02' }], '2026-06-01', 10);
    expect(flags.periods[0].status).toBe('SUBMITTED');
  });

  it('half-year reports by 6月5日 and 12月5日', () => {
    const flags = lateReports(['2026-H1', '2026-H2'], [{ period: '2026-H1', submittedAt: '2026-06-05' }], '2026-12-06', 5, { periodEndMonthShift: -1 });
    expect(flags).toMatchObject({ missing: ['2026-H2'], late: [] });
  });
});
